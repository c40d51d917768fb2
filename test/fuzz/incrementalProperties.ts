// Incremental versus fresh, in process: a PolicyService fed a random history of document edits,
// glossary changes, disk changes and requests answers exactly as one that read the final state at once.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PolicyService } from '../../server/src/core/service';
import type { TextFile } from '../../server/src/core/types';
import { EXTRA_GLOSSARY, EXTRA_GLOSSARY_URI, fuzzGlossary, GLOSSARY_URI, SAMPLE_GLOSSARY_TEXT } from './recognitionProperties';
import { Counter, type FuzzProperty } from './registry';
import { applyOffsetEdit, documentText, editSequence, placeEdit } from './unicodeText';

/** Versions of the extra glossary file a history switches between; `undefined` means deleted. */
export const EXTRA_GLOSSARY_VARIANTS: (string | undefined)[] = [
  EXTRA_GLOSSARY,
  // An entry removed.
  EXTRA_GLOSSARY.replace(/  - id: dang-thi-ngoc-thinh[\s\S]*?(?=  - id: arab-league)/, ''),
  // Entries added that compete with the sample's forms: a place named like a short name, a term like a title.
  `${EXTRA_GLOSSARY}  - id: lam-province
    kind: place
    name: Lâm
  - id: state-president-term
    kind: term
    name: state president
  - id: cuong-river
    kind: place
    name: Cuong
    case: sensitive
`,
  // An id renamed (annotations of the old id become unknown).
  EXTRA_GLOSSARY.replace('id: lunar-new-year', 'id: tet'),
  // A summary only: recognition is unchanged, cached analyses stay valid.
  EXTRA_GLOSSARY.replace('name: Arab League\n', 'name: Arab League\n    summary: Changed *summary*.\n'),
  // A syntax error: the file keeps its last good entries.
  EXTRA_GLOSSARY.replace('name: Arab League', 'name: "Arab League'),
  undefined,
];

type Operation =
  | { type: 'edit'; doc: 'a' | 'b'; edits: { at: number; length: number; text: string }[] }
  | { type: 'disk'; edits: { at: number; length: number; text: string }[] }
  | { type: 'glossary'; variant: number }
  | { type: 'query'; doc: 'a' | 'b'; at: number }
  | { type: 'reindex' };

const A = 'file:///w/a.txt';
const B = 'file:///w/b.md';
const C = 'file:///w/closed.txt';

function operations(): fc.Arbitrary<Operation[]> {
  const { glossary } = fuzzGlossary();
  const doc = fc.constantFrom<'a' | 'b'>('a', 'b');
  const op: fc.Arbitrary<Operation> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ type: fc.constant('edit' as const), doc, edits: editSequence(glossary, 4) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('disk' as const), edits: editSequence(glossary, 3) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('glossary' as const), variant: fc.nat({ max: EXTRA_GLOSSARY_VARIANTS.length - 1 }) }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('query' as const), doc, at: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ type: 'reindex' as const }) },
  );
  return fc.array(op, { minLength: 1, maxLength: 25 });
}

/** Everything a client can see of one document. */
function observe(service: PolicyService, file: TextFile) {
  return {
    analysis: service.analyze(file),
    diagnostics: service.getDiagnostics(file),
    tokens: service.getSemanticTokens(file),
    symbols: service.getDocumentSymbols(file),
    hints: service.getInlayHints(file),
  };
}

const counts = new Counter();

