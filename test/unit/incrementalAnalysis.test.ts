import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeDocumentDiagnostics } from '../../server/src/core/diagnostics';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { isSegmentStart, orderOf, sameOrder, SegmentedAnalysis, segmentStarts } from '../../server/src/core/incrementalAnalysis';
import { analyzeDocument, compileGlossary } from '../../server/src/core/recognition';
import { LineMap } from '../../server/src/core/text';
import { applyEdit, FRAGMENTS, GLOSSARY_TEXT, GLOSSARY_URI, INSERTS } from '../helpers/editedDocuments';

const glossary = mergeGlossary([loadGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT)]);
const compiled = compileGlossary(glossary);
const documentArbitrary = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 0, maxLength: 24 }).map((parts) => parts.join(''));
const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  insert: fc.oneof(fc.constantFrom(...INSERTS), fc.constant('')),
});

describe('segment boundaries', () => {
  it('start segments only after a blank line', () => {
    const text = 'One.\nTwo.\n\nThree.\n \t\r\nFour.\r\rFive.\n';
    assert.ok(isSegmentStart(text, 0));
    assert.ok(!isSegmentStart(text, 5), 'after a single line feed');
    assert.ok(isSegmentStart(text, 11), 'after an empty line');
    assert.ok(isSegmentStart(text, 22), 'after a line of spaces, a tab and a carriage return');
    assert.ok(!isSegmentStart(text, 29), 'lone carriage returns are no blank line for the scan');
    assert.ok(!isSegmentStart(text, 3));
    assert.ok(!isSegmentStart(text, text.length + 1));
  });

  it('split at the first blank line at least the segment length further on', () => {
    const text = 'a\n\nbb\n\ncc\n\ndddd\n\ne';
    assert.deepEqual(segmentStarts(text, 0, text.length, 1), [0, 3, 7, 11, 17]);
    assert.deepEqual(segmentStarts(text, 0, text.length, 5), [0, 7, 17]);
    assert.deepEqual(segmentStarts(text, 0, text.length, 100), [0]);
    assert.deepEqual(segmentStarts(text, 3, 11, 1), [3, 7], 'a stretch is split within its bounds');
    for (const start of segmentStarts(text, 0, text.length, 1)) assert.ok(isSegmentStart(text, start));
    // A list item or heading after a blank line goes on the paragraph before it (for the language check).
    const list = 'Intro.\n\n- item\n\n# Heading\n\nText';
    assert.deepEqual(segmentStarts(list, 0, list.length, 1), [0, 27]);
    assert.ok(!isSegmentStart(list, 8));
  });
});

