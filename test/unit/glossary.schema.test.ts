import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { CASE_RULES, ENTRY_KEYS, ID_PATTERN, loadGlossaryFile, ROLE_KEYS, TERM_STATUSES } from '../../server/src/core/glossary/load';
import { ENTRY_KINDS } from '../../server/src/core/glossary/model';
import { glossaryArbitrary, renderGlossary } from '../helpers/glossaryGen';

const root = join(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/glossary.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
const sample = readFileSync(join(root, 'samples/policy.glossary.yaml'), 'utf8');

/** Problems the schema can express; the others (duplicates, references, shared forms...) need the whole glossary or the YAML text. */
const SHAPE_CODES = new Set(['invalid-type', 'missing-key', 'invalid-id', 'invalid-kind', 'unknown-key', 'invalid-date', 'invalid-status', 'invalid-case', 'deprecated-without-use']);

function agree(text: string): { schemaValid: boolean; loaderValid: boolean } {
  const schemaValid = validate(parse(text)) as boolean;
  const file = loadGlossaryFile('file:///w/x.glossary.yaml', text);
  assert.equal(file.parsed, true, text);
  const loaderValid = !file.problems.some((p) => SHAPE_CODES.has(p.code));
  assert.equal(schemaValid, loaderValid, `schema ${schemaValid ? 'accepts' : 'rejects'} but loader ${loaderValid ? 'accepts' : 'rejects'}:\n${text}\n${JSON.stringify(validate.errors)}\n${JSON.stringify(file.problems)}`);
  return { schemaValid, loaderValid };
}

const base = (extra: string) => `entries:\n  - id: a\n    kind: term\n    name: A\n${extra}`;

test('the sample glossary is valid for the schema and the loader', () => {
  assert.equal(validate(parse(sample)), true, JSON.stringify(validate.errors));
  assert.deepEqual(agree(sample), { schemaValid: true, loaderValid: true });
});

test('schema and loader agree on valid and invalid glossaries', () => {
  const valid = [
    base(''),
    base('    aliases: []\n    short: [Cuong, 1984]\n    related: [b.c, d_e]\n    x-anything: {a: [1]}\n'),
    base('    roles:\n      - title: T\n        from: 2021\n        to: 2024-02-29\n        x-note: n\n'),
    base('    date: 2000-02-29\n    status: deprecated\n    use: b\n    case: insensitive\n'),
    'title: T\nx-meta: 1\nentries:\n',
    base('    name: again\n').replace('    name: again\n', ''),
  ];
  const invalid = [
    base('    aliases: Nguyen\n'),
    base('    alias: [x]\n'),
    base('    status: deprecated\n'),
    base('    status: old\n'),
    base('    case: Sensitive\n'),
    base('    date: 1900-02-29\n'),
    base('    date: 2024-4-1\n'),
    base('    date: 999\n'),
    base('    date: 2021.5\n'),
    base('    roles:\n      - from: 2021\n'),
    base('    roles:\n      - title: T\n        until: 2021\n'),
    base('    related: [Bad]\n'),
    base('    related: [1]\n'),
    base('    use: 5\n'),
    base('    native: true\n'),
    base('    summary:\n'),
    'entries:\n  - id: Bad\n    kind: term\n    name: A\n',
    'entries:\n  - id: a\n    kind: thing\n    name: A\n',
    'entries:\n  - kind: term\n    name: A\n',
    'entries:\n  - id: 12\n    kind: term\n    name: A\n',
    'entries:\n  - just text\n',
    'title: T\n',
    'title: [T]\nentries: []\n',
    'entries: []\nother: 1\n',
  ];
  for (const text of valid) assert.deepEqual(agree(text), { schemaValid: true, loaderValid: true }, text);
  for (const text of invalid) assert.deepEqual(agree(text), { schemaValid: false, loaderValid: false }, text);
});

test('schema and loader agree on generated glossaries', () => {
  let invalid = 0;
  fc.assert(
    fc.property(glossaryArbitrary, (g) => {
      if (!agree(renderGlossary(g)).schemaValid) invalid++;
    }),
    { seed: 42, numRuns: 200 },
  );
  // Both outcomes must be exercised for the agreement to mean something.
  assert.ok(invalid > 20 && invalid < 180, `${invalid} invalid of 200`);
});

test('the schema describes every field and uses the loader\'s vocabulary', () => {
  const entry = schema.definitions.entry;
  assert.deepEqual(Object.keys(entry.properties).sort(), [...ENTRY_KEYS].sort());
  for (const [key, property] of Object.entries(entry.properties)) assert.ok((property as { description?: string }).description, `no description for ${key}`);
  assert.deepEqual(Object.keys(schema.definitions.role.properties).sort(), [...ROLE_KEYS].sort());
  for (const property of Object.values(schema.definitions.role.properties)) assert.ok((property as { description?: string }).description);
  assert.deepEqual(entry.properties.kind.enum, [...ENTRY_KINDS]);
  assert.deepEqual(entry.properties.status.enum, [...TERM_STATUSES]);
  assert.deepEqual(entry.properties.case.enum, [...CASE_RULES]);
  assert.equal(schema.definitions.id.pattern, ID_PATTERN.source);
  assert.equal(entry.additionalProperties, false);
  assert.ok(entry.patternProperties['^x-']);
  assert.deepEqual(entry.required, ['id', 'kind', 'name']);
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.ok(packageJson.contributes.yamlValidation.some((v: { url: string }) => v.url === './schemas/glossary.schema.json'));
});

test('the schema date pattern accepts exactly the real calendar dates', () => {
  const pattern = new RegExp(schema.definitions.role.properties.from.anyOf[0].pattern);
  const isReal = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  };
  for (const year of [1900, 1999, 2000, 2023, 2024, 2100]) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const valid = month >= 1 && month <= 12 && day >= 1 && isReal(year, month, day);
        assert.equal(pattern.test(text), valid, text);
        const file = loadGlossaryFile('file:///w/x.glossary.yaml', base(`    date: ${text}\n`));
        assert.equal(file.entries[0].date === text, valid, text);
      }
    }
  }
});
