import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { newlineStarts, PositionIndex } from '../../server/src/core/glossary/positions';
import { readYaml } from '../../server/src/core/glossary/syntax';
import { loadGlossaryFile } from '../../server/src/core/glossary/load';
import { glossaryArbitrary, mutate, mutationArbitrary, renderGlossary } from '../helpers/glossaryGen';

// The line table is computed once per glossary text and shared by the loader's positions and the fast
// reader: it must be exactly the offsets after each `\n`, whatever the text.

function naiveNewlineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

const lineText = fc.array(fc.constantFrom('a', ' ', '\n', '\r\n', 'ễ', '# c', '- x: y'), { maxLength: 400 }).map((parts) => parts.join(''));

test('newlineStarts gives the offset after every line feed, after 0', () => {
  fc.assert(
    fc.property(lineText, (text) => {
      assert.deepEqual(Array.from(newlineStarts(text)), naiveNewlineStarts(text));
    }),
    { seed: 7, numRuns: 300 },
  );
  // Past the first guess of the array's size (text length / 32): the array grows.
  const manyLines = '\n'.repeat(5000);
  assert.deepEqual(Array.from(newlineStarts(manyLines)), naiveNewlineStarts(manyLines));
  assert.deepEqual(Array.from(newlineStarts('')), [0]);
});

test('positions share their line table only when every line break is LF or CRLF', () => {
  assert.deepEqual(Array.from(new PositionIndex('a\nb\n').newlineStarts ?? []), [0, 2, 4]);
  assert.equal(new PositionIndex('a\r\nb').newlineStarts, undefined);
  // A lone CR ends a line for positions, not for newlineStarts.
  const index = new PositionIndex('a\rb');
  assert.equal(index.newlineStarts, undefined);
  assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
});

test('the fast reader gives the same tree with a shared line table as without', () => {
  fc.assert(
    fc.property(glossaryArbitrary, mutationArbitrary, fc.boolean(), fc.boolean(), (g, mutations, doMutate, crlf) => {
      let text = renderGlossary(g);
      if (doMutate) text = mutate(text, mutations);
      if (crlf) text = text.replace(/\n/g, '\r\n');
      const own = readYaml(text);
      const shared = readYaml(text, { lineStarts: newlineStarts(text) });
      assert.deepEqual(shared, own);
    }),
    { seed: 11, numRuns: 200 },
  );
});

test('entries share one frozen empty extensions object and empty lists; other lists are their own', () => {
  const text = [
    'entries:',
    '  - id: a',
    '    kind: term',
    '    name: Alpha',
    '    aliases: [A1, A2]',
    '  - id: b',
    '    kind: official',
    '    name: Bui Van B',
    '    roles:',
    '      - title: Minister',
    '        native: Bộ trưởng',
    '        from: 2020',
    '      - title: Deputy Minister',
    '        to: 2019',
    '    x-note: kept',
    '',
  ].join('\n');
  const file = loadGlossaryFile('file:///g.yaml', text);
  assert.deepEqual(file.problems, []);
  const [a, b] = file.entries;
  assert.deepEqual(a.extensions, {});
  assert.ok(Object.isFrozen(a.extensions));
  assert.deepEqual(b.extensions, { 'x-note': 'kept' });
  assert.deepEqual(a.related, []);
  assert.ok(Object.isFrozen(a.related) && a.related === b.related && (a.roles as unknown[]) === (b.aliases as unknown[]));
  assert.deepEqual(a.aliases, ['A1', 'A2']);
  a.aliases.push('A3');
  assert.deepEqual(a.aliases, ['A1', 'A2', 'A3']);
  assert.deepEqual(b.roles, [
    { title: 'Minister', native: 'Bộ trưởng', from: '2020' },
    { title: 'Deputy Minister', to: '2019' },
  ]);
  assert.deepEqual(Object.keys(b.roles[0]), ['title', 'native', 'from']);
  // Name and two aliases: four numbers (start line and character, end line and character) each.
  assert.equal(a.valueRanges?.length, 12);
  assert.deepEqual(a.valueRanges?.slice(0, 4), [3, 10, 3, 15]);
});

test('plain values end at a comment; a mapping colon in one is an error, as the yaml package reads them', () => {
  const cases: [text: string, readable: boolean][] = [
    ['entries:\n  - id: a\n    name: Alpha:Beta # note: here\n    summary: one # two # three\n', true],
    ['entries:\n  - id: a\n    name: Alpha#Beta\n    summary: ends with colon:x\n# a comment line: with colon\n', true],
    ['entries:\n  - id: a\n    name: Alpha: Beta\n', false],
    ['entries:\n  - id: a\n    name: Alpha:\n', false],
    ['title: x #c\nentries:\n  - id: a\n    aliases:\n' + '      - plain value\n'.repeat(50) + '      - a:b #:\n', true],
  ];
  for (const [text, readable] of cases) {
    const read = readYaml(text);
    const reference = readYaml(text, { reader: 'yaml' });
    // An entry outside the subset is read alone by the yaml package: the same errors, placed the same.
    assert.equal(read.reader, 'fast', text);
    assert.equal(read.readable, readable, text);
    assert.equal(reference.readable, readable, text);
    if (readable) assert.deepEqual(read.root, reference.root, text);
    const located = (t: typeof read) => t.issues.map((i) => [i.code, i.start, i.end]);
    assert.deepEqual(located(read), located(reference), text);
  }
});
