// The glossary loader on random, mutated and garbage YAML (seeded; `npm run fuzz` runs longer), and the
// inputs those properties found, kept as examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGlossaryFile } from '../../server/src/core/glossary/load';
import { assertLoadedSoundly, LOADER_PROPERTIES } from '../fuzz/loaderProperties';
import { runBounded } from '../fuzz/registry';

for (const property of LOADER_PROPERTIES) test(property.name, () => runBounded(property));

test('found by fuzzing: an empty mapping as an entry, a role or the root is reported, and the other entries load', () => {
  const text = 'entries:\n  - {}\n  - id: a\n    kind: official\n    name: Ann Bee\n    roles:\n      - {}\n  - id: b\n    kind: term\n    name: bee\n';
  const file = loadGlossaryFile('file:///w/g.glossary.yaml', text);
  assertLoadedSoundly(text, file);
  assert.deepEqual(file.entries.map((e) => e.id), ['a', 'b']);
  assert.deepEqual(file.problems.map((p) => [p.code, p.range.start.line]), [['missing-key', 1], ['missing-key', 1], ['missing-key', 1], ['missing-key', 6]]);
  const root = loadGlossaryFile('file:///w/g.glossary.yaml', '{}');
  assert.deepEqual(root.problems.map((p) => p.code), ['missing-key']);
});

test('found by fuzzing: a problem range never ends between the halves of an emoji', () => {
  const text = '>🇻🇳';
  const file = loadGlossaryFile('file:///w/g.glossary.yaml', text);
  assertLoadedSoundly(text, file);
  assert.ok(file.problems.length > 0);
});

test('found by fuzzing: absurd flow nesting is refused at once, not after the parser overflows its stack', () => {
  const text = `entries:\n  - id: deep\n    kind: term\n    name: deep term\n    x-deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
  const started = Date.now();
  const file = loadGlossaryFile('file:///w/g.glossary.yaml', text);
  assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
  assert.deepEqual(file.problems.map((p) => p.code), ['nesting-too-deep']);
  assertLoadedSoundly(text, file);
});
