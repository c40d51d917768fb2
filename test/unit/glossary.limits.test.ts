import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGlossaryFile, mergeGlossary, MAX_GLOSSARY_BYTES } from '../../server/src/core/glossary/load';
import { readYaml } from '../../server/src/core/glossary/syntax';
import type { GlossaryFile } from '../../server/src/core/glossary/model';

const URI = 'file:///w/big.glossary.yaml';
const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function codes(file: GlossaryFile): string[] {
  return file.problems.map((p) => p.code);
}

const ENTRY = 'entries:\n  - id: a\n    kind: term\n    name: A\n';

test('file-too-large: one diagnostic at the file start, nothing parsed', () => {
  const file = loadGlossaryFile(URI, 'x'.repeat(MAX_GLOSSARY_BYTES + 1));
  assert.deepEqual(codes(file), ['file-too-large']);
  assert.deepEqual(file.problems[0].range, FILE_START);
  assert.equal(file.parsed, false);
  // Counted in UTF-8 bytes: 11M two-byte characters are over the limit though fewer than 20M characters.
  assert.deepEqual(codes(loadGlossaryFile(URI, 'é'.repeat(11 * 1024 * 1024))), ['file-too-large']);
  // The limit can be lowered (the same check on a small text).
  assert.deepEqual(codes(loadGlossaryFile(URI, ENTRY, { maxBytes: 10 })), ['file-too-large']);
  assert.deepEqual(codes(loadGlossaryFile(URI, ENTRY, { maxBytes: ENTRY.length })), []);
});

test('binary-content: NUL bytes give one diagnostic and no parse', () => {
  const file = loadGlossaryFile(URI, 'entries:\n\u0000\u0001\u0002\u00ff binary');
  assert.deepEqual(codes(file), ['binary-content']);
  assert.deepEqual(file.problems[0].range, FILE_START);
  assert.equal(file.parsed, false);
});

test('invalid-encoding: replacement characters from decoding are reported at the first one; the file still loads', () => {
  const text = 'entries:\n  - id: a\n    kind: term\n    name: Nguy\ufffdn\n    native: x\ufffd\n';
  const file = loadGlossaryFile(URI, text);
  assert.deepEqual(codes(file), ['invalid-encoding']);
  assert.deepEqual(file.problems[0].range, { start: { line: 3, character: 14 }, end: { line: 3, character: 15 } });
  assert.match(file.problems[0].message, /2 sequences/);
  assert.equal(file.entries.length, 1);
});

test('too-many-aliases: a YAML alias bomb is refused quickly with a clear diagnostic', () => {
  const levels = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    levels.push(`x-${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  const text = levels.join('\n') + '\n' + ENTRY;
  const started = Date.now();
  const file = loadGlossaryFile(URI, text);
  assert.ok(Date.now() - started < 5000);
  assert.deepEqual(codes(file), ['too-many-aliases']);
  assert.equal(file.problems[0].range.start.line, 1);
  assert.equal(file.parsed, false);
  // A few ordinary aliases are fine.
  const ok = loadGlossaryFile(URI, 'entries:\n  - id: a\n    kind: term\n    name: &n Shared\n  - id: b\n    kind: term\n    name: B\n    aliases: [*n]\n');
  assert.deepEqual(codes(ok), []);
  assert.deepEqual(ok.entries[1].aliases, ['Shared']);
  // An alias inside the node it names does not loop.
  const cycle = loadGlossaryFile(URI, 'x-a: &a [*a, *a]\n' + ENTRY);
  assert.equal(cycle.entries.length, 1);
});

test('nesting-too-deep: deep nesting is cut off or refused, never a crash', () => {
  const moderate = loadGlossaryFile(URI, ENTRY + '    x-deep: ' + '['.repeat(100) + ']'.repeat(100) + '\n');
  assert.deepEqual(codes(moderate), ['nesting-too-deep']);
  assert.equal(moderate.problems[0].range.start.line, 4);
  assert.equal(moderate.entries.length, 1);
  const extreme = loadGlossaryFile(URI, ENTRY + '    x-deep: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n');
  assert.ok(codes(extreme).includes('nesting-too-deep'));
  assert.equal(extreme.parsed, false);
  const block = loadGlossaryFile(URI, ENTRY + '    x-deep:\n      ' + '- '.repeat(50000) + 'x\n');
  assert.ok(codes(block).includes('nesting-too-deep'));
});

test('unsupported-tag: tags give plain data and a warning, never code', () => {
  const text = 'entries:\n  - id: a\n    kind: term\n    name: !!js/function "function () { return 1 }"\n    summary: !custom hello\n    native: !!str 123\n';
  const file = loadGlossaryFile(URI, text);
  assert.deepEqual(codes(file), ['unsupported-tag', 'unsupported-tag']);
  assert.deepEqual(file.problems[0].range, { start: { line: 3, character: 10 }, end: { line: 3, character: 23 } });
  const entry = file.entries[0];
  assert.equal(entry.name, 'function () { return 1 }');
  assert.equal(typeof entry.name, 'string');
  assert.equal(entry.summary, 'hello');
  assert.equal(entry.native, '123');
});

test('x- values are plain data: a `__proto__` key does not change any prototype', () => {
  const file = loadGlossaryFile(URI, ENTRY + '    x-data:\n      __proto__:\n        polluted: true\n');
  const data = file.entries[0].extensions['x-data'] as Record<string, unknown>;
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.deepEqual(Object.keys(data), ['__proto__']);
});

test('a 200k-entry glossary loads completely', () => {
  const parts = ['title: large\nentries:\n'];
  for (let i = 0; i < 200_000; i++) parts.push(`  - id: e${i}\n    kind: term\n    name: Term ${i}\n    aliases: [Alias ${i}]\n`);
  const file = loadGlossaryFile(URI, parts.join(''));
  assert.equal(file.entries.length, 200_000);
  assert.deepEqual(file.problems, []);
  assert.equal(file.entries[199_999].name, 'Term 199999');
  assert.equal(file.entries[199_999].idLocation.range.start.line, 2 + 199_999 * 4);
  const glossary = mergeGlossary([file]);
  assert.equal(glossary.byId.size, 200_000);
  assert.deepEqual(glossary.problems, []);
});

test('in a large glossary, an unusual entry or top-level key is read alone, not the whole file by the slow reader', () => {
  const parts = ['x-meta: {owner: me}\nentries:\n'];
  for (let i = 0; i < 20_000; i++) parts.push(`  - id: e${i}\n    kind: term\n    name: Term ${i}\n`);
  const text = parts.join('').replace('name: Term 500\n', 'name: !custom Term 500\n    aliases: [&a A, *a]\n');
  const tree = readYaml(text);
  assert.equal(tree.reader, 'fast');
  assert.deepEqual(tree.issues.map((i) => i.code), ['unsupported-tag']);
  const file = loadGlossaryFile(URI, text);
  assert.equal(file.entries.length, 20_000);
  assert.deepEqual(file.entries[500].aliases, ['A', 'A']);
  assert.deepEqual(file.problems.map((p) => [p.code, p.range.start.line]), [['unsupported-tag', 2 + 500 * 3 + 2]]);
});
