import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  InlayHintRequest,
  SemanticTokensRequest,
  SymbolKind,
  WorkspaceSymbolRequest,
  type CompletionList,
  type DocumentSymbol,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { SHOW_MENTIONS_COMMAND } from '../../server/src/protocol';
import { fileUri, LspTestClient, REPO_ROOT } from '../helpers/lspClient';
import { applyTextEdits, positionOf, textAt } from '../helpers/text';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const sample = (name: string) => ({ uri: fileUri(SAMPLES, name), text: readFileSync(path.join(SAMPLES, name), 'utf8') });

describe('completion, symbols, tokens, hints and lenses over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start(SAMPLES);
  });
  after(async () => {
    await client.stop();
  });

  it('completes entry ids after [[ with names and kinds', async () => {
    const uri = fileUri(SAMPLES, 'draft.txt');
    const text = 'The speech cited [[bamb';
    await client.open(uri, text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'bamb', 4),
      context: { triggerKind: 1 },
    })) as CompletionList;
    const item = list.items.find((i) => i.label === 'bamboo-diplomacy');
    assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));
    assert.match(item.detail ?? '', /bamboo diplomacy \(term\)/);
    const edit = item.textEdit as { range: Location['range']; newText: string };
    assert.equal(applyTextEdits(text, [edit]), 'The speech cited [[bamboo-diplomacy]]');
    assert.ok(client.initializeResult?.capabilities.completionProvider?.triggerCharacters?.includes('['));
  });

  it('completes ids in related values of a glossary file', async () => {
    const glossary = sample('policy.glossary.yaml');
    const text = glossary.text.replace('related: [ministry-of-foreign-affairs]', 'related: [ministry-of-foreign-affairs, asea]');
    await client.open(glossary.uri, text, 'yaml');
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: glossary.uri },
      position: positionOf(text, 'asea]', 4),
    })) as CompletionList;
    assert.ok(list.items.some((i) => i.label === 'asean'), JSON.stringify(list.items.map((i) => i.label)));
    await client.close(glossary.uri);
  });

  it('outlines the entities a document mentions, grouped by kind', async () => {
    const doc = sample('congress-foreign-policy.md');
    await client.open(doc.uri, doc.text, 'markdown');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    const groups = Object.fromEntries(symbols.map((s) => [s.name, s.children!.map((c) => c.name)]));
    assert.deepEqual(groups['Officials'], ['Tô Lâm', 'Nguyễn Mạnh Cường']);
    assert.ok(groups['Organizations'].includes('Communist Party of Vietnam'));
    assert.deepEqual(groups['Resolutions and documents'], ['Resolution on international integration in the new situation']);
    const cuong = symbols.find((s) => s.name === 'Officials')!.children![1];
    assert.equal(cuong.detail, '3 mentions');
    assert.equal(cuong.kind, SymbolKind.Class);
    assert.equal(textAt(doc.text, cuong.selectionRange), 'Nguyen Manh Cuong');
  });

  it('searches every entry of the workspace', async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'cuong' })) as SymbolInformation[];
    const ids = found.map((s) => s.containerName);
    assert.ok(ids.includes('luong-cuong') && ids.includes('nguyen-manh-cuong'), JSON.stringify(ids));
    assert.ok(!ids.includes('to-lam'));
    assert.equal(found[0].location.uri, fileUri(SAMPLES, 'policy.glossary.yaml'));
  });

  it('colours mentions by kind, with deprecated terms marked', async () => {
    const legend = client.initializeResult!.capabilities.semanticTokensProvider!.legend;
    const uri = fileUri(SAMPLES, 'tokens.txt');
    const text = 'Pham Minh Chinh praised mass diplomacy\nand ASEAN.';
    await client.open(uri, text);
    const { data } = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!;
    const tokens: [string, string, string[]][] = [];
    let line = 0;
    let character = 0;
    const lines = text.split('\n');
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
      tokens.push([lines[line].slice(character, character + data[i + 2]), legend.tokenTypes[data[i + 3]], modifiers]);
    }
    assert.deepEqual(tokens, [
      ['Pham Minh Chinh', 'official', []],
      ['mass diplomacy', 'term', ['deprecated']],
      ['ASEAN', 'organization', []],
    ]);
  });

  it('shows who a short name is after it', async () => {
    const doc = sample('congress-foreign-policy.md');
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: doc.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    }))!;
    assert.deepEqual(hints.map((h) => h.label), ['→ Nguyễn Mạnh Cường', '→ Nguyễn Mạnh Cường']);
    assert.deepEqual(hints[0].position, positionOf(doc.text, 'Cuong said', 5));
  });

  it('puts a lens on each glossary entry: mentions and documents, with the command and locations', async () => {
    const glossary = sample('policy.glossary.yaml');
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: glossary.uri } }))!;
    assert.ok(lenses.length >= 10);
    const lens = lenses.find((l) => textAt(glossary.text, l.range) === 'resolution-59')!;
    const resolved = await client.connection.sendRequest(CodeLensResolveRequest.type, lens);
    assert.equal(resolved.command?.command, SHOW_MENTIONS_COMMAND);
    const [uri, position, locations] = resolved.command!.arguments as [string, unknown, Location[]];
    assert.equal(uri, glossary.uri);
    assert.deepEqual(position, lens.range.start);
    const documents = new Set(locations.map((l) => l.uri)).size;
    assert.equal(resolved.command!.title, `${locations.length} mentions in ${documents} documents`);
    assert.ok(documents >= 3);
  });
});

describe('inlay hints setting over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start(SAMPLES, { settings: { inlayHints: { shortNames: false } } });
  });
  after(async () => {
    await client.stop();
  });

  it('shows no short-name hints when the setting is off', async () => {
    const doc = sample('congress-foreign-policy.md');
    await client.open(doc.uri, doc.text, 'markdown');
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: doc.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    });
    assert.deepEqual(hints, []);
  });
});
