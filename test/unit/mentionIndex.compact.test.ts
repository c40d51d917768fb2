import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ENTRY_KINDS } from '../../server/src/core/glossary/model';
import { createDocumentRecord, MentionIndex, type IndexedDocument } from '../../server/src/core/index';
import type { Annotation, MatchKind, Mention } from '../../server/src/core/recognition/mention';

/** The index as a plain map of documents, answering every question by scanning: what the compact one must equal. */
class ReferenceIndex {
  readonly documents = new Map<string, IndexedDocument>();
  set(document: IndexedDocument): void {
    this.documents.set(document.uri, document);
  }
  delete(uri: string): boolean {
    return this.documents.delete(uri);
  }
  private sortedUris(): string[] {
    return [...this.documents.keys()].sort();
  }
  documentsOf(id: string): { uri: string; mentions: Mention[] }[] {
    return this.sortedUris()
      .map((uri) => ({ uri, mentions: this.documents.get(uri)!.mentions.filter((m) => m.entryId === id) }))
      .filter((d) => d.mentions.length > 0);
  }
  mentionsOf(id: string): { uri: string; mention: Mention }[] {
    return this.documentsOf(id).flatMap((d) => d.mentions.map((mention) => ({ uri: d.uri, mention })));
  }
  countOf(id: string): { mentions: number; documents: number } {
    const documents = this.documentsOf(id);
    return { mentions: documents.reduce((n, d) => n + d.mentions.length, 0), documents: documents.length };
  }
  annotationsOf(id: string): { uri: string; annotation: Annotation }[] {
    return this.documentsOf(id).flatMap((d) => this.documents.get(d.uri)!.annotations.filter((a) => a.id === id).map((annotation) => ({ uri: d.uri, annotation })));
  }
  mentionedEntryIds(): string[] {
    return [...new Set([...this.documents.values()].flatMap((d) => d.mentions.map((m) => m.entryId)))].sort();
  }
}

const IDS = ['to-lam', 'cuong', 'asean', 'resolution-59', 'mofa', 'hanoi'];
const MATCHES: MatchKind[] = ['name', 'alias', 'native', 'short', 'number', 'annotation'];
const URIS = ['file:///w/a.txt', 'file:///w/b.md', 'file:///w/sub/c.txt', 'file:///w/d.txt'];

/** A document with mentions at increasing offsets on a few lines (some spanning two lines), and annotations of some of them. */
const documentArbitrary = (uri: string) =>
  fc
    .record({
      mentions: fc.array(
        fc.record({
          id: fc.constantFrom(...IDS),
          gap: fc.nat(40),
          length: fc.integer({ min: 1, max: 30 }),
          kind: fc.constantFrom(...ENTRY_KINDS),
          match: fc.constantFrom(...MATCHES),
          text: fc.string({ minLength: 1, maxLength: 30 }),
          spansLines: fc.boolean(),
          annotated: fc.boolean(),
        }),
        { maxLength: 25 },
      ),
      date: fc.option(fc.constantFrom('2025-01-02', '2024-12-31'), { nil: undefined }),
    })
    .map(({ mentions, date }): IndexedDocument => {
      let offset = 0;
      let line = 0;
      const out: Mention[] = [];
      const annotations: Annotation[] = [];
      for (const m of mentions) {
        const start = offset + m.gap;
        const end = start + m.length;
        offset = end;
        const startLine = line + (m.gap % 3 === 0 ? 1 : 0);
        const endLine = startLine + (m.spansLines ? 1 : 0);
        line = endLine;
        const range = { start: { line: startLine, character: m.gap }, end: { line: endLine, character: m.length } };
        // Texts long enough to be slices of a bigger string, as recognition's are.
        const text = `${m.text}${'·'.repeat(m.length % 15)}`;
        out.push({ entryId: m.id, kind: m.kind, match: m.match, start, end, range, text });
        if (m.annotated) {
          const idRange = { start: { line: startLine, character: m.gap + 2 }, end: { line: startLine, character: m.gap + 2 + m.id.length } };
          annotations.push({ start, end, range, text: `[[${m.id}]]`, id: m.id, idSpan: { start: start + 2, end: start + 2 + m.id.length, range: idRange, text: m.id }, known: true });
        }
      }
      return date === undefined ? { uri, mentions: out, annotations } : { uri, mentions: out, annotations, date };
    });

type Step = { type: 'set'; document: IndexedDocument } | { type: 'delete'; uri: string } | { type: 'deleteWhere'; prefix: string };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...URIS).chain((uri) => documentArbitrary(uri)).map((document): Step => ({ type: 'set', document })) },
  { weight: 1, arbitrary: fc.constantFrom(...URIS).map((uri): Step => ({ type: 'delete', uri })) },
  { weight: 1, arbitrary: fc.constantFrom('file:///w/sub/', 'file:///w/a').map((prefix): Step => ({ type: 'deleteWhere', prefix })) },
);

