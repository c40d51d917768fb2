import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, ReferencesRequest } from 'vscode-languageserver-protocol';
import { GLOSSARY_CACHE_FILE } from '../../server/src/node/fileGlossaryCache';
import { GLOSSARY_TEXT } from '../helpers/editedDocuments';
import { LspTestClient } from '../helpers/lspClient';
import { positionOf } from '../helpers/text';
import { TempWorkspace } from '../helpers/workspace';

const NOTE = 'General Secretary To Lam met ASEAN envoys.\nLater, Lam spoke again.\n';

/** Waits until the server has logged a line matching `pattern` (or gives up after a few seconds). */
async function logged(client: LspTestClient, pattern: RegExp): Promise<boolean> {
  for (let k = 0; k < 100; k++) {
    if (client.logMessages.some((m) => pattern.test(m.message))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('glossary cache over stdio', () => {
  let workspace: TempWorkspace;
  let storage: string;

  before(() => {
    workspace = new TempWorkspace({ 'policy.glossary.yaml': GLOSSARY_TEXT, 'notes/one.txt': NOTE });
    storage = mkdtempSync(path.join(tmpdir(), 'policy-gloss-storage-'));
  });
  after(() => {
    workspace.dispose();
    rmSync(storage, { recursive: true, force: true });
  });

  /** What a client sees of the glossary: a hover card and the references of a short name. */
  async function answers(client: LspTestClient) {
    const uri = workspace.uri('notes/one.txt');
    await client.open(uri, NOTE);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(NOTE, 'To Lam') });
    const references = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: positionOf(NOTE, 'Lam spoke'),
      context: { includeDeclaration: false },
    });
    return { hover, references, status: client.lastStatus };
  }

  it('keeps the glossary in the folder the client names when it stops, and the next start takes it from there', async () => {
    const first = await LspTestClient.start(workspace.root, { initializationOptions: { glossaryCacheFolder: storage } });
    let expected;
    try {
      assert.equal(first.logMessages.some((m) => /^Glossary cache: read/.test(m.message)), false);
      expected = await answers(first);
      assert.equal(existsSync(path.join(storage, GLOSSARY_CACHE_FILE)), false, 'kept when the server stops');
    } finally {
      await first.stop();
    }
    assert.ok(await logged(first, /^Glossary cache: kept/), 'the first server keeps its glossary as it stops');
    assert.ok(existsSync(path.join(storage, GLOSSARY_CACHE_FILE)));
    assert.ok(expected.hover, 'To Lam is recognised');
    assert.equal(expected.references?.length, 2);

    const second = await LspTestClient.start(workspace.root, { initializationOptions: { glossaryCacheFolder: storage } });
    try {
      assert.ok(second.logMessages.some((m) => /^Glossary cache: read/.test(m.message)), 'the restart reads the glossary');
      assert.deepEqual(await answers(second), expected);
    } finally {
      await second.stop();
    }
    // Nothing new to keep: the cache holds this glossary already.
    assert.equal(second.logMessages.some((m) => /^Glossary cache: kept/.test(m.message)), false);
  });

  it('builds the glossary at every start without a folder, or with one that is not absolute', async () => {
    for (const initializationOptions of [undefined, { glossaryCacheFolder: 'relative/storage' }, { glossaryCacheFolder: 42 }]) {
      const client = await LspTestClient.start(workspace.root, { initializationOptions });
      try {
        assert.ok((await answers(client)).hover);
      } finally {
        await client.stop();
      }
      assert.deepEqual(client.logMessages.filter((m) => /Glossary cache/.test(m.message)), []);
    }
    assert.equal(existsSync(path.join(workspace.root, 'relative')), false);
    assert.deepEqual(readdirSync(storage), [GLOSSARY_CACHE_FILE]);
  });
});
