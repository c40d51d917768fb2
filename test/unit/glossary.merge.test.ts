import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import type { Glossary, GlossaryProblem } from '../../server/src/core/glossary/model';
import type { Range } from '../../server/src/core/types';

const A = 'file:///w/a.glossary.yaml';
const B = 'file:///w/b.glossary.yaml';

function r(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

function problems(glossary: Glossary, code: string): GlossaryProblem[] {
  return glossary.problems.filter((p) => p.code === code);
}

function find(glossary: Glossary, code: string, uri: string, range: Range): GlossaryProblem {
  const found = problems(glossary, code).find((p) => p.uri === uri && JSON.stringify(p.range) === JSON.stringify(range));
  assert.ok(found, `no ${code} in ${uri} at ${JSON.stringify(range)}; have ${JSON.stringify(glossary.problems.map((p) => [p.code, p.uri, p.range]))}`);
  return found;
}

const fileA = [
  'entries:',
  '  - id: to-lam',
  '    kind: official',
  '    name: Tô Lâm',
  '    aliases: [To Lam]',
  '    related: [cpv, missing-one]',
  '  - id: cpv',
  '    kind: organization',
  '    name: Communist Party of Vietnam',
  '',
].join('\n');

const fileB = [
  'entries:',
  '  - id: cpv',
  '    kind: organization',
  '    name: CPV',
  '  - id: to-lam-2',
  '    kind: official',
  '    name: TO LAM',
  '    use: to-lamm',
  '',
].join('\n');

test('files merge into one glossary; the first definition of an id wins', () => {
  const glossary = mergeGlossary([loadGlossaryFile(A, fileA), loadGlossaryFile(B, fileB)]);
  assert.deepEqual(glossary.entries.map((e) => e.id), ['to-lam', 'cpv', 'to-lam-2']);
  assert.equal(glossary.byId.get('cpv')?.name, 'Communist Party of Vietnam');
  assert.equal(glossary.byId.get('to-lam-2')?.idLocation.uri, B);
  assert.equal(glossary.files.length, 2);
});

test('duplicate-id: at every copy, across files, each pointing at the others', () => {
  const glossary = mergeGlossary([loadGlossaryFile(A, fileA), loadGlossaryFile(B, fileB)]);
  const inA = find(glossary, 'duplicate-id', A, r(6, 8, 6, 11));
  const inB = find(glossary, 'duplicate-id', B, r(1, 8, 1, 11));
  assert.equal(inA.severity, 'error');
  assert.deepEqual(inA.related?.map((x) => [x.uri, x.range]), [[B, r(1, 8, 1, 11)]]);
  assert.deepEqual(inB.related?.map((x) => [x.uri, x.range]), [[A, r(6, 8, 6, 11)]]);
  assert.match(inB.message, /first definition is used/);
  assert.equal(problems(glossary, 'duplicate-id').length, 2);
  // Within one file too.
  const same = mergeGlossary([loadGlossaryFile(A, 'entries:\n  - id: x\n    kind: term\n    name: X\n  - id: x\n    kind: term\n    name: Y\n')]);
  assert.equal(problems(same, 'duplicate-id').length, 2);
  assert.deepEqual(same.entries.map((e) => e.name), ['X']);
});

test('ambiguous-form: the same form after folding on two entries, a warning at both, across files', () => {
  const glossary = mergeGlossary([loadGlossaryFile(A, fileA), loadGlossaryFile(B, fileB)]);
  // `Tô Lâm` (A) and `TO LAM` (B) fold alike. The alias `To Lam` is the same form on the same entry:
  // it is not ambiguous by itself, and each entry is reported once, at its first such form.
  const inA = find(glossary, 'ambiguous-form', A, r(3, 10, 3, 16));
  const inB = find(glossary, 'ambiguous-form', B, r(6, 10, 6, 16));
  assert.equal(inA.severity, 'warning');
  assert.match(inA.message, /`to-lam-2`/);
  assert.match(inB.message, /`to-lam`/);
  assert.deepEqual(inB.related?.map((x) => [x.uri, x.range]), [[A, r(3, 10, 3, 16)]]);
  assert.deepEqual(inA.related?.map((x) => [x.uri, x.range]), [[B, r(6, 10, 6, 16)]]);
  assert.equal(problems(glossary, 'ambiguous-form').length, 2);
});

test('ambiguous-form: within one file, including native forms and word separators', () => {
  const text = [
    'entries:',
    '  - id: a',
    '    kind: term',
    '    name: people-to-people diplomacy',
    '  - id: b',
    '    kind: term',
    '    name: other',
    '    native: People to People Diplomacy',
    '',
  ].join('\n');
  const glossary = mergeGlossary([loadGlossaryFile(A, text)]);
  find(glossary, 'ambiguous-form', A, r(3, 10, 3, 36));
  find(glossary, 'ambiguous-form', A, r(7, 12, 7, 38));
  assert.equal(problems(glossary, 'ambiguous-form').length, 2);
});

test('unknown-reference: `use` and `related` naming no entry, at the value, with a suggestion', () => {
  const glossary = mergeGlossary([loadGlossaryFile(A, fileA), loadGlossaryFile(B, fileB)]);
  const related = find(glossary, 'unknown-reference', A, r(5, 19, 5, 30));
  assert.match(related.message, /`missing-one`/);
  const use = find(glossary, 'unknown-reference', B, r(7, 9, 7, 16));
  assert.match(use.message, /Did you mean `to-lam`\?/);
  assert.equal(problems(glossary, 'unknown-reference').length, 2);
  // A reference to an entry of another file resolves.
  assert.ok(!glossary.problems.some((p) => p.code === 'unknown-reference' && p.message.includes('`cpv`')));
});

test('stale-entries: a file with a syntax error keeps its last good entries and says so', () => {
  const good = loadGlossaryFile(A, fileA);
  const first = mergeGlossary([good, loadGlossaryFile(B, fileB)]);
  const brokenText = fileA.replace('  - id: cpv', '  - id: cpv\n   oops: [');
  const broken = loadGlossaryFile(A, brokenText);
  assert.equal(broken.parsed, false);
  const second = mergeGlossary([broken, loadGlossaryFile(B, fileB)], first);
  assert.deepEqual(second.entries.map((e) => e.id), ['to-lam', 'cpv', 'to-lam-2']);
  const stale = find(second, 'stale-entries', A, r(0, 0, 0, 0));
  assert.equal(stale.severity, 'information');
  assert.match(stale.message, /2 entries are kept/);
  assert.equal(second.files[0].staleEntries, 2);
  // The syntax error itself is still reported; problems located in the stale file from merging are not.
  assert.ok(problems(second, 'yaml-syntax').length >= 1);
  assert.ok(problems(second, 'yaml-syntax').every((p) => p.uri === A));
  assert.ok(!second.problems.some((p) => p.uri === A && (p.code === 'duplicate-id' || p.code === 'unknown-reference' || p.code === 'ambiguous-form')));
  // Still broken on the next keystroke: the entries stay.
  const third = mergeGlossary([loadGlossaryFile(A, brokenText + '#'), loadGlossaryFile(B, fileB)], second);
  assert.deepEqual(third.entries.map((e) => e.id), ['to-lam', 'cpv', 'to-lam-2']);
  assert.equal(problems(third, 'stale-entries').length, 1);
  // Fixed: fresh entries, no stale note.
  const fixed = mergeGlossary([loadGlossaryFile(A, fileA.replace('Tô Lâm', 'Tô Lâm (fixed)')), loadGlossaryFile(B, fileB)], third);
  assert.equal(fixed.byId.get('to-lam')?.name, 'Tô Lâm (fixed)');
  assert.equal(problems(fixed, 'stale-entries').length, 0);
  assert.equal(fixed.files[0].staleEntries, undefined);
});

test('a file that never parsed has no entries to keep and no stale note', () => {
  const glossary = mergeGlossary([loadGlossaryFile(A, 'entries: [\n')]);
  assert.deepEqual(glossary.entries, []);
  assert.equal(problems(glossary, 'stale-entries').length, 0);
  assert.equal(problems(glossary, 'yaml-syntax').length, 1);
});

test('each merged file lists the problems located in it; the glossary lists them all', () => {
  const glossary = mergeGlossary([loadGlossaryFile(A, fileA), loadGlossaryFile(B, fileB)]);
  for (const file of glossary.files) assert.ok(file.problems.every((p) => p.uri === file.uri));
  assert.equal(glossary.problems.length, glossary.files[0].problems.length + glossary.files[1].problems.length);
  // Loading is not changed by merging: the loaded file keeps only its own problems.
  const loaded = loadGlossaryFile(B, fileB);
  mergeGlossary([loadGlossaryFile(A, fileA), loaded]);
  assert.deepEqual(loaded.problems, []);
});

test('merging is linear: many files and entries with shared forms stay fast and complete', () => {
  const files = [];
  for (let f = 0; f < 20; f++) {
    const lines = ['entries:'];
    for (let i = 0; i < 500; i++) lines.push(`  - id: e-${f}-${i}`, '    kind: term', `    name: Term ${i}`);
    files.push(loadGlossaryFile(`file:///w/${f}.glossary.yaml`, lines.join('\n')));
  }
  const glossary = mergeGlossary(files);
  assert.equal(glossary.entries.length, 10000);
  // Every `Term i` is on 20 entries: a warning at each.
  assert.equal(problems(glossary, 'ambiguous-form').length, 10000);
  assert.ok(problems(glossary, 'ambiguous-form').every((p) => (p.related?.length ?? 0) === 19));
});