describe('scan state', () => {
  it('compares the order of the latest full mentions, not their offsets', () => {
    const before = new Map([[1, 10], [2, 50], [3, 70]]);
    const after = new Map([[1, 200], [2, 900], [3, 20]]);
    assert.deepEqual(orderOf([2, 1, 4], before), [1, 2], 'entries not mentioned are left out');
    assert.ok(sameOrder(orderOf([1, 2], before), orderOf([1, 2], after)), 'moved, same order');
    assert.ok(!sameOrder(orderOf([1, 3], before), orderOf([1, 3], after)), 'order changed');
    assert.ok(!sameOrder(orderOf([1, 4], before), orderOf([1, 4], new Map([...before, [4, 5]]))), 'newly mentioned');
  });

  it('reuses segments whose short names do not depend on the edit', () => {
    const paragraph = (n: number) => `Paragraph ${n}: the weather was mild and the markets were calm.`;
    const parts = [
      'Deputy Minister Nguyen Manh Cuong met the delegation.',
      paragraph(1),
      'Ambassador Tran Quoc Cuong arrived.',
      paragraph(2),
      'Later Cuong said the talks went well.',
      paragraph(3),
      'General Secretary To Lam chaired the meeting.',
      paragraph(4),
    ];
    const text = parts.join('\n\n') + '\n';
    const first = SegmentedAnalysis.analyze(text, compiled, undefined, { segmentLength: 1 });
    assert.equal(first.segmentCount, parts.length);
    assert.equal(first.scannedSegments, parts.length);
    const cuong = (a: SegmentedAnalysis) => a.analysis.mentions.find((m) => m.text === 'Cuong')?.entryId;
    assert.equal(cuong(first), 'tran-quoc-cuong', 'the most recent full mention');

    // A keystroke in prose: only its segment is scanned again.
    const typed = SegmentedAnalysis.analyze(text.replace('Paragraph 2', 'Paragraphs 2'), compiled, first);
    assert.equal(typed.scannedSegments, 1);
    assert.deepEqual(typed.analysis, analyzeDocument(typed.text, compiled));

    // A name no short name depends on: its segment only.
    const renamed = SegmentedAnalysis.analyze(text.replace('To Lam', 'To Lamx'), compiled, first);
    assert.equal(renamed.scannedSegments, 1);
    assert.deepEqual(renamed.analysis, analyzeDocument(renamed.text, compiled));

    // Breaking the most recent full mention changes what `Cuong` refers to: that segment is scanned again.
    const broken = SegmentedAnalysis.analyze(text.replace('Tran Quoc Cuong', 'Tran Quoc Cuongx'), compiled, first);
    assert.equal(cuong(broken), 'nguyen-manh-cuong');
    assert.equal(broken.scannedSegments, 2);
    assert.deepEqual(broken.analysis, analyzeDocument(broken.text, compiled));
  });

  it('scans a document once on its first analysis when its language is guessed right', () => {
    const vietnamese = [
      'Thứ trưởng Bộ Ngoại giao Nguyễn Mạnh Cường tiếp đoàn đại biểu.',
      'Hai bên trao đổi về tình hình hợp tác và những định hướng lớn trong thời gian tới.',
      'Ông Cường nhấn mạnh việc thúc đẩy quan hệ đối tác.',
      'Ok.',
    ];
    const english = ['Deputy Minister Nguyen Manh Cuong met the delegation.', 'Both sides discussed cooperation.', 'Cuong spoke.', 'Ok.'];
    for (const [parts, lang, declared] of [
      [vietnamese, 'vi', ''],
      [english, 'en', ''],
      [english, 'vi', '---\nlang: vi\n---\n\n'],
      [vietnamese, 'en', '---\nlang: en\n---\n\n'],
    ] as const) {
      const text = declared + parts.join('\n\n') + '\n';
      const first = SegmentedAnalysis.analyze(text, compiled, undefined, { segmentLength: 1 });
      assert.equal(first.analysis.lang, lang);
      assert.equal(first.scannedSegments, first.segmentCount, `${lang}: each segment scanned once`);
      assert.deepEqual(first.analysis, analyzeDocument(text, compiled));
    }
  });

  it('carries a historical word and the document language across blank lines', () => {
    const historical = 'The former\n\nPresident To Lam spoke.\n';
    assert.deepEqual(SegmentedAnalysis.analyze(historical, compiled, undefined, { segmentLength: 1 }).analysis, analyzeDocument(historical, compiled));
    assert.equal(SegmentedAnalysis.analyze(historical, compiled, undefined, { segmentLength: 1 }).segmentCount, 2);
    const vietnamese = ['Ông Cường phát biểu tại hội nghị của các nước và những người được mời đến dự.', 'Cuong đã nói.', 'Việc này là của các bên và những người được mời.'].join('\n\n');
    const segmented = SegmentedAnalysis.analyze(vietnamese, compiled, undefined, { segmentLength: 1 });
    assert.equal(segmented.documentLanguage, 'vi');
    assert.deepEqual(segmented.analysis, analyzeDocument(vietnamese, compiled));
  });
});

describe('segmented analysis', () => {
  it('equals the analysis of the whole text (generated documents, small segments)', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.integer({ min: 1, max: 200 }), (text, segmentLength) => {
        const segmented = SegmentedAnalysis.analyze(text, compiled, undefined, { segmentLength });
        assert.deepEqual(segmented.analysis, analyzeDocument(text, compiled));
        assert.deepEqual(segmented.lineMap, new LineMap(text));
        assert.deepEqual(segmented.diagnostics(glossary, undefined, ''), computeDocumentDiagnostics(analyzeDocument(text, compiled), glossary));
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });

  it('equals a fresh analysis after random edit sequences, reusing unchanged segments', () => {
    let reused = 0;
    let total = 0;
    fc.assert(
      fc.property(documentArbitrary, fc.integer({ min: 1, max: 120 }), fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), (initial, segmentLength, edits) => {
        let text = initial;
        let incremental = SegmentedAnalysis.analyze(text, compiled, undefined, { segmentLength });
        const overrides = { 'title-outdated': 'warning' as const };
        for (const edit of edits) {
          text = applyEdit(text, edit);
          incremental = SegmentedAnalysis.analyze(text, compiled, incremental);
          const fresh = analyzeDocument(text, compiled);
          assert.deepEqual(incremental.analysis, fresh);
          assert.deepEqual(incremental.lineMap, new LineMap(text));
          assert.deepEqual(incremental.diagnostics(glossary, overrides, 'o'), computeDocumentDiagnostics(fresh, glossary, overrides));
          total += incremental.segmentCount;
          reused += incremental.segmentCount - incremental.scannedSegments;
        }
      }),
      { seed: 20261126, numRuns: 200 },
    );
    assert.ok(reused > total / 5, `segments are reused (${reused} of ${total})`);
  });
});
