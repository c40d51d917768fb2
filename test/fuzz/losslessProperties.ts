// Lossless edits on glossary shapes the generator of test/helpers/glossaryGen.ts does not write: a byte
// order mark, top-level keys and comments after `entries`, a missing final line break. Renames and
// additions must still change only the bytes they must and give the intended glossary.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { addEntry, applyTextEdits, renameEntryId, type NewGlossaryEntry } from '../../server/src/core/glossary/edit';
import { ENTRY_KINDS } from '../../server/src/core/glossary/model';
import type { TextEdit } from '../../server/src/core/types';
import { glossaryArbitrary, idValue, renderGlossary, textValue } from '../helpers/glossaryGen';
import { Counter, type FuzzProperty } from './registry';
import { ReferenceLines } from './spans';

type Data = { entries?: Record<string, unknown>[] | null } & Record<string, unknown>;

/** Edits as offsets of the original text (they come in document order and do not overlap). */
function editSpans(text: string, edits: TextEdit[]): { start: number; end: number; newText: string }[] {
  const lines = new ReferenceLines(text);
  return edits.map((e) => ({ start: lines.offsetAt(e.range.start, 'edit start'), end: lines.offsetAt(e.range.end, 'edit end'), newText: e.newText }));
}

/** Every byte outside the edited spans is unchanged and in order; the edits give `after`. */
function assertOnlyEditedSpansChanged(before: string, after: string, edits: TextEdit[]): void {
  let inBefore = 0;
  let inAfter = 0;
  for (const span of editSpans(before, edits)) {
    assert.ok(span.start >= inBefore, 'edits overlap or are out of order');
    const gap = before.slice(inBefore, span.start);
    assert.equal(after.slice(inAfter, inAfter + gap.length), gap);
    inAfter += gap.length + span.newText.length;
    inBefore = span.end;
  }
  assert.equal(after.slice(inAfter), before.slice(inBefore));
  assert.equal(applyTextEdits(before, edits), after);
}

const TRAILERS = ['title: Written after the entries', 'x-meta:\n  owner: policy team\n  reviewed: 2025-01-24', '# a trailing comment', '\n\n# comment after blank lines'];

/** A generated glossary in one of the shapes above. */
const shapedGlossary = fc
  .tuple(glossaryArbitrary, fc.boolean(), fc.option(fc.constantFrom(...TRAILERS), { nil: undefined }), fc.boolean())
  .map(([g, bom, trailer, finalNewline]) => {
    let text = renderGlossary(g);
    // A second `title` would be a duplicate key.
    const tail = g.title && trailer?.startsWith('title') ? undefined : trailer;
    if (tail !== undefined) {
      if (!text.endsWith(g.eol)) text += g.eol;
      text += tail.replace(/\n/g, g.eol) + (finalNewline ? g.eol : '');
    }
    return (bom ? '\ufeff' : '') + text;
  });

const newEntry: fc.Arbitrary<NewGlossaryEntry> = fc.record(
  { id: idValue, kind: fc.constantFrom(...ENTRY_KINDS), name: textValue.filter((t) => /\p{L}/u.test(t)), aliases: fc.array(textValue, { minLength: 1, maxLength: 2 }) },
  { requiredKeys: ['id', 'kind', 'name'] },
);

const counts = new Counter();

const losslessShapes: FuzzProperty = {
  name: 'property: renames and additions stay lossless with a byte order mark, keys after `entries` and no final line break',
  seed: 8401,
  runs: 150,
  reset: () => counts.clear(),
  property: () =>
    fc.property(shapedGlossary, idValue, newEntry, fc.nat(), (text, newId, entry, pick) => {
      const before = parse(text) as Data;
      const ids = (before?.entries ?? []).map((e) => e?.id).filter((id): id is string => typeof id === 'string');
      // Rename (an id of the file, when it has one).
      if (ids.length > 0) {
        const oldId = ids[pick % ids.length];
        const rename = renameEntryId(text, oldId, newId);
        if (ids.includes(newId) && newId !== oldId) assert.equal(rename.ok, false, 'renamed onto a taken id');
        else {
          assert.ok(rename.ok, rename.ok ? '' : rename.message);
          assertOnlyEditedSpansChanged(text, rename.text, rename.edits);
          const expected = structuredClone(before);
          for (const e of expected.entries ?? []) {
            if (e.id === oldId) e.id = newId;
            if (e.use === oldId) e.use = newId;
            if (Array.isArray(e.related)) e.related = e.related.map((r: unknown) => (r === oldId ? newId : r));
          }
          assert.deepEqual(parse(rename.text), expected);
          counts.add('renames');
        }
      }
      // Addition.
      const added = addEntry(text, entry);
      if (ids.includes(entry.id)) {
        assert.equal(added.ok, false, 'added a second entry with a taken id');
        return;
      }
      assert.ok(added.ok, added.ok ? '' : added.message);
      assertOnlyEditedSpansChanged(text, added.text, added.edits);
      assert.equal(added.text.startsWith('\ufeff'), text.startsWith('\ufeff'), 'the byte order mark');
      const expected = structuredClone(before) ?? {};
      const data: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(entry)) if (v !== undefined) data[k] = v;
      expected.entries = [...(expected.entries ?? []), data];
      assert.deepEqual(parse(added.text), expected);
      counts.add('additions');
      if (text.startsWith('\ufeff')) counts.add('with BOM');
      if (/\n(title|x-meta|#)/.test(text.slice(text.lastIndexOf('entries:')))) counts.add('keys after entries');
    }),
  coverage: () => (counts.get('renames') < 50 || counts.get('with BOM') < 20 || counts.get('keys after entries') < 20 ? `${counts}` : undefined),
};

export const LOSSLESS_PROPERTIES: FuzzProperty[] = [losslessShapes];
