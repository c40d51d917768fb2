import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { addEntry, applyTextEdits, glossaryNodeAt, renameEntryId, setEntryField, type GlossaryEditResult, type NewGlossaryEntry } from '../../server/src/core/glossary/edit';
import { loadGlossaryFile } from '../../server/src/core/glossary/load';
import { ENTRY_KINDS, type GlossaryEntry } from '../../server/src/core/glossary/model';
import type { TextEdit } from '../../server/src/core/types';
import { glossaryArbitrary, idValue, renderGlossary, textValue } from '../helpers/glossaryGen';

const sample = readFileSync(join(__dirname, '../../../samples/policy.glossary.yaml'), 'utf8');

function ok(result: GlossaryEditResult): { edits: TextEdit[]; text: string } {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
}

/** Offsets of the edits in the original text (edits are in document order and do not overlap). */
function editSpans(text: string, edits: TextEdit[]): { start: number; end: number; newText: string }[] {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  const starts = [0];
  for (const line of lines) starts.push(starts[starts.length - 1] + line.length);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText }));
}

/** Every byte outside the edited spans is unchanged, in order, and the edits produce `after`. */
function assertOnlyEditedSpansChanged(before: string, after: string, edits: TextEdit[]): void {
  const spans = editSpans(before, edits);
  let inBefore = 0;
  let inAfter = 0;
  for (const span of spans) {
    assert.ok(span.start >= inBefore, 'edits overlap or are out of order');
    const gap = before.slice(inBefore, span.start);
    assert.equal(after.slice(inAfter, inAfter + gap.length), gap);
    inAfter += gap.length;
    assert.equal(after.slice(inAfter, inAfter + span.newText.length), span.newText);
    inAfter += span.newText.length;
    inBefore = span.end;
  }
  assert.equal(after.slice(inAfter), before.slice(inBefore));
  assert.equal(applyTextEdits(before, edits), after);
}

function entryData(entry: GlossaryEntry): Omit<GlossaryEntry, 'location' | 'idLocation' | 'valueRanges'> {
  const { location: _l, idLocation: _i, valueRanges: _v, ...data } = entry;
  return data;
}

type Data = { entries?: Record<string, unknown>[] | null } & Record<string, unknown>;

test('renameEntryId changes the id and every use/related naming it, keeping quoting, comments and CRLF', () => {
  const text = [
    '# comment stays',
    'entries:',
    "  - id: 'old-id' # trailing",
    '    kind: term',
    '    name: Old',
    '',
    '  - id: other',
    '    kind: term',
    '    name: Other',
    '    use: "old-id"',
    '    related: [old-id, other, \'old-id\']',
    '    x-note: old-id',
    '  - id: third',
    '    kind: term',
    '    name: Third',
    '    related:',
    '      - old-id   # block',
    '',
  ].join('\r\n');
  const result = ok(renameEntryId(text, 'old-id', 'new-id'));
  assert.equal(result.edits.length, 5);
  assertOnlyEditedSpansChanged(text, result.text, result.edits);
  assert.ok(result.text.includes("  - id: 'new-id' # trailing\r\n"));
  assert.ok(result.text.includes('    use: "new-id"\r\n'));
  assert.ok(result.text.includes("    related: [new-id, other, 'new-id']\r\n"));
  assert.ok(result.text.includes('      - new-id   # block\r\n'));
  // Not an id reference: unchanged.
  assert.ok(result.text.includes('    x-note: old-id\r\n'));
  assert.deepEqual(result.edits[0].range, { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } });
});

test('renameEntryId quotes a plain id only when the new id would read as something else', () => {
  const text = 'entries:\n  - id: a\n    kind: term\n    name: A\n  - id: b\n    kind: term\n    name: B\n    related: [a]\n';
  const result = ok(renameEntryId(text, 'a', '2024'));
  assert.deepEqual(result.edits.map((e) => e.newText), ['"2024"', '"2024"']);
  assert.deepEqual(parse(result.text).entries[1].related, ['2024']);
  assert.deepEqual(ok(renameEntryId(text, 'a', 'a-2')).edits.map((e) => e.newText), ['a-2', 'a-2']);
});