const incrementalVsFresh: FuzzProperty = {
  name: 'property: after any history of edits, glossary changes and requests, the service answers as one built from the final state',
  seed: 8101,
  runs: 80,
  reset: () => counts.clear(),
  property: () => {
    const { glossary } = fuzzGlossary();
    const start = documentText(glossary, { maxPieces: 25 });
    return fc.property(start, start, start, operations(), (textA, textB, textC, ops) => {
      const service = new PolicyService({ roots: ['file:///w'] });
      const glossaryHistory: (string | undefined)[] = [EXTRA_GLOSSARY];
      service.setGlossaryFiles([
        { uri: GLOSSARY_URI, text: SAMPLE_GLOSSARY_TEXT },
        { uri: EXTRA_GLOSSARY_URI, text: EXTRA_GLOSSARY },
      ]);
      const open = { a: { uri: A, version: 1, text: textA }, b: { uri: B, version: 1, text: textB } };
      let disk = textC;
      // The server analyses open documents on every change and indexes the rest from disk.
      const refreshOpen = () => {
        for (const file of Object.values(open)) service.indexDocument(file, { cache: true });
      };
      refreshOpen();
      service.indexDocument({ uri: C, version: 0, text: disk });
      for (const op of ops) {
        switch (op.type) {
          case 'edit': {
            const file = open[op.doc];
            let text = file.text;
            for (const edit of op.edits) text = applyOffsetEdit(text, placeEdit(text, edit));
            open[op.doc] = { uri: file.uri, version: file.version + 1, text };
            service.indexDocument(open[op.doc], { cache: true });
            counts.add('edits', op.edits.length);
            break;
          }
          case 'disk':
            for (const edit of op.edits) disk = applyOffsetEdit(disk, placeEdit(disk, edit));
            service.indexDocument({ uri: C, version: 0, text: disk });
            break;
          case 'glossary': {
            const variant = EXTRA_GLOSSARY_VARIANTS[op.variant];
            glossaryHistory.push(variant);
            if (variant === undefined) service.deleteGlossaryFile(EXTRA_GLOSSARY_URI);
            else service.setGlossaryFile(EXTRA_GLOSSARY_URI, variant);
            refreshOpen();
            counts.add('glossary changes');
            break;
          }
          case 'query': {
            const file = open[op.doc];
            const position = service.analyzed(file).lineMap.positionAt(op.at % (file.text.length + 1));
            service.getHover(file, position);
            service.getCompletions(file, position);
            service.getDiagnostics(file);
            break;
          }
          case 'reindex':
            for (const uri of service.staleDocumentUris()) if (uri === C) service.indexDocument({ uri: C, version: 0, text: disk });
            break;
        }
      }
      // The server re-reads stale documents from disk once edits pause.
      if (service.staleDocumentUris().includes(C)) service.indexDocument({ uri: C, version: 0, text: disk });

      // Fresh: the same glossary history (a broken file keeps its last good entries by design), then the final documents at once.
      const fresh = new PolicyService({ roots: ['file:///w'] });
      fresh.setGlossaryFiles([
        { uri: GLOSSARY_URI, text: SAMPLE_GLOSSARY_TEXT },
        { uri: EXTRA_GLOSSARY_URI, text: EXTRA_GLOSSARY },
      ]);
      for (const variant of glossaryHistory.slice(1)) {
        if (variant === undefined) fresh.deleteGlossaryFile(EXTRA_GLOSSARY_URI);
        else fresh.setGlossaryFile(EXTRA_GLOSSARY_URI, variant);
      }
      const finalA = { uri: A, version: 1, text: open.a.text };
      const finalB = { uri: B, version: 1, text: open.b.text };
      fresh.indexDocument(finalA, { cache: true });
      fresh.indexDocument(finalB, { cache: true });
      fresh.indexDocument({ uri: C, version: 0, text: disk });

      assert.deepEqual(service.getGlossary().problems, fresh.getGlossary().problems, 'glossary problems');
      assert.deepEqual(observe(service, open.a), observe(fresh, finalA), 'document a');
      assert.deepEqual(observe(service, open.b), observe(fresh, finalB), 'document b');
      for (const uri of [A, B, C]) assert.deepEqual(service.index.get(uri), fresh.index.get(uri), `index record of ${uri}`);
      for (const entry of fresh.getGlossary().entries) assert.deepEqual(service.countsOf(entry.id), fresh.countsOf(entry.id), `counts of ${entry.id}`);
      assert.deepEqual(service.getWorkspaceSymbols(''), fresh.getWorkspaceSymbols(''), 'workspace symbols');
      assert.deepEqual(service.staleDocumentUris(), [], 'stale documents left');
      counts.add('inputs');
      counts.add('mentions', (service.index.get(A)?.mentions.length ?? 0) + (service.index.get(B)?.mentions.length ?? 0));
    });
  },
  coverage: () => (counts.get('glossary changes') < 20 || counts.get('mentions') < counts.get('inputs') ? `${counts}` : undefined),
};

export const INCREMENTAL_PROPERTIES: FuzzProperty[] = [incrementalVsFresh];