function assertSameAnswers(index: MentionIndex, reference: ReferenceIndex): void {
  assert.equal(index.documentCount, reference.documents.size);
  assert.deepEqual(index.uris().sort(), [...reference.documents.keys()].sort());
  assert.deepEqual(index.mentionedEntryIds().sort(), reference.mentionedEntryIds());
  for (const id of [...IDS, 'nobody']) {
    assert.deepEqual(index.mentionsOf(id), reference.mentionsOf(id));
    assert.deepEqual(index.documentsOf(id), reference.documentsOf(id));
    assert.deepEqual(index.countOf(id), reference.countOf(id));
    assert.deepEqual(index.annotationsOf(id), reference.annotationsOf(id));
    assert.deepEqual(index.locationsOf(id), reference.mentionsOf(id).map(({ uri, mention }) => ({ uri, range: mention.range })));
  }
  for (const [uri, document] of reference.documents) {
    const stored = index.get(uri)!;
    assert.deepEqual(stored.mentions, document.mentions);
    assert.deepEqual(stored.annotations, document.annotations);
    assert.equal(stored.date, document.date);
  }
}

describe('MentionIndex (compact)', () => {
  it('answers exactly as a scan of the documents would, through sets, replacements and deletions', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 30 }), (steps) => {
        const index = new MentionIndex();
        const reference = new ReferenceIndex();
        for (const step of steps) {
          // References asked between steps must not be answered from a list kept from before a change.
          index.locationsOf(IDS[0]);
          if (step.type === 'set') {
            index.set(step.document);
            reference.set(step.document);
          } else if (step.type === 'delete') {
            assert.equal(index.delete(step.uri), reference.delete(step.uri));
          } else {
            const removed = index.deleteWhere((uri) => uri.startsWith(step.prefix)).sort();
            const expected = [...reference.documents.keys()].filter((uri) => uri.startsWith(step.prefix)).sort();
            for (const uri of expected) reference.delete(uri);
            assert.deepEqual(removed, expected);
          }
          assertSameAnswers(index, reference);
        }
        index.clear();
        assertSameAnswers(index, new ReferenceIndex());
      }),
      { numRuns: 150 },
    );
  });

  it('takes records made elsewhere (as a worker thread sends them) like documents', () => {
    fc.assert(
      fc.property(documentArbitrary(URIS[0]), documentArbitrary(URIS[1]), (a, b) => {
        const direct = new MentionIndex();
        direct.set(a);
        direct.set(b);
        const fromRecords = new MentionIndex();
        // A structured clone is what crosses a thread boundary.
        fromRecords.setRecord(structuredClone(createDocumentRecord(b)));
        fromRecords.setRecord(structuredClone(createDocumentRecord(a)));
        for (const id of IDS) {
          assert.deepEqual(fromRecords.documentsOf(id), direct.documentsOf(id));
          assert.deepEqual(fromRecords.annotationsOf(id), direct.annotationsOf(id));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('gives the same answers whatever order records arrive in, from workers and from this thread alike', () => {
    const documents = fc.tuple(...URIS.map((uri) => documentArbitrary(uri)));
    // For each document: its place in the arrival order, and whether it comes as a record from a worker.
    const arrival = fc.tuple(fc.array(fc.nat(), { minLength: URIS.length, maxLength: URIS.length }), fc.array(fc.boolean(), { minLength: URIS.length, maxLength: URIS.length }));
    fc.assert(
      fc.property(documents, arrival, (docs, [keys, fromWorker]) => {
        const reference = new ReferenceIndex();
        for (const document of docs) reference.set(document);
        const order = docs.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
        const index = new MentionIndex();
        for (const i of order) {
          if (fromWorker[i]) index.setRecord(structuredClone(createDocumentRecord(docs[i])));
          else index.set(docs[i]);
        }
        assertSameAnswers(index, reference);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps one row of numbers per mention, gives texts back, and keeps an unchanged entry\'s references ready', () => {
    const text = `${'x'.repeat(1000)} Nguyễn Mạnh Cường spoke ${'y'.repeat(1000)}`;
    const start = text.indexOf('Nguyễn');
    const written = text.slice(start, start + 'Nguyễn Mạnh Cường'.length);
    const range = { start: { line: 0, character: start }, end: { line: 0, character: start + written.length } };
    const index = new MentionIndex();
    index.set({ uri: URIS[0], mentions: [{ entryId: 'cuong', kind: 'official', match: 'name', start, end: start + written.length, range, text: written }], annotations: [] });
    const record = createDocumentRecord({ uri: URIS[0], mentions: [{ entryId: 'cuong', kind: 'official', match: 'name', start, end: start + written.length, range, text: written }], annotations: [] });
    assert.equal(record.rows.length, 8);
    assert.equal(index.mentionsOf('cuong')[0].mention.text, 'Nguyễn Mạnh Cường');
    assert.equal(index.locationsOf('cuong'), index.locationsOf('cuong'), 'asked twice without a change, the same list');
  });
});