test('renameEntryId refuses invalid or taken ids and broken files', () => {
  const text = 'entries:\n  - id: a\n    kind: term\n    name: A\n  - id: b\n    kind: term\n    name: B\n';
  assert.equal(renameEntryId(text, 'a', 'B c').ok, false);
  assert.equal(renameEntryId(text, 'a', 'b').ok, false);
  assert.equal(renameEntryId('entries: [\n', 'a', 'c').ok, false);
  // Only references in this file: edits there, none elsewhere.
  assert.deepEqual(ok(renameEntryId(text, 'zzz', 'yyy')).edits, []);
});

test('addEntry appends in the file\'s style: indentation, blank lines, list style, line endings', () => {
  const result = ok(addEntry(sample, { id: 'new-term', kind: 'term', name: 'new: term', aliases: ['a, b', 'Nguyễn'], summary: 'Two\nlines', roles: [{ title: 'T', from: 2020 }], 'x-source-note': 'ok' }));
  assert.equal(result.edits.length, 1);
  assert.equal(result.edits[0].range.start.line, result.edits[0].range.end.line);
  assertOnlyEditedSpansChanged(sample, result.text, result.edits);
  assert.ok(
    result.text.endsWith(
      [
        '    date: 1954-07-21',
        '',
        '  - id: new-term',
        '    kind: term',
        '    name: "new: term"',
        '    aliases: ["a, b", Nguyễn]',
        '    roles:',
        '      - title: T',
        '        from: 2020',
        '    summary: "Two\\nlines"',
        '    x-source-note: ok',
        '',
      ].join('\n'),
    ),
    result.text.slice(-400),
  );
  const loaded = loadGlossaryFile('file:///g.yaml', result.text);
  const added = loaded.entries[loaded.entries.length - 1];
  assert.deepEqual(added.aliases, ['a, b', 'Nguyễn']);
  assert.equal(added.summary, 'Two\nlines');
  assert.deepEqual(added.roles, [{ title: 'T', from: '2020' }]);

  const crlf = sample.replace(/\n/g, '\r\n');
  const inCrlf = ok(addEntry(crlf, { id: 'x', kind: 'place', name: 'X' }));
  assert.ok(!/[^\r]\n/.test(inCrlf.text));
  assertOnlyEditedSpansChanged(crlf, inCrlf.text, inCrlf.edits);

  const block = 'entries:\n- id: a\n  kind: term\n  name: A\n  aliases:\n  - A1\n';
  const inBlock = ok(addEntry(block, { id: 'b', kind: 'term', name: 'B', aliases: ['B1', 'B2'] }));
  assert.equal(inBlock.text, block.slice(0, -1) + '\n- id: b\n  kind: term\n  name: B\n  aliases:\n  - B1\n  - B2\n');
});

test('addEntry creates `entries` when missing or empty', () => {
  assert.equal(ok(addEntry('', { id: 'a', kind: 'term', name: 'A' })).text, 'entries:\n  - id: a\n    kind: term\n    name: A\n');
  assert.equal(ok(addEntry('# Notes\ntitle: T', { id: 'a', kind: 'term', name: 'A' })).text, '# Notes\ntitle: T\nentries:\n  - id: a\n    kind: term\n    name: A\n');
  assert.equal(ok(addEntry('title: T\r\nentries: [] # none yet\r\n', { id: 'a', kind: 'term', name: 'A' })).text, 'title: T\r\nentries: # none yet\r\n  - id: a\r\n    kind: term\r\n    name: A\r\n');
  assert.equal(ok(addEntry('entries:\n\n# end\n', { id: 'a', kind: 'term', name: 'A' })).text, 'entries:\n  - id: a\n    kind: term\n    name: A\n\n# end\n');
});

test('addEntry refuses what it cannot write safely', () => {
  assert.equal(addEntry(sample, { id: 'to-lam', kind: 'official', name: 'Dup' }).ok, false);
  assert.equal(addEntry(sample, { id: 'Bad Id', kind: 'term', name: 'X' }).ok, false);
  assert.equal(addEntry(sample, { id: 'x', kind: 'thing' as NewGlossaryEntry['kind'], name: 'X' }).ok, false);
  assert.equal(addEntry('entries: [{id: a, kind: term, name: A}]\n', { id: 'b', kind: 'term', name: 'B' }).ok, false);
  assert.equal(addEntry('- a\n', { id: 'b', kind: 'term', name: 'B' }).ok, false);
  assert.equal(addEntry('entries:\n  - id: a\n   bad\n', { id: 'b', kind: 'term', name: 'B' }).ok, false);
});

