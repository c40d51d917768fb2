import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeDocumentDiagnostics } from '../../server/src/core/diagnostics';
import { analysisMovedByEdit, diagnosticsAfterEdit, findTextEdit, moveDiagnostics } from '../../server/src/core/incrementalDiagnostics';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { analyzeDocument, compileGlossary } from '../../server/src/core/recognition';
import { PolicyService } from '../../server/src/core/service';
import { LineMap } from '../../server/src/core/text';

const GLOSSARY_URI = 'file:///ws/policy.glossary.yaml';
const GLOSSARY_TEXT = `entries:
  - id: nguyen-manh-cuong
    kind: official
    name: Nguyễn Mạnh Cường
    aliases: [Nguyen Manh Cuong]
    short: [Cuong]
    roles:
      - title: Deputy Minister of Foreign Affairs
        native: Thứ trưởng Bộ Ngoại giao
        from: 2021
  - id: to-lam
    kind: official
    name: Tô Lâm
    aliases: [To Lam]
    roles:
      - title: General Secretary
        from: 2024-08-03
  - id: resolution-59
    kind: resolution
    name: Resolution 59 on international integration
    number: 59-NQ/TW
  - id: mass-diplomacy
    kind: term
    name: mass diplomacy
    status: deprecated
    use: people-to-people-diplomacy
  - id: people-to-people-diplomacy
    kind: term
    name: people-to-people diplomacy
`;

/** Pieces of policy prose with mentions, short names, titles, annotations and document numbers. */
const FRAGMENTS = [
  'Deputy Minister Nguyen Manh Cuong met the delegation. ',
  'Foreign Minister Nguyễn Mạnh Cường spoke. ',
  'Later Cuong said the talks went well. ',
  'Nguyễn Manh Cường visited Hanoi. ',
  'General Secretary To Lam chaired the meeting. ',
  'Resolution 59-NQ/TW sets the course; Decision 123/QĐ-TTg and Law 250/2025/QH15 follow. ',
  'Nghị quyết số 59-NQ/TW được ban hành. ',
  'They praised mass diplomacy and [[people-to-people-diplomacy|friendship ties]]. ',
  'See [[no-such-entry|this]] and Minister Pham Van Binh. ',
  'Ông Cường phát biểu tại hội nghị. ',
  'The weather was mild and the markets were calm. ',
  '\n\n',
  '\n',
  '---\ndate: 2025-03-01\n---\n',
];
const INSERTS = ['x', ' ', 'a', 'Cuong ', 'Nguyen Manh Cuong', '\n', '\n\n', '[[', ']]', '59-NQ/TW', 'Minister ', '.', 'ư', '\r'];

type Edit = { at: number; remove: number; insert: string };

function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * (text.length + 1)) % (text.length + 1);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

describe('incremental diagnostics', () => {
  const glossary = mergeGlossary([loadGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT)]);
  const compiled = compileGlossary(glossary);
  const fresh = (text: string) => computeDocumentDiagnostics(analyzeDocument(text, compiled), glossary);
  const analysed = (text: string) => {
    const lineMap = new LineMap(text);
    return { text, lineMap, analysis: analyzeDocument(text, compiled, { lineMap }) };
  };

  it('finds the smallest edited region', () => {
    assert.deepEqual(findTextEdit('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(findTextEdit('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.deepEqual(findTextEdit('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(findTextEdit('', 'new'), { start: 0, oldEnd: 0, newEnd: 3 });
    assert.deepEqual(findTextEdit('gone', ''), { start: 0, oldEnd: 4, newEnd: 0 });
  });

  it('moves the diagnostics after a keystroke in plain prose, keeping those before it', () => {
    const before = 'Foreign Minister Nguyen Manh Cuong spoke.\n\nThe weather was mild.\n\nThey praised mass diplomacy.\n';
    const after = before.replace('weather', 'weathers');
    const previous = { ...analysed(before), diagnostics: fresh(before) };
    assert.equal(previous.diagnostics.length, 2);
    const moved = diagnosticsAfterEdit(previous, analysed(after));
    assert.ok(moved, 'a keystroke between findings only moves them');
    assert.deepEqual(moved, fresh(after));
    assert.equal(moved[0], previous.diagnostics[0], 'the diagnostic before the edit is reused as it was');
    assert.equal(moved[1].start, previous.diagnostics[1].start + 1);
  });

  it('computes afresh when the edit changes a finding', () => {
    const before = 'The weather was mild.\n\nThey praised mass diplomacy.\n';
    const previous = { ...analysed(before), diagnostics: fresh(before) };
    // A new mention, a changed mention and an edit inside a diagnostic's span each need a new check.
    for (const after of [before.replace('mild', 'mild, said Minister Nguyen Manh Cuong'), before.replace('mass diplomacy', 'mass diplomacyx'), before.replace('mass diplomacy', 'mass  diplomacy')]) {
      assert.equal(diagnosticsAfterEdit(previous, analysed(after)), undefined, after);
    }
  });

  it('does not move a diagnostic that overlaps the edit', () => {
    const text = 'They praised mass diplomacy.';
    const diagnostics = fresh(text);
    assert.equal(diagnostics.length, 1);
    assert.equal(moveDiagnostics(diagnostics, { start: 15, oldEnd: 16, newEnd: 17 }, new LineMap(text)), undefined);
  });

  it('compares spans before, after and across the edit', () => {
    const a = analysed('Minister To Lam spoke. Cuong left.').analysis;
    const same = analysed('Minister To Lam spoke. Cuong left.').analysis;
    assert.ok(a.mentions.length > 0);
    assert.ok(analysisMovedByEdit(a, same, { start: 40, oldEnd: 40, newEnd: 40 }));
    assert.ok(!analysisMovedByEdit(a, same, { start: 0, oldEnd: 0, newEnd: 1 }), 'spans after an insertion must move');
    assert.ok(!analysisMovedByEdit(a, same, { start: 12, oldEnd: 12, newEnd: 13 }), 'a span across the edit is no longer the same');
    const moved = analysed('  Minister To Lam spoke. Cuong left.').analysis;
    assert.ok(analysisMovedByEdit(a, moved, { start: 0, oldEnd: 0, newEnd: 2 }));
  });

  it('equals a fresh analysis after random edit sequences, through the language service', () => {
    const documentArbitrary = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));
    const editArbitrary = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
      insert: fc.oneof(fc.constantFrom(...INSERTS), fc.constant('')),
    });
    let moves = 0;
    fc.assert(
      fc.property(documentArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        const service = new PolicyService();
        service.setGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT);
        const uri = 'file:///ws/doc.md';
        let text = initial;
        let previous = { text, analysis: analyzeDocument(text, compiled), diagnostics: fresh(text) };
        assert.deepEqual(service.getDiagnostics({ uri, version: 0, text }), previous.diagnostics);
        edits.forEach((edit, k) => {
          text = applyEdit(text, edit);
          const expected = fresh(text);
          const next = analysed(text);
          if (diagnosticsAfterEdit(previous, next)) moves++;
          assert.deepEqual(service.getDiagnostics({ uri, version: k + 1, text }), expected);
          previous = { text, analysis: next.analysis, diagnostics: expected };
        });
      }),
      { seed: 20261124, numRuns: 150 },
    );
    assert.ok(moves > 50, `edits that only move findings are common (${moves})`);
  });
});
