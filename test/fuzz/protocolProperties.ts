// Incremental versus fresh over the protocol: the real server receives random incremental didChange
// edits (positions anywhere, surrogate halves and CR/LF included) and must then publish the same
// diagnostics, tokens and symbols as for the final text opened fresh.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentSymbolRequest, SemanticTokensRequest, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { TempWorkspace } from '../helpers/workspace';
import { EXTRA_GLOSSARY, fuzzGlossary, SAMPLE_GLOSSARY_TEXT } from './recognitionProperties';
import { Counter, type FuzzProperty } from './registry';
import { ReferenceLines } from './spans';
import { applyOffsetEdit, DIAGNOSED, documentText, editSequence, placeEdit } from './unicodeText';

let workspace: TempWorkspace | undefined;
let client: LspTestClient | undefined;
let documentNumber = 0;
const counts = new Counter();

/** LSP has no position between CR and LF: an edit there starts after the pair instead. */
function avoidSplitLineBreak(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset;
}

/** What a client sees of a document. */
async function observe(c: LspTestClient, uri: string, version: number) {
  const published = await c.diagnosticsFor(uri, (p) => p.version === version);
  const tokens = await c.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  const symbols = await c.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  return { diagnostics: published.diagnostics, tokens: tokens?.data ?? [], symbols };
}

const incrementalOverProtocol: FuzzProperty = {
  name: 'property: after random incremental didChange edits the server publishes what it publishes for the final text opened fresh',
  seed: 8301,
  runs: 25,
  reset: () => counts.clear(),
  setup: async () => {
    workspace = new TempWorkspace({ 'policy.glossary.yaml': SAMPLE_GLOSSARY_TEXT, 'extra.glossary.yaml': EXTRA_GLOSSARY, 'notes.txt': 'Tô Lâm met WHO.\n' });
    client = await LspTestClient.start(workspace.root);
  },
  teardown: async () => {
    await client?.stop();
    workspace?.dispose();
    client = undefined;
    workspace = undefined;
  },
  property: () => {
    const { glossary } = fuzzGlossary();
    const batches = fc.array(editSequence(glossary, 4), { minLength: 1, maxLength: 6 });
    // Sentences with diagnostics first, so that edits cut into them.
    const start = fc.tuple(fc.shuffledSubarray(DIAGNOSED, { minLength: 1 }), documentText(glossary, { maxPieces: 20 })).map(([sentences, rest]) => `${sentences.join('\n')}\n${rest}`);
    return fc.asyncProperty(start, batches, async (start, changes) => {
      const c = client!;
      const n = ++documentNumber;
      const uri = workspace!.uri(`edited-${n}.txt`);
      const freshUri = workspace!.uri(`fresh-${n}.txt`);
      await c.open(uri, start);
      let text = start;
      let version = 1;
      // Each notification carries several changes, applied one after the other (as LSP says).
      for (const batch of changes) {
        const events: TextDocumentContentChangeEvent[] = [];
        for (const random of batch) {
          const edit = placeEdit(text, random);
          edit.start = avoidSplitLineBreak(text, edit.start);
          edit.end = Math.max(edit.start, avoidSplitLineBreak(text, edit.end));
          const lines = new ReferenceLines(text);
          events.push({ range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, text: edit.text });
          text = applyOffsetEdit(text, edit);
        }
        version = await c.change(uri, events);
        counts.add('changes', events.length);
      }
      const edited = await observe(c, uri, version);
      await c.open(freshUri, text);
      const fresh = await observe(c, freshUri, 1);
      await c.close(uri);
      await c.close(freshUri);
      assert.deepEqual(edited, fresh);
      assert.deepEqual(c.errors(), [], 'the server logged errors');
      counts.add('inputs');
      counts.add('diagnostics', fresh.diagnostics.length);
    });
  },
  coverage: () => (counts.get('diagnostics') < counts.get('inputs') ? `${counts}` : undefined),
};

export const PROTOCOL_PROPERTIES: FuzzProperty[] = [incrementalOverProtocol];