test('setEntryField replaces in place, inserts in key order, and removes whole lines', () => {
  const text = 'entries:\n  - id: who # the agency\n    kind: organization\n    name: \'World Health Organization\'\n    aliases: [WHO]\n    x-a: 1\n  - id: b\n    kind: term\n    name: B\n';
  const name = ok(setEntryField(text, 'who', 'name', "World Health Org's"));
  assert.equal(name.edits[0].newText, "'World Health Org''s'");
  assertOnlyEditedSpansChanged(text, name.text, name.edits);
  const summary = ok(setEntryField(text, 'who', 'summary', 'UN agency'));
  assert.ok(summary.text.includes('    aliases: [WHO]\n    summary: UN agency\n    x-a: 1\n'));
  assertOnlyEditedSpansChanged(text, summary.text, summary.edits);
  const aliases = ok(setEntryField(text, 'who', 'aliases', ['WHO', 'W.H.O.']));
  assert.ok(aliases.text.includes('    aliases: [WHO, W.H.O.]\n'));
  const removed = ok(setEntryField(text, 'who', 'aliases', undefined));
  assert.ok(removed.text.includes("    name: 'World Health Organization'\n    x-a: 1\n"));
  const date = ok(setEntryField(text, 'b', 'date', 2021));
  assert.ok(date.text.endsWith('    name: B\n    date: 2021\n'));
  assert.equal(setEntryField(text, 'who', 'name', undefined).ok, false);
  assert.equal(setEntryField(text, 'nobody', 'summary', 'x').ok, false);
  assert.equal(setEntryField(text, 'who', 'aliases', 'WHO').ok, false);
  const id = ok(setEntryField(text, 'who', 'id', 'world-health-organization'));
  assert.ok(id.text.includes('  - id: world-health-organization # the agency\n'));
});

test('glossaryNodeAt finds ids, references, keys and values, also while the YAML is broken', () => {
  const at = (needle: string, delta = 1) => sample.indexOf(needle) + delta;
  const use = glossaryNodeAt(sample, at('use: people-to-people-diplomacy', 7))!;
  assert.equal(use.role, 'use');
  assert.equal(use.value, 'people-to-people-diplomacy');
  assert.equal(use.entryId, 'peoples-diplomacy-legacy');
  assert.equal(sample.slice(use.span.start, use.span.end), 'people-to-people-diplomacy');
  const related = glossaryNodeAt(sample, at('related: [communist-party-of-vietnam, to-lam]', 42))!;
  assert.deepEqual([related.role, related.value, related.entryId], ['related', 'to-lam', 'party-congress-14']);
  assert.deepEqual(related.path, ['entries', 19, 'related', 1]);
  const id = glossaryNodeAt(sample, at('id: geneva-accords', 5))!;
  assert.deepEqual([id.role, id.value], ['id', 'geneva-accords']);
  const key = glossaryNodeAt(sample, at('    summary: General', 5))!;
  assert.deepEqual([key.role, key.key, key.entryId], ['key', 'summary', 'to-lam']);
  const value = glossaryNodeAt(sample, at('kind: event', 8))!;
  assert.deepEqual([value.role, value.key, value.value], ['value', 'kind', 'event']);
  assert.equal(glossaryNodeAt(sample, 0), undefined);

  const typing = 'entries:\n  - id: a\n    kind: term\n    name: A\n    use: \n    related: [a, ]\n';
  const emptyUse = glossaryNodeAt(typing, typing.indexOf('use: ') + 5)!;
  assert.deepEqual([emptyUse.role, emptyUse.value, emptyUse.span.start, emptyUse.span.end], ['use', '', typing.indexOf('use: ') + 5, typing.indexOf('use: ') + 5]);
  const newItem = glossaryNodeAt(typing, typing.indexOf(', ]') + 2)!;
  assert.deepEqual([newItem.role, newItem.value], ['related', '']);

  const broken = 'entries:\n  - id: a\n    kind: term\n    name: A\n    related: [b, pe\n  - id: c\n';
  const partial = glossaryNodeAt(broken, broken.indexOf('pe') + 2)!;
  assert.deepEqual([partial.role, partial.value, partial.entryId], ['related', 'pe', 'a']);
  const brokenBlock = 'entries:\n  - id: a\n    related:\n      - peo\n    name: [\n';
  const item = glossaryNodeAt(brokenBlock, brokenBlock.indexOf('peo') + 1)!;
  assert.deepEqual([item.role, item.value], ['related', 'peo']);
});

