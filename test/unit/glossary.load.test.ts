import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossaryFile } from '../../server/src/core/glossary/load';
import type { GlossaryFile, GlossaryProblem } from '../../server/src/core/glossary/model';
import type { Range } from '../../server/src/core/types';

const URI = 'file:///w/test.glossary.yaml';

/** The range of the `nth` occurrence of `needle` in `text` (lines split on \n). */
function rangeOf(text: string, needle: string, nth = 0): Range {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${needle} not found`);
  }
  const position = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: position(offset), end: position(offset + needle.length) };
}

function r(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

function only(file: GlossaryFile, code: string): GlossaryProblem[] {
  return file.problems.filter((p) => p.code === code);
}

function assertProblem(file: GlossaryFile, code: string, range: Range, messagePart?: RegExp): GlossaryProblem {
  const found = only(file, code).find((p) => JSON.stringify(p.range) === JSON.stringify(range));
  assert.ok(found, `no ${code} at ${JSON.stringify(range)}; problems: ${JSON.stringify(file.problems.map((p) => [p.code, p.range]))}`);
  if (messagePart) assert.match(found.message, messagePart);
  return found;
}

test('the sample glossary loads every entry without problems', () => {
  const text = readFileSync(join(__dirname, '../../../samples/policy.glossary.yaml'), 'utf8');
  const file = loadGlossaryFile(URI, text);
  assert.deepEqual(file.problems, []);
  assert.equal(file.parsed, true);
  assert.equal(file.title, 'Vietnam foreign affairs');
  assert.equal(file.entries.length, (text.match(/^ {2}- id: /gm) ?? []).length);
  const cuong = file.entries.find((e) => e.id === 'nguyen-manh-cuong')!;
  assert.deepEqual(cuong.aliases, ['Nguyen Manh Cuong']);
  assert.deepEqual(cuong.short, ['Cuong']);
  assert.deepEqual(cuong.roles, [{ title: 'Deputy Minister of Foreign Affairs', native: 'Thứ trưởng Bộ Ngoại giao', from: '2021' }]);
  assert.deepEqual(cuong.idLocation.range, rangeOf(text, 'nguyen-manh-cuong'));
  assert.deepEqual(file.entries.find((e) => e.id === 'ho-chi-minh')!.short, []);
  assert.equal(file.entries.find((e) => e.id === 'to-lam')!.short, undefined);
  const legacy = file.entries.find((e) => e.id === 'peoples-diplomacy-legacy')!;
  assert.equal(legacy.status, 'deprecated');
  assert.equal(legacy.use, 'people-to-people-diplomacy');
  const partnership = file.entries.find((e) => e.id === 'comprehensive-strategic-partnership')!;
  assert.equal(partnership.case, 'insensitive');
  assert.deepEqual(partnership.extensions, { 'x-note': "Vietnam's highest tier of bilateral framework." });
  assert.equal(file.entries.find((e) => e.id === 'resolution-59')!.number, '59-NQ/TW');
  assert.equal(file.entries.find((e) => e.id === 'geneva-accords')!.date, '1954-07-21');
});

test('yaml-syntax: reported where the parser stops, and the file counts as unparsed', () => {
  const text = 'entries:\n  - id: a\n    kind: term\n    name: A\n   bad: x\n';
  const file = loadGlossaryFile(URI, text);
  assert.equal(file.parsed, false);
  assert.deepEqual(file.entries, []);
  const problem = assertProblem(file, 'yaml-syntax', { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
  assert.equal(problem.severity, 'error');
});

test('yaml-syntax: an unreadable file reports only reading problems, not those of entries read before', () => {
  const text = 'entries:\n  - id: a\n    kind: bogus\n    name: A\n  - id: b\n    name: [x\n';
  const file = loadGlossaryFile(URI, text);
  assert.equal(file.parsed, false);
  assert.deepEqual(file.problems.map((p) => p.code), ['yaml-syntax']);
});

test('invalid-type: wrong types at the value, entries that are not mappings at the item', () => {
  const text = [
    'title: [x]',
    'entries:',
    '  - id: a',
    '    kind: official',
    '    name: A',
    '    aliases: Nguyen',
    '    native: true',
    '    summary:',
    '    related: [b, 5]',
    '  - just text',
    '  -',
    '  - id: 7',
    '    kind: term',
    '    name: Seven',
    '',
  ].join('\n');
  const file = loadGlossaryFile(URI, text);
  assertProblem(file, 'invalid-type', rangeOf(text, '[x]'), /`title` must be text/);
  assertProblem(file, 'invalid-type', rangeOf(text, 'Nguyen'), /`aliases` must be a list/);
  assertProblem(file, 'invalid-type', rangeOf(text, 'true'), /`native` must be text, not a boolean/);
  // An empty value is reported on its key.
  assertProblem(file, 'invalid-type', rangeOf(text, 'summary'), /not nothing/);
  assertProblem(file, 'invalid-type', r(8, 17, 8, 18), /must be an entry id, not a number/);
  assertProblem(file, 'invalid-type', rangeOf(text, 'just text'), /An entry is a mapping/);
  assertProblem(file, 'invalid-type', r(10, 2, 10, 3), /not nothing/);
  assertProblem(file, 'invalid-type', r(11, 8, 11, 9), /`id` must be text, not a number/);
  // The entry with bad optional fields still loads, without them; the one with a numeric id does not.
  assert.deepEqual(file.entries.map((e) => e.id), ['a']);
  const a = file.entries[0];
  assert.deepEqual(a.aliases, []);
  assert.equal(a.native, undefined);
  assert.equal(a.summary, undefined);
  assert.deepEqual(a.related, ['b']);
  assert.equal(only(file, 'invalid-type').length, 8);
  assert.ok(only(file, 'invalid-type').every((p) => p.severity === 'error'));
});

test('invalid-type: a root that is not a mapping, and entries that is not a list', () => {
  let text = '- a\n- b\n';
  assertProblem(loadGlossaryFile(URI, text), 'invalid-type', r(0, 0, 1, 3), /A glossary is a mapping/);
  text = 'entries: {a: 1}\n';
  assertProblem(loadGlossaryFile(URI, text), 'invalid-type', rangeOf(text, '{a: 1}'), /`entries` must be a list/);
});

test('missing-key: on the first key of the entry or role; the entry or role is skipped', () => {
  const text = [
    'entries:',
    '  - kind: term',
    '    name: No id',
    '  - id: no-kind',
    '    name: No kind',
    '  - id: no-name',
    '    kind: term',
    '  - id: ok',
    '    kind: official',
    '    name: Ok',
    '    roles:',
    '      - from: 2021',
    '      - title: Minister',
    '',
  ].join('\n');
  const file = loadGlossaryFile(URI, text);
  assertProblem(file, 'missing-key', r(1, 4, 1, 8), /no `id`/);
  assertProblem(file, 'missing-key', r(3, 4, 3, 6), /no `kind`/);
  assertProblem(file, 'missing-key', r(5, 4, 5, 6), /no `name`/);
  assertProblem(file, 'missing-key', r(11, 8, 11, 12), /role has no `title`/);
  assert.equal(only(file, 'missing-key').length, 4);
  assert.deepEqual(file.entries.map((e) => e.id), ['ok']);
  assert.deepEqual(file.entries[0].roles, [{ title: 'Minister' }]);
  const noEntries = 'title: Only a title\n';
  assertProblem(loadGlossaryFile(URI, noEntries), 'missing-key', rangeOf(noEntries, 'title'), /no `entries`/);
});

test('invalid-id: at the id value (the entry still loads) and at references that cannot be ids', () => {
  const text = ['entries:', '  - id: Nguyen_Manh', '    kind: term', '    name: N', '    related: [Foo, ok-id]', '    use: "Bad Id"', ''].join('\n');
  const file = loadGlossaryFile(URI, text);
  assertProblem(file, 'invalid-id', rangeOf(text, 'Nguyen_Manh'), /Invalid id `Nguyen_Manh`.*nguyen_manh/);
  assertProblem(file, 'invalid-id', rangeOf(text, 'Foo'), /not a valid id/);
  assertProblem(file, 'invalid-id', rangeOf(text, '"Bad Id"'), /not a valid id/);
  assert.deepEqual(file.entries.map((e) => e.id), ['Nguyen_Manh']);
  assert.deepEqual(file.entries[0].related, ['ok-id']);
  assert.equal(file.entries[0].use, undefined);
});

test('invalid-kind: at the value, with a suggestion; the entry is skipped', () => {
  const text = 'entries:\n  - id: mofa\n    kind: organisation\n    name: Ministry\n';
  const file = loadGlossaryFile(URI, text);
  const problem = assertProblem(file, 'invalid-kind', rangeOf(text, 'organisation'), /did you mean `organization`/);
  assert.equal(problem.severity, 'error');
  assert.deepEqual(file.entries, []);
});

test('unknown-key: x- keys are allowed, near misses get a suggestion', () => {
  const text = [
    'x-owner: me',
    'entires: []',
    'entries:',
    '  - id: a',
    '    kind: term',
    '    name: A',
    '    alias: [B]',
    '    sumary: text',
    '    x-note: kept',
    '    colour: red',
    '    roles:',
    '      - title: T',
    '        start: 2020',
    '',
  ].join('\n');
  const file = loadGlossaryFile(URI, text);
  assertProblem(file, 'unknown-key', rangeOf(text, 'entires'), /did you mean `entries`/i);
  assertProblem(file, 'unknown-key', rangeOf(text, 'alias'), /Did you mean `aliases`\?/);
  assertProblem(file, 'unknown-key', rangeOf(text, 'sumary'), /Did you mean `summary`\?/);
  const colour = assertProblem(file, 'unknown-key', rangeOf(text, 'colour'));
  assert.doesNotMatch(colour.message, /Did you mean/);
  assertProblem(file, 'unknown-key', r(12, 8, 12, 13), /in this role/);
  assert.equal(only(file, 'unknown-key').length, 5);
  assert.deepEqual(file.entries[0].extensions, { 'x-note': 'kept' });
  assert.deepEqual(file.entries[0].aliases, []);
});

test('duplicate-key: at the repeated key, pointing at the first; the first value is used', () => {
  const text = 'entries:\n  - id: a\n    kind: term\n    name: First\n    name: Second\n';
  const file = loadGlossaryFile(URI, text);
  const problem = assertProblem(file, 'duplicate-key', rangeOf(text, 'name', 1));
  assert.deepEqual(problem.related?.[0].range, rangeOf(text, 'name', 0));
  assert.equal(file.entries[0].name, 'First');
});

test('deprecated-without-use: at the status value', () => {
  const text = 'entries:\n  - id: old\n    kind: term\n    name: mass diplomacy\n    status: deprecated\n';
  const file = loadGlossaryFile(URI, text);
  const problem = assertProblem(file, 'deprecated-without-use', rangeOf(text, 'deprecated'));
  assert.equal(problem.severity, 'warning');
  assert.equal(file.entries[0].status, 'deprecated');
  const fixed = loadGlossaryFile(URI, text + '    use: new\n');
  assert.deepEqual(only(fixed, 'deprecated-without-use'), []);
});

test('invalid-date: only real dates as YYYY, YYYY-MM or YYYY-MM-DD; the field is dropped', () => {
  const text = [
    'entries:',
    '  - id: a',
    '    kind: official',
    '    name: A',
    '    date: 24-01-2025',
    '    roles:',
    '      - title: T',
    '        from: 2023-02-29',
    '        to: 12345',
    '      - title: U',
    '        from: 2024-02-29',
    '        to: 2025',
    '      - title: V',
    '        from: 2024-13',
    '        to: 2024-04-31',
    '',
  ].join('\n');
  const file = loadGlossaryFile(URI, text);
  for (const bad of ['24-01-2025', '2023-02-29', '12345', '2024-13', '2024-04-31']) assertProblem(file, 'invalid-date', rangeOf(text, bad), /YYYY, YYYY-MM or YYYY-MM-DD/);
  assert.equal(only(file, 'invalid-date').length, 5);
  const entry = file.entries[0];
  assert.equal(entry.date, undefined);
  assert.deepEqual(entry.roles, [{ title: 'T' }, { title: 'U', from: '2024-02-29', to: '2025' }, { title: 'V' }]);
});

test('reversed-dates: at `to`, pointing at `from`, compared at the precision both have', () => {
  const text = [
    'entries:',
    '  - id: a',
    '    kind: official',
    '    name: A',
    '    roles:',
    '      - title: T',
    '        from: 2021-05',
    '        to: 2019',
    '      - title: Same year',
    '        from: 2024-10-21',
    '        to: 2024',
    '',
  ].join('\n');
  const file = loadGlossaryFile(URI, text);
  const problem = assertProblem(file, 'reversed-dates', rangeOf(text, '2019'));
  assert.deepEqual(problem.related?.[0].range, rangeOf(text, '2021-05'));
  assert.equal(only(file, 'reversed-dates').length, 1);
  assert.equal(file.entries[0].roles.length, 2);
});

test('empty-form: forms with no letter or digit; a name like that skips the entry', () => {
  const text = ['entries:', '  - id: a', '    kind: term', '    name: A', '    aliases: ["--", B]', '    native: "\u0301"', '  - id: b', '    kind: term', '    name: "..."', ''].join('\n');
  const file = loadGlossaryFile(URI, text);
  assert.equal(assertProblem(file, 'empty-form', rangeOf(text, '"--"')).severity, 'warning');
  assertProblem(file, 'empty-form', rangeOf(text, '"\u0301"'));
  assert.equal(assertProblem(file, 'empty-form', rangeOf(text, '"..."')).severity, 'error');
  assert.deepEqual(file.entries.map((e) => e.id), ['a']);
  assert.deepEqual(file.entries[0].aliases, ['B']);
  assert.equal(file.entries[0].native, undefined);
});

test('invalid-status and invalid-case: at the value, with a suggestion; defaults apply', () => {
  const text = 'entries:\n  - id: a\n    kind: term\n    name: A\n    status: prefered\n    case: Sensitive\n';
  const file = loadGlossaryFile(URI, text);
  assertProblem(file, 'invalid-status', rangeOf(text, 'prefered'), /did you mean `preferred`/);
  assertProblem(file, 'invalid-case', rangeOf(text, 'Sensitive'), /did you mean `sensitive`/);
  assert.equal(file.entries[0].status, undefined);
  assert.equal(file.entries[0].case, 'auto');
});

test('a file with invalid entries loads the valid ones', () => {
  const text = [
    'entries:',
    '  - id: good-one',
    '    kind: term',
    '    name: Good one',
    '  - id: Bad Kind',
    '    kind: thing',
    '    name: X',
    '  - name: no id',
    '    kind: term',
    '  - id: good-two',
    '    kind: place',
    '    name: Good two',
    '    date: never',
    '',
  ].join('\n');
  const file = loadGlossaryFile(URI, text);
  assert.deepEqual(file.entries.map((e) => e.id), ['good-one', 'good-two']);
  assert.equal(file.parsed, true);
  assert.equal(file.entries[1].date, undefined);
});

test('numbers written as text fields keep their source form; numeric keys are unknown keys', () => {
  const text = 'entries:\n  - id: doc\n    kind: resolution\n    name: 1.10\n    number: 0042\n    1: x\n';
  const file = loadGlossaryFile(URI, text);
  assert.equal(file.entries[0].name, '1.10');
  assert.equal(file.entries[0].number, '0042');
  assertProblem(file, 'unknown-key', r(5, 4, 5, 5));
});

test('an empty file, or one with only comments, is an empty glossary without problems', () => {
  for (const text of ['', '# nothing yet\n', 'entries:\n', 'entries: []\n']) {
    const file = loadGlossaryFile(URI, text);
    assert.deepEqual(file.problems, [], JSON.stringify(text));
    assert.deepEqual(file.entries, []);
    assert.equal(file.parsed, true);
  }
});

test('CRLF files give the same entries and ranges as LF files', () => {
  const lf = readFileSync(join(__dirname, '../../../samples/policy.glossary.yaml'), 'utf8');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = loadGlossaryFile(URI, lf);
  const b = loadGlossaryFile(URI, crlf);
  assert.deepEqual(b.entries, a.entries);
});

test('ranges of values are packed on each entry in a documented order', async () => {
  const { nameRange, aliasRange, nativeRange, useRange, relatedRange, formRange } = await import('../../server/src/core/glossary/ranges');
  const text = ['entries:', '  - id: a', '    kind: term', '    name: Alpha', '    aliases: [Al, "A."]', '    native: Anfa', '    use: b', '    related: [b, c]', ''].join('\n');
  const entry = loadGlossaryFile(URI, text).entries[0];
  assert.deepEqual(nameRange(entry), rangeOf(text, 'Alpha'));
  assert.deepEqual(aliasRange(entry, 0), rangeOf(text, 'Al', 1));
  assert.deepEqual(aliasRange(entry, 1), rangeOf(text, '"A."'));
  assert.equal(aliasRange(entry, 2), undefined);
  assert.deepEqual(nativeRange(entry), rangeOf(text, 'Anfa'));
  assert.deepEqual(useRange(entry), r(6, 9, 6, 10));
  assert.deepEqual(relatedRange(entry, 0), r(7, 14, 7, 15));
  assert.deepEqual(relatedRange(entry, 1), r(7, 17, 7, 18));
  assert.deepEqual(formRange(entry, 3), nativeRange(entry));
});
