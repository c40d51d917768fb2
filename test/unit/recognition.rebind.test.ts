import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { sameRecognition } from '../../server/src/core/glossary/recognitionFields';
import { analyzeDocument, compileGlossary } from '../../server/src/core/recognition';
import { rebindGlossary } from '../../server/src/core/recognition/compile';
import { PolicyService } from '../../server/src/core/service';
import { GLOSSARY_TEXT, GLOSSARY_URI } from '../helpers/editedDocuments';

const DOCUMENT = 'Deputy Minister Nguyen Manh Cuong met Tô Lâm; Cuong cited 59-NQ/TW and [[asean|the bloc]].\n';
const withSummary = (summary: string) => GLOSSARY_TEXT.replace('    name: ASEAN\n', `    name: ASEAN\n    summary: ${summary}\n`);

describe('rebinding a compiled glossary', () => {
  it('points it at the newer glossary; it recognises what a fresh compile of that glossary does', () => {
    const older = mergeGlossary([loadGlossaryFile(GLOSSARY_URI, withSummary('first'))]);
    const newer = mergeGlossary([loadGlossaryFile(GLOSSARY_URI, withSummary('second'))]);
    assert.ok(sameRecognition(older, newer), 'a summary is not read by recognition');
    const compiled = compileGlossary(older);
    const before = analyzeDocument(DOCUMENT, compiled);
    // The entry index is made lazily: ask for it before and after.
    assert.equal(compiled.entryIndex.get('asean'), older.entries.findIndex((e) => e.id === 'asean'));
    rebindGlossary(compiled, newer);
    assert.equal(compiled.glossary, newer);
    assert.equal(compiled.entries, newer.entries);
    assert.equal(compiled.entries.find((e) => e.id === 'asean')?.summary, 'second');
    assert.equal(compiled.entryIndex.get('to-lam'), newer.entries.findIndex((e) => e.id === 'to-lam'));
    const after = analyzeDocument(DOCUMENT, compiled);
    assert.deepEqual(after, before);
    assert.deepEqual(after, analyzeDocument(DOCUMENT, compileGlossary(newer)));
    assert.ok(after.mentions.length >= 4, 'mentions were found');
  });

  it('is what the service does on an edit recognition does not read: documents are not analysed again', () => {
    const service = new PolicyService();
    service.setGlossaryFile(GLOSSARY_URI, withSummary('first'));
    const doc = { uri: 'file:///w/a.md', version: 1, text: DOCUMENT };
    const first = service.analyzed(doc);
    const update = service.setGlossaryFile(GLOSSARY_URI, withSummary('second'));
    assert.equal(update.recognitionChanged, false);
    assert.equal(service.analyzed(doc), first, 'the analysis is reused');
    assert.equal(service.getEntry('asean')?.summary, 'second');
  });
});