// Property: random glossaries (comments, CRLF, quoting styles, flow and block lists, block scalars),
// random renames and additions.

const newEntryArbitrary = (ids: string[]): fc.Arbitrary<NewGlossaryEntry> =>
  fc
    .record(
      {
        id: idValue.filter((id) => !ids.includes(id)),
        kind: fc.constantFrom(...ENTRY_KINDS),
        name: textValue.filter((t) => /[\p{L}\p{N}]/u.test(t)),
        aliases: fc.array(textValue, { maxLength: 3 }),
        summary: fc.oneof(textValue, fc.constant('line one\nline two: with colon')),
        related: fc.array(fc.constantFrom(...(ids.length ? ids : ['x'])), { maxLength: 2 }),
        date: fc.constantFrom<string | number>('2025-01-24', 2021, '2021'),
        roles: fc.array(fc.record({ title: textValue, from: fc.constantFrom<string | number>(2020, '2020-05') }), { maxLength: 2 }),
      },
      { requiredKeys: ['id', 'kind', 'name'] },
    )
    .map((fields) => JSON.parse(JSON.stringify(fields)) as NewGlossaryEntry);

test('property: renames and additions change only the bytes they must and give the intended glossary', () => {
  let renamed = 0;
  let added = 0;
  fc.assert(
    fc.property(
      glossaryArbitrary.chain((g) => {
        const text = renderGlossary(g);
        const data = (parse(text) ?? {}) as Data;
        const ids = (data.entries ?? []).map((e) => e?.id).filter((id): id is string => typeof id === 'string');
        return fc.record({
          text: fc.constant(text),
          ids: fc.constant(ids),
          oldId: ids.length ? fc.constantFrom(...ids) : idValue,
          newId: idValue,
          entry: newEntryArbitrary(ids),
        });
      }),
      ({ text, ids, oldId, newId, entry }) => {
        const before = parse(text) as Data;
        // Rename.
        const rename = renameEntryId(text, oldId, newId);
        if (ids.includes(newId) && newId !== oldId) {
          assert.equal(rename.ok, false);
        } else {
          const result = ok(rename);
          assertOnlyEditedSpansChanged(text, result.text, result.edits);
          for (const span of editSpans(text, result.edits)) assert.equal(parse(`k: ${text.slice(span.start, span.end)}`).k, oldId);
          const expected = structuredClone(before);
          for (const e of expected.entries ?? []) {
            if (e.id === oldId) e.id = newId;
            if (e.use === oldId) e.use = newId;
            if (Array.isArray(e.related)) e.related = e.related.map((r: unknown) => (r === oldId ? newId : r));
          }
          assert.deepEqual(parse(result.text), expected);
          renamed++;
        }
        // Addition.
        const result = ok(addEntry(text, entry));
        assertOnlyEditedSpansChanged(text, result.text, result.edits);
        const spans = editSpans(text, result.edits);
        // Nothing is replaced except the brackets of `entries: []`.
        for (const span of spans) assert.ok(span.start === span.end || text.slice(span.start, span.end).trim() === '[]');
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(result.text.slice(spans[0].start)));
        const expected = structuredClone(before) ?? {};
        const newData: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(entry)) if (v !== undefined) newData[k] = v;
        expected.entries = [...(expected.entries ?? []), newData];
        assert.deepEqual(parse(result.text), expected);
        const loadedBefore = loadGlossaryFile('file:///g.yaml', text).entries.map(entryData);
        const loadedAfter = loadGlossaryFile('file:///g.yaml', result.text).entries.map(entryData);
        assert.deepEqual(loadedAfter.slice(0, loadedBefore.length), loadedBefore);
        assert.equal(loadedAfter[loadedAfter.length - 1].id, entry.id);
        added++;
      },
    ),
    { seed: 424242, numRuns: 150 },
  );
  assert.ok(renamed > 100 && added === 150, `${renamed} renames, ${added} additions`);
});
