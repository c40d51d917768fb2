import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeDocumentDiagnostics } from '../../server/src/core/diagnostics';
import { SegmentedAnalysis } from '../../server/src/core/incrementalAnalysis';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { analyzeDocument, compileGlossary } from '../../server/src/core/recognition';
import { PolicyService } from '../../server/src/core/service';
import { applyEdit, FRAGMENTS, GLOSSARY_TEXT, GLOSSARY_URI, INSERTS } from '../helpers/editedDocuments';

describe('incremental diagnostics', () => {
  const glossary = mergeGlossary([loadGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT)]);
  const compiled = compileGlossary(glossary);
  const fresh = (text: string) => computeDocumentDiagnostics(analyzeDocument(text, compiled), glossary);

  it('keeps the diagnostics before a keystroke as they were and checks only the edited segment', () => {
    const before = 'Foreign Minister Nguyen Manh Cuong spoke.\n\nThe weather was mild.\n\nThey praised mass diplomacy.\n';
    const after = before.replace('weather', 'weathers');
    const previous = SegmentedAnalysis.analyze(before, compiled, undefined, { segmentLength: 1 });
    const previousDiagnostics = previous.diagnostics(glossary, undefined, '');
    assert.deepEqual(previousDiagnostics, fresh(before));
    assert.equal(previousDiagnostics.length, 2);
    const next = SegmentedAnalysis.analyze(after, compiled, previous);
    assert.equal(next.scannedSegments, 1);
    const nextDiagnostics = next.diagnostics(glossary, undefined, '');
    assert.deepEqual(nextDiagnostics, fresh(after));
    assert.equal(nextDiagnostics[0], previousDiagnostics[0], 'the diagnostic before the edit is reused as it was');
    assert.equal(nextDiagnostics[1].start, previousDiagnostics[1].start + 1);
    const groups = (a: SegmentedAnalysis) => a.diagnosticGroups(glossary, undefined, '').map((g) => g.diagnostics);
    assert.deepEqual(
      groups(next).map((g, k) => g === groups(previous)[k]),
      [true, false, true],
      'the groups of unchanged segments are the same arrays (their converted forms are kept)',
    );
  });

  it('checks again when the settings, the glossary or the document date change', () => {
    const text = 'Deputy Minister Nguyen Manh Cuong met them.\n\nThey praised mass diplomacy.\n';
    const analysis = SegmentedAnalysis.analyze(text, compiled, undefined, { segmentLength: 1 });
    assert.equal(analysis.diagnostics(glossary, undefined, '').length, 1);
    assert.deepEqual(analysis.diagnostics(glossary, { 'deprecated-term': 'off' }, 'off'), []);
    const renamed = mergeGlossary([loadGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT.replace('status: deprecated', 'status: preferred'))]);
    assert.deepEqual(analysis.diagnostics(renamed, undefined, ''), []);
    const dated = SegmentedAnalysis.analyze(`---\ndate: 2019-01-01\n---\n${text}`, compiled, analysis);
    assert.deepEqual(dated.diagnostics(glossary, undefined, ''), fresh(dated.text));
    assert.ok(dated.diagnostics(glossary, undefined, '').some((d) => d.code === 'title-outdated'));
  });

  it('equals a fresh analysis after random edit sequences, through the language service', () => {
    const documentArbitrary = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));
    const editArbitrary = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
      insert: fc.oneof(fc.constantFrom(...INSERTS), fc.constant('')),
    });
    fc.assert(
      fc.property(documentArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 80 }), (initial, edits, segmentLength) => {
        const service = new PolicyService({ segmentLength });
        service.setGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT);
        const uri = 'file:///ws/doc.md';
        let text = initial;
        assert.deepEqual(service.getDiagnostics({ uri, version: 0, text }), fresh(text));
        service.indexDocument({ uri, version: 0, text }, { cache: true });
        edits.forEach((edit, k) => {
          text = applyEdit(text, edit);
          const file = { uri, version: k + 1, text };
          assert.deepEqual(service.getDiagnostics(file), fresh(text));
          assert.deepEqual(service.analyze(file), analyzeDocument(text, compiled));
          // The index follows when typing pauses, or as soon as something reads it.
          service.indexDocumentLater(file);
        });
        const reference = new PolicyService();
        reference.setGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT);
        reference.indexDocument({ uri, version: 0, text });
        for (const entry of glossary.entries) assert.deepEqual(service.countsOf(entry.id), reference.countsOf(entry.id), entry.id);
      }),
      { seed: 20261124, numRuns: 150 },
    );
  });
});
