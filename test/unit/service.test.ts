import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PolicyService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { indexWorkspace } from '../../server/src/core/workspaceIndexer';
import { positionOf } from '../helpers/text';

const GLOSSARY_URI = 'file:///w/policy.glossary.yaml';
const GLOSSARY = `entries:
  - id: nguyen-manh-cuong
    kind: official
    name: Nguyễn Mạnh Cường
    aliases: [Nguyen Manh Cuong]
    summary: Deputy minister <b>bold</b> [link](command:evil)
    source: notes/cuong.md#L2
    related: [mofa]
  - id: mofa
    kind: organization
    name: Ministry of Foreign Affairs
    aliases: [MOFA]
  - id: strategic-autonomy
    kind: term
    name: strategic autonomy
    status: preferred
`;
const A = { uri: 'file:///w/a.txt', version: 1, text: 'Minister\nNguyen Manh Cuong said MOFA\nagrees. Nguyen Manh Cuong left.' };
const B = { uri: 'file:///w/b.md', version: 1, text: '# Notes\n\nThe Ministry of Foreign Affairs and strategic autonomy.' };

function serviceWithDocuments(): PolicyService {
  const service = new PolicyService({ roots: ['file:///w'] });
  service.setGlossaryFile(GLOSSARY_URI, GLOSSARY);
  service.indexDocument(A);
  service.indexDocument(B);
  return service;
}

