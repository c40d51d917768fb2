import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readYaml } from '../../server/src/core/glossary/syntax';
import { formKey, formKeyHash, generalFormKey } from '../../server/src/core/glossary/forms';
import { canWritePlain, resolvePlainScalar, writeScalar } from '../../server/src/core/glossary/scalars';
import { parse } from 'yaml';
import { glossaryArbitrary, mutate, mutationArbitrary, renderGlossary } from '../helpers/glossaryGen';

// The fast reader must give exactly the tree and issues the `yaml` package gives, or decline.
function assertSameTree(text: string): 'fast' | 'yaml' {
  const fast = readYaml(text);
  const reference = readYaml(text, { reader: 'yaml' });
  if (fast.reader === 'fast') {
    const context = `${JSON.stringify(text)}\nfast: ${JSON.stringify(fast.issues)}\nyaml: ${JSON.stringify(reference.issues)}`;
    assert.equal(fast.readable, reference.readable, context);
    if (fast.readable) {
      assert.deepEqual(fast.root, reference.root, `trees differ for ${context}`);
      const located = (t: typeof fast) => t.issues.map((i) => [i.code, i.start, i.end]);
      assert.deepEqual(located(fast), located(reference), context);
    }
  }
  return fast.reader;
}

test('fast reader and yaml package agree on generated glossaries', () => {
  let fastCount = 0;
  let total = 0;
  fc.assert(
    fc.property(glossaryArbitrary, (g) => {
      total++;
      if (assertSameTree(renderGlossary(g)) === 'fast') fastCount++;
    }),
    { seed: 20250124, numRuns: 300 },
  );
  // The generator writes the subset the fast reader exists for: it must not decline it.
  assert.ok(fastCount >= total * 0.9, `fast reader used for ${fastCount} of ${total}`);
});

test('fast reader and yaml package agree on mutated glossaries (or the fast reader declines)', () => {
  fc.assert(
    fc.property(glossaryArbitrary, mutationArbitrary, (g, mutations) => {
      assertSameTree(mutate(renderGlossary(g), mutations));
    }),
    { seed: 7, numRuns: 400 },
  );
});

test('fast reader handles the constructs glossaries use', () => {
  const cases = [
    'entries:\n- id: a\n  name: A\n',
    'title: T # c\nentries:\n  - id: a\n    aliases: [x, \'y z\', "w"]\n    summary: |\n      line 1\n\n      line 3\n    short: []\n',
    'entries:\r\n  - id: a\r\n    summary: >-\r\n      folded\r\n      text\r\n\r\n      para\r\n    related:\r\n      - b # c\r\n      - "c"\r\n',
    'entries:\n  -\n    id: a\n  - id: b\n    x-data:\n      k: v\n      list: [1, 2.5, true, null, ~]\n',
    '# only a comment\n',
    '',
    '---\nentries: []\n',
    'entries:\n  - id: a\n    name: "esc \\u00e9 \\x41 \\" \\\\ \\t"\n    native: \'it\'\'s\'\n    issuer:   # nothing\n',
    'entries:\n  - id: a\n    summary: |\n      last line without break',
  ];
  for (const text of cases) assert.equal(assertSameTree(text), 'fast', JSON.stringify(text));
});

test('entries outside the subset are read alone by the yaml package, with the same result', () => {
  const cases = [
    'entries:\n  - id: a\n    kind: term\n    name: !custom A\n  - id: b\n    name: B\n',
    'entries:\n  - {id: a, kind: term, name: A}\n  - id: b\n',
    'entries:\n  - id: a\n    name: multi\n      line plain\n  - id: b\n',
    'entries:\n  - id: a\n    name: "two\n      lines"\n',
    'entries:\n  - id: a\n    name: &n A\n    aliases: [*n]\n',
    'entries:\n  - ? id\n    : a\n',
    'entries:\n  - id: a\n    x: [\n      1, 2]\n  - id: b\n    name: [unclosed\n  - id: c\n',
  ];
  for (const text of cases) assert.equal(assertSameTree(text), 'fast', JSON.stringify(text));
  // A broken entry makes the file unreadable, as the yaml package says.
  const broken = readYaml(cases[6]);
  assert.equal(broken.readable, false);
  assert.equal(broken.issues[0].code, 'yaml-syntax');
});

test('what only the whole document can tell goes to the yaml package', () => {
  for (const text of ['entries:\n\t- id: a\n', '%YAML 1.2\n---\nentries: []\n', '"entries": []\n', 'entries:\r  - id: a\r', 'x-a: &a [1]\nentries:\n  - id: a\n    x: *a\n']) {
    assert.equal(readYaml(text).reader, 'yaml', JSON.stringify(text));
  }
  // An alias between entries: the entries are read together, with the same result.
  for (const text of ['entries:\n  - &e {id: a}\n  - *e\n', 'x-meta: {a: 1}\nentries:\n  - id: a\n']) assertSameTree(text);
});

test('plain scalars resolve as the core schema says', () => {
  for (const source of ['2021', '0x1F', '0o17', '1.5', '.5', '1e3', '-7', '+5', 'true', 'False', 'null', '~', '', '.inf', '-.Inf', '.nan', 'abc', '2024-08-03', '59-NQ/TW', 'yes', 'on']) {
    const expected = source === '' ? null : parse(`v: ${source}`).v;
    const actual = resolvePlainScalar(source);
    if (typeof expected === 'number' && Number.isNaN(expected)) assert.ok(Number.isNaN(actual as number));
    else assert.equal(actual, expected, source);
  }
});

test('writeScalar always reads back as the same string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('plain', 'single', 'double'), fc.boolean(), (value, style, inFlow) => {
      const written = writeScalar(value, style as 'plain' | 'single' | 'double', inFlow);
      const read = inFlow ? parse(`[${written}]`)[0] : parse(`k: ${written}`).k;
      assert.equal(read, value, `${JSON.stringify(value)} written as ${written}`);
      if (style === 'plain' && canWritePlain(value, inFlow)) assert.equal(written, value);
    }),
    { seed: 3, numRuns: 2000 },
  );
});

test('formKey folds diacritics and case, keeps words, and agrees with its general definition', () => {
  assert.equal(formKey('Nguyễn Mạnh Cường'), 'nguyen manh cuong');
  assert.equal(formKey('NGUYEN  manh-CUONG'), 'nguyen manh cuong');
  assert.equal(formKey('Đổi mới'), 'doi moi');
  assert.equal(formKey('people-to-people diplomacy'), 'people to people diplomacy');
  assert.equal(formKey('---'), '');
  assert.equal(formKey('\u0301\u0301'), '');
  assert.equal(formKey('Nguye\u0302\u0303n'), 'nguyen');
  const chars = 'aAzZ09 -.,\'’ĐđễẾƯươÂâăÔàá\u0300\u0301\u0303ßæ×Ωσς한🎍';
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join('')), (form) => {
      assert.equal(formKey(form), generalFormKey(form), JSON.stringify(form));
      const hash = formKeyHash(form);
      if (formKey(form) === '') assert.equal(hash, -1);
      else assert.ok(hash >= 0);
    }),
    { seed: 11, numRuns: 3000 },
  );
  assert.equal(formKeyHash('Tô Lâm'), formKeyHash('TO LAM'));
  assert.notEqual(formKeyHash('Tô Lâm'), formKeyHash('To Lan'));
});
