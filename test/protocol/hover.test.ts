import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient, REPO_ROOT } from '../helpers/lspClient';

const SAMPLES = path.join(REPO_ROOT, 'samples');

describe('hover over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start(SAMPLES);
  });
  after(async () => {
    await client.stop();
  });

  it('announces hover and reports the sample glossary loaded', () => {
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
    assert.ok((client.lastStatus?.entries ?? 0) >= 10, `entries: ${client.lastStatus?.entries}`);
  });

  it('shows the entry card on an official mentioned without diacritics', async () => {
    const file = path.join(SAMPLES, 'congress-foreign-policy.md');
    const uri = fileUri(file);
    const text = readFileSync(file, 'utf8');
    await client.open(uri, text, 'markdown');
    const line = text.split('\n').findIndex((l) => l.includes('Nguyen Manh Cuong'));
    const character = text.split('\n')[line].indexOf('Nguyen Manh Cuong') + 3;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    assert.ok(hover, 'expected a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /Nguyễn Mạnh Cường/);
    assert.deepEqual(hover.range?.start, { line, character: character - 3 });
  });

  it('answers nothing on a word that is no mention', async () => {
    const uri = fileUri(SAMPLES, 'scratch.txt');
    await client.open(uri, 'Nothing of note here.');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.equal(hover, null);
  });
});
