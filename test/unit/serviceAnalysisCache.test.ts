// The service's cache of analysed documents: an edited document's analysis replaces the previous one in
// its place, evicted and released documents are analysed afresh, and every answer equals a fresh analysis.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { computeDocumentDiagnostics } from '../../server/src/core/diagnostics';
import { referencesOf } from '../../server/src/core/index';
import { analyzeDocument, compileGlossary } from '../../server/src/core/recognition';
import { PolicyService } from '../../server/src/core/service';
import { LineMap } from '../../server/src/core/text';
import type { TextFile } from '../../server/src/core/types';
import { applyEdit, FRAGMENTS, GLOSSARY_TEXT, GLOSSARY_URI, INSERTS } from '../helpers/editedDocuments';

function documentText(seed: number, pieces: number): string {
  let text = '';
  for (let k = 0; k < pieces; k++) text += FRAGMENTS[(seed * 7 + k * 13) % FRAGMENTS.length];
  return text;
}

function newService(analysisCacheSize?: number): PolicyService {
  // Short segments, so that edits reuse most of a document's segments.
  const service = new PolicyService({ analysisCacheSize, segmentLength: 64 });
  service.setGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT);
  return service;
}

/** What the service answers for a document, next to what a fresh analysis of its text gives. */
function assertLikeFresh(service: PolicyService, file: TextFile): void {
  const glossary = service.getGlossary();
  const fresh = analyzeDocument(file.text, compileGlossary(glossary));
  const doc = service.analyzed(file);
  assert.deepEqual(doc.analysis, fresh);
  assert.deepEqual(doc.references, referencesOf(fresh, (id) => glossary.byId.get(id)?.kind));
  assert.deepEqual(service.getDiagnostics(file), computeDocumentDiagnostics(fresh, glossary));
  const lines = new LineMap(file.text);
  for (const at of [0, Math.floor(file.text.length / 2), file.text.length]) assert.deepEqual(doc.lineMap.positionAt(at), lines.positionAt(at));
}

describe('PolicyService analysis cache', () => {
  it('answers the same analysis for an unchanged document and a new one, equal to a fresh analysis, after each edit', () => {
    const service = newService();
    let file: TextFile = { uri: 'file:///ws/a.md', version: 1, text: documentText(1, 40) };
    const first = service.analyzed(file);
    assert.equal(service.analyzed({ ...file }), first);
    for (let k = 0; k < 30; k++) {
      const previous = service.analyzed(file);
      const insert = INSERTS[(k * 5) % INSERTS.length];
      file = { uri: file.uri, version: file.version + 1, text: applyEdit(file.text, { at: ((k * 37) % 101) / 101, remove: k % 3, insert }) };
      const next = service.analyzed(file);
      assert.notEqual(next, previous);
      assert.equal(service.analyzed(file), next);
      assertLikeFresh(service, file);
    }
  });

  it('analyses a document evicted from a full cache afresh, with the same results', () => {
    const service = newService(2);
    const files: TextFile[] = [1, 2, 3].map((n) => ({ uri: `file:///ws/d${n}.md`, version: 1, text: documentText(n, 25) }));
    const firstOfA = service.analyzed(files[0]);
    service.analyzed(files[1]);
    // Asking for the first again makes the second the least recently used: the third evicts it.
    assert.equal(service.analyzed(files[0]), firstOfA);
    const firstOfB = service.analyzed(files[1]);
    service.analyzed(files[2]);
    assert.equal(service.analyzed(files[1]), firstOfB);
    assert.notEqual(service.analyzed(files[0]), firstOfA);
    for (const file of files) assertLikeFresh(service, file);
  });

  it('analyses a released or removed document afresh, and its next version from scratch', () => {
    const service = newService();
    const file: TextFile = { uri: 'file:///ws/r.md', version: 1, text: documentText(4, 30) };
    const before = service.analyzed(file);
    service.releaseDocument(file.uri);
    const reopened = service.analyzed(file);
    assert.notEqual(reopened, before);
    assertLikeFresh(service, file);
    service.removeDocument(file.uri);
    const edited = { ...file, version: 2, text: applyEdit(file.text, { at: 0.5, remove: 0, insert: 'Cuong ' }) };
    assert.notEqual(service.analyzed(edited), reopened);
    assertLikeFresh(service, edited);
  });

  it('analyses again with a new glossary, in the same place of the cache', () => {
    const service = newService(1);
    const file: TextFile = { uri: 'file:///ws/g.md', version: 1, text: documentText(5, 30) };
    const before = service.analyzed(file);
    service.setGlossaryFile(GLOSSARY_URI, GLOSSARY_TEXT.replace('aliases: [Nguyen Manh Cuong]', 'aliases: [Nguyen Manh Cuong, Cuong Nguyen]'));
    const after = service.analyzed(file);
    assert.notEqual(after, before);
    assert.equal(service.analyzed(file), after);
    assertLikeFresh(service, file);
  });
});