describe('PolicyService', () => {
  it('hovers a mention with the canonical name and escaped summary', () => {
    const service = new PolicyService();
    service.setGlossaryFile(GLOSSARY_URI, GLOSSARY);
    const hover = service.getHover(A, { line: 1, character: 4 });
    assert.ok(hover);
    assert.match(hover.markdown, /Nguyễn Mạnh Cường/);
    assert.doesNotMatch(hover.markdown, /<b>/);
    assert.doesNotMatch(hover.markdown, /\]\(command:/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 17 } });
    assert.equal(service.getHover(A, { line: 0, character: 2 }), undefined);
  });

  it('counts mentions across the workspace in the hover card', () => {
    const service = serviceWithDocuments();
    const hover = service.getHover(B, positionOf(B.text, 'Ministry', 2));
    assert.match(hover!.markdown, /Mentioned in 2 documents \(2 mentions\)/);
  });

  it('goes to the entry in the glossary, then to its source file', () => {
    const service = serviceWithDocuments();
    const locations = service.getDefinition(A, positionOf(A.text, 'Nguyen', 1));
    const entry = service.getEntry('nguyen-manh-cuong')!;
    assert.deepEqual(locations, [
      { uri: GLOSSARY_URI, range: entry.idLocation.range },
      { uri: 'file:///w/notes/cuong.md', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } },
    ]);
    assert.deepEqual(service.getDefinition(A, { line: 0, character: 1 }), []);
  });

  it('finds references across documents, with the declaration on request', () => {
    const service = serviceWithDocuments();
    const refs = service.getReferences(B, positionOf(B.text, 'Ministry'), false);
    assert.deepEqual(refs.map((r) => r.uri), [A.uri, B.uri]);
    const withDeclaration = service.getReferences(B, positionOf(B.text, 'Ministry'), true);
    assert.equal(withDeclaration[0].uri, GLOSSARY_URI);
    assert.equal(withDeclaration.length, 3);
    const highlights = service.getDocumentHighlights(A, positionOf(A.text, 'Nguyen'));
    assert.equal(highlights.length, 2);
  });

  it('answers references on an id in a glossary file', () => {
    const service = serviceWithDocuments();
    const glossaryFile = { uri: GLOSSARY_URI, version: 1, text: GLOSSARY };
    // On the `related: [mofa]` value and on the entry's own id.
    const fromRelated = service.getReferences(glossaryFile, positionOf(GLOSSARY, 'mofa]', 1), false);
    const fromId = service.getReferences(glossaryFile, positionOf(GLOSSARY, 'id: mofa', 5), false);
    assert.equal(fromRelated.length, 2);
    assert.deepEqual(fromId, fromRelated);
    const definition = service.getDefinition(glossaryFile, positionOf(GLOSSARY, 'mofa]', 1));
    assert.deepEqual(definition, [{ uri: GLOSSARY_URI, range: service.getEntry('mofa')!.idLocation.range }]);
  });

  it('outlines a document by kind', () => {
    const service = serviceWithDocuments();
    const symbols = service.getDocumentSymbols(A);
    assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c) => `${c.name}: ${c.detail}`)]), [
      ['Officials', ['Nguyễn Mạnh Cường: 2 mentions']],
      ['Organizations', ['Ministry of Foreign Affairs: 1 mention']],
    ]);
    const official = symbols[0].children[0];
    assert.deepEqual(official.selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 17 } });
    assert.equal(official.range.end.line, 2);
  });

  it('searches all entries by folded name, id or alias', () => {
    const service = serviceWithDocuments();
    assert.deepEqual(service.getWorkspaceSymbols('cuong').map((s) => s.name), ['Nguyễn Mạnh Cường']);
    assert.deepEqual(service.getWorkspaceSymbols('NGUYỄN').map((s) => s.containerName), ['nguyen-manh-cuong']);
    assert.deepEqual(service.getWorkspaceSymbols('mfa').map((s) => s.containerName), ['mofa']);
    assert.equal(service.getWorkspaceSymbols('').length, 3);
    assert.equal(service.getWorkspaceSymbols('zzz').length, 0);
  });

  it('gives semantic tokens per kind that never cross a line', () => {
    const service = new PolicyService();
    service.setGlossaryFile(GLOSSARY_URI, GLOSSARY);
    const text = 'Met Nguyen Manh\nCuong today.';
    const tokens = service.getSemanticTokens({ uri: 'file:///w/c.txt', version: 1, text });
    assert.deepEqual(tokens, [
      { line: 0, character: 4, length: 11, kind: 'official', deprecated: false },
      { line: 1, character: 0, length: 5, kind: 'official', deprecated: false },
    ]);
  });

  it('puts a code lens on each glossary entry and links workspace sources', () => {
    const service = serviceWithDocuments();
    const lenses = service.getCodeLenses(GLOSSARY_URI);
    assert.deepEqual(lenses.map((l) => l.entryId), ['nguyen-manh-cuong', 'mofa', 'strategic-autonomy']);
    assert.deepEqual(service.getCodeLenses('file:///w/other.yaml'), []);
    const links = service.getDocumentLinks(GLOSSARY_URI);
    assert.deepEqual(links.map((l) => l.target), ['file:///w/notes/cuong.md#L2']);
  });

  it('analyses documents again only when a glossary edit changes what recognition reads', () => {
    const service = serviceWithDocuments();
    assert.deepEqual(service.staleDocumentUris(), []);
    const summaryEdit = service.setGlossaryFile(GLOSSARY_URI, GLOSSARY.replace('Deputy minister', 'Vice minister'));
    assert.equal(summaryEdit.recognitionChanged, false);
    assert.deepEqual(service.staleDocumentUris(), []);
    const formEdit = service.setGlossaryFile(GLOSSARY_URI, GLOSSARY.replace('aliases: [MOFA]', 'aliases: [MOFA, Foreign Ministry]'));
    assert.equal(formEdit.recognitionChanged, true);
    assert.deepEqual(service.staleDocumentUris().sort(), [A.uri, B.uri]);
    service.indexDocument(A);
    assert.deepEqual(service.staleDocumentUris(), [B.uri]);
    // Deleting the glossary removes every mention's entry: references go with the next analysis.
    service.deleteGlossaryFile(GLOSSARY_URI);
    service.indexDocument(A);
    assert.deepEqual(service.index.countOf('nguyen-manh-cuong'), { mentions: 0, documents: 0 });
  });

  it('does not analyse binary or oversized text, and says why', () => {
    const service = serviceWithDocuments();
    const binary = service.analyzed({ uri: 'file:///w/blob.txt', version: 1, text: 'MOFA\u0000\u0001 MOFA' });
    assert.equal(binary.skipped, 'binary content');
    assert.deepEqual(binary.analysis.mentions, []);
    const huge = service.analyzed({ uri: 'file:///w/huge.txt', version: 1, text: 'MOFA '.repeat(2_000_001) });
    assert.match(huge.skipped ?? '', /larger than/);
    assert.equal(service.analyzed(A).skipped, undefined);
  });

  it('indexes a document that is not kept with the positions of its kept analysis, whatever ends its lines', () => {
    const lines = ['Minister', 'Nguyen Manh Cuong said MOFA [[mofa|the ministry]]', 'agrees on strategic', 'autonomy. Cuong left.'];
    for (const end of ['\n', '\r\n', '\r', '\r\n\r']) {
      const file = { uri: 'file:///w/lines.txt', version: 1, text: lines.join(end) };
      const service = new PolicyService({ roots: ['file:///w'] });
      service.setGlossaryFile(GLOSSARY_URI, GLOSSARY);
      // What the index keeps of a mention (a title or a document citation stays with the analysis).
      const kept = service.analyzed(file).references.map(({ entryId, kind, match, start, end, range, text }) => ({ entryId, kind, match, start, end, range, text }));
      assert.ok(kept.length >= 5 && kept.some((m) => m.range.start.line >= 3), JSON.stringify(end));
      // Neither the index record nor a document indexed without keeping its analysis makes a line map.
      const record = service.documentRecord(file);
      assert.ok(!('skipped' in record));
      service.indexRecord(record, service.recognitionGeneration);
      assert.deepEqual(service.index.get(file.uri)?.mentions, kept, JSON.stringify(end));
      const other = new PolicyService({ roots: ['file:///w'] });
      other.setGlossaryFile(GLOSSARY_URI, GLOSSARY);
      other.indexDocument(file);
      assert.deepEqual(other.index.get(file.uri)?.mentions, kept, JSON.stringify(end));
    }
  });

  it('builds the index from a workspace: glossaries first, binary files skipped, open files left alone', async () => {
    const workspace = new InMemoryWorkspace(
      new Map([
        [GLOSSARY_URI, GLOSSARY],
        [A.uri, A.text],
        [B.uri, B.text],
        ['file:///w/open.txt', 'MOFA'],
        ['file:///w/blob.txt', 'MOFA\u0000\u0001'],
        ['file:///w/image.png', 'MOFA'],
      ]),
    );
    const service = new PolicyService();
    const skipped: string[] = [];
    const done = await indexWorkspace(
      service,
      workspace,
      {
        isGlossary: (uri) => uri.endsWith('.glossary.yaml'),
        isDocument: (uri) => /\.(txt|md)$/.test(uri),
        isOpen: (uri) => uri === 'file:///w/open.txt',
        onSkip: (uri) => skipped.push(uri),
      },
      { cancelled: false },
    );
    assert.equal(done, true);
    assert.deepEqual(service.index.uris().sort(), [A.uri, B.uri]);
    assert.deepEqual(skipped, ['file:///w/blob.txt']);
    assert.deepEqual(service.countsOf('mofa'), { mentions: 2, documents: 2 });
    const cancelled = await indexWorkspace(new PolicyService(), workspace, { isGlossary: () => false, isDocument: () => true, isOpen: () => false }, { cancelled: true });
    assert.equal(cancelled, false);
  });
});
