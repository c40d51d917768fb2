import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import {
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  type Location,
} from 'vscode-languageserver-protocol';
import { AddToGlossaryRequest, EntriesRequest, IndexRequest, MentionsOfEntryRequest } from '../../server/src/protocol';
import { LspTestClient } from '../helpers/lspClient';
import { applyWorkspaceEdit, positionOf } from '../helpers/text';
import { TempWorkspace } from '../helpers/workspace';

const GLOSSARY = `entries:
  - id: asean
    kind: organization
    name: Association of Southeast Asian Nations
    aliases: [ASEAN]
  - id: united-nations
    kind: organization
    name: United Nations
    aliases: [UN]
`;

describe('workspace index over stdio', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    workspace = new TempWorkspace({
      'policy.glossary.yaml': GLOSSARY,
      'a.txt': 'ASEAN met the United Nations.',
      'sub/b.md': '# B\n\nASEAN again.',
      'node_modules/pkg/readme.md': 'ASEAN in a dependency.',
      'image.png': 'ASEAN',
    });
    client = await LspTestClient.start(workspace.root);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  const mentionsOf = async (id: string) => (await client.connection.sendRequest(MentionsOfEntryRequest, { id })).map((l) => l.uri).sort();
  /** Sends file events and waits for the server to report its index complete again. */
  const fileEvents = async (changes: { uri: string; type: FileChangeType }[]) => {
    const idle = client.waitForIndex();
    await client.filesChanged(changes);
    return idle;
  };

  it('builds the index at start with a progress report and a status with real counts', () => {
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.deepEqual(client.lastStatus, { indexing: false, entries: 2, glossaryFiles: 1, glossaryErrors: 0, documents: 2 });
  });

  it('registers file watchers for glossaries and documents', () => {
    const registration = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(registration);
    const patterns = (registration.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    for (const p of ['**/*.glossary.yaml', '**/*.txt', '**/*.md']) assert.ok(patterns.includes(p), p);
  });

  it('answers the custom requests: entries, index and mentions', async () => {
    const entries = await client.connection.sendRequest(EntriesRequest, undefined);
    assert.deepEqual(entries, [
      { id: 'asean', name: 'Association of Southeast Asian Nations', kind: 'organization' },
      { id: 'united-nations', name: 'United Nations', kind: 'organization' },
    ]);
    const { entries: index } = await client.connection.sendRequest(IndexRequest, undefined);
    const asean = index.find((e) => e.id === 'asean')!;
    assert.equal(asean.mentionCount, 2);
    assert.deepEqual(asean.documents.map((d) => [d.uri, d.mentions.map((m) => m.text)]), [
      [workspace.uri('a.txt'), ['ASEAN']],
      [workspace.uri('sub/b.md'), ['ASEAN']],
    ]);
    assert.deepEqual(await mentionsOf('asean'), [workspace.uri('a.txt'), workspace.uri('sub/b.md')]);
    assert.deepEqual(await mentionsOf('no-such-entry'), []);
  });

  it('indexes a created file and forgets a deleted one', async () => {
    const c = workspace.write('c.txt', 'The UN and ASEAN.');
    let status = await fileEvents([{ uri: c, type: FileChangeType.Created }]);
    assert.equal(status.documents, 3);
    assert.deepEqual(await mentionsOf('united-nations'), [workspace.uri('a.txt'), c]);
    workspace.write('c.txt', 'Nothing now.');
    await fileEvents([{ uri: c, type: FileChangeType.Changed }]);
    assert.deepEqual(await mentionsOf('united-nations'), [workspace.uri('a.txt')]);
    workspace.remove('c.txt');
    status = await fileEvents([{ uri: c, type: FileChangeType.Deleted }]);
    assert.equal(status.documents, 2);
  });

  it('follows a renamed file and a deleted folder', async () => {
    workspace.rename('sub/b.md', 'sub/renamed.md');
    await fileEvents([
      { uri: workspace.uri('sub/b.md'), type: FileChangeType.Deleted },
      { uri: workspace.uri('sub/renamed.md'), type: FileChangeType.Created },
    ]);
    assert.deepEqual(await mentionsOf('asean'), [workspace.uri('a.txt'), workspace.uri('sub/renamed.md')]);
    workspace.remove('sub');
    const status = await fileEvents([{ uri: workspace.uri('sub'), type: FileChangeType.Deleted }]);
    assert.equal(status.documents, 1);
    assert.deepEqual(await mentionsOf('asean'), [workspace.uri('a.txt')]);
  });

  it('indexes the files of a created folder', async () => {
    workspace.write('new/one.txt', 'ASEAN one.');
    workspace.write('new/deep/two.md', 'ASEAN two.');
    await fileEvents([{ uri: workspace.uri('new'), type: FileChangeType.Created }]);
    assert.deepEqual(await mentionsOf('asean'), [workspace.uri('a.txt'), workspace.uri('new/deep/two.md'), workspace.uri('new/one.txt')]);
  });

  it('re-reads a glossary changed on disk and re-indexes documents with it', async () => {
    const glossaryUri = workspace.uri('policy.glossary.yaml');
    workspace.write('policy.glossary.yaml', GLOSSARY + '  - id: met\n    kind: other\n    name: met\n    case: insensitive\n');
    const status = await fileEvents([{ uri: glossaryUri, type: FileChangeType.Changed }]);
    assert.equal(status.entries, 3);
    assert.deepEqual(await mentionsOf('met'), [workspace.uri('a.txt')]);
    workspace.write('policy.glossary.yaml', GLOSSARY);
    await fileEvents([{ uri: glossaryUri, type: FileChangeType.Changed }]);
    assert.deepEqual(await mentionsOf('met'), []);
  });

  it('keeps serving when the glossary is deleted and restored', async () => {
    const glossaryUri = workspace.remove('policy.glossary.yaml');
    let status = await fileEvents([{ uri: glossaryUri, type: FileChangeType.Deleted }]);
    assert.equal(status.entries, 0);
    assert.deepEqual(await mentionsOf('asean'), []);
    workspace.write('policy.glossary.yaml', GLOSSARY);
    status = await fileEvents([{ uri: glossaryUri, type: FileChangeType.Created }]);
    assert.equal(status.entries, 2);
    assert.deepEqual(await mentionsOf('asean'), [workspace.uri('a.txt'), workspace.uri('new/deep/two.md'), workspace.uri('new/one.txt')]);
  });

  it('serves open documents from memory and the disk text again after closing', async () => {
    const uri = workspace.uri('a.txt');
    await client.open(uri, 'Only the UN here.');
    const references = () =>
      client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri },
        position: positionOf('Only the UN here.', 'UN', 1),
        context: { includeDeclaration: false },
      }) as Promise<Location[]>;
    assert.deepEqual(await mentionsOf('asean'), [workspace.uri('new/deep/two.md'), workspace.uri('new/one.txt')]);
    assert.equal((await references()).length, 1);
    const idle = client.waitForIndex();
    await client.close(uri);
    await idle;
    assert.ok((await mentionsOf('asean')).includes(uri));
  });

  it('adds an entry through the custom request as one lossless edit', async () => {
    const glossaryUri = workspace.uri('policy.glossary.yaml');
    const response = await client.connection.sendRequest(AddToGlossaryRequest, { id: 'mekong', kind: 'place', name: 'Mekong', uri: workspace.uri('a.txt') });
    assert.equal(response.error, undefined);
    const glossary = applyWorkspaceEdit(response.edit!, () => GLOSSARY).get(glossaryUri)!;
    assert.ok(glossary.startsWith(GLOSSARY.trimEnd()));
    assert.match(glossary, /- id: mekong\n\s+kind: place\n\s+name: Mekong/);
    const duplicate = await client.connection.sendRequest(AddToGlossaryRequest, { id: 'asean', kind: 'organization', name: 'ASEAN' });
    assert.match(duplicate.error ?? '', /already exists/);
    const invalid = await client.connection.sendRequest(AddToGlossaryRequest, { id: 'Bad Id', kind: 'place', name: 'X' });
    assert.match(invalid.error ?? '', /not a valid id/);
    const badKind = await client.connection.sendRequest(AddToGlossaryRequest, { id: 'x', kind: 'planet', name: 'X' });
    assert.match(badKind.error ?? '', /not a kind/);
  });

  it('logs a failing request and answers with a fallback, then keeps serving', async () => {
    const uri = workspace.uri('new/one.txt');
    await client.open(uri, 'ASEAN one.');
    const broken = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: null as never });
    assert.equal(broken, null);
    assert.ok(client.errors().some((m) => m.startsWith('hover failed')), JSON.stringify(client.errors()));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.ok(hover);
  });
});

describe('glossary and document patterns from the settings over stdio', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    workspace = new TempWorkspace({
      'terms/main.yaml': GLOSSARY,
      'policy.glossary.yaml': GLOSSARY.replace(/asean/g, 'other-asean').replace('Association of Southeast Asian Nations', 'Other'),
      'docs/a.txt': 'ASEAN here.',
      'b.txt': 'ASEAN there.',
      'docs/c.md': 'ASEAN in Markdown.',
    });
    client = await LspTestClient.start(workspace.root, { settings: { glossaryFiles: ['terms/*.yaml'], documents: ['docs/**/*.txt'] } });
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('reads only the glossaries and documents the settings name', async () => {
    assert.deepEqual(client.lastStatus, { indexing: false, entries: 2, glossaryFiles: 1, glossaryErrors: 0, documents: 1 });
    const mentions = await client.connection.sendRequest(MentionsOfEntryRequest, { id: 'asean' });
    assert.deepEqual(mentions.map((m) => m.uri), [workspace.uri('docs/a.txt')]);
    const watchers = client.registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
    assert.ok(watchers.includes('terms/*.yaml') && watchers.includes('docs/**/*.txt'));
  });

  it('does not serve an open document outside the patterns', async () => {
    const uri = workspace.uri('b.txt');
    await client.open(uri, 'ASEAN there.');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.equal(hover, null);
  });

  it('rebuilds the index when the patterns change', async () => {
    const idle = client.waitForStatus((s) => !s.indexing && s.documents === 3);
    await client.settingsChanged({ glossaryFiles: ['terms/*.yaml'], documents: ['**/*.txt', '**/*.md'] });
    const status = await idle;
    assert.equal(status.glossaryFiles, 1);
    const mentions = await client.connection.sendRequest(MentionsOfEntryRequest, { id: 'asean' });
    assert.deepEqual(mentions.map((m) => m.uri).sort(), [workspace.uri('b.txt'), workspace.uri('docs/a.txt'), workspace.uri('docs/c.md')]);
  });
});

describe('workspace folders over stdio', () => {
  let first: TempWorkspace;
  let second: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    first = new TempWorkspace({ 'policy.glossary.yaml': GLOSSARY, 'a.txt': 'ASEAN in the first folder.' });
    second = new TempWorkspace({ 'b.txt': 'ASEAN and the UN in the second folder.' });
    client = await LspTestClient.start(first.root);
  });
  after(async () => {
    await client.stop();
    first.dispose();
    second.dispose();
  });

  it('indexes an added folder and forgets a removed one', async () => {
    let idle = client.waitForIndex();
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: second.rootUri, name: 'second' }], removed: [] },
    });
    let status = await idle;
    assert.equal(status.documents, 2);
    const uris = async () => (await client.connection.sendRequest(MentionsOfEntryRequest, { id: 'asean' })).map((l) => l.uri).sort();
    assert.deepEqual(await uris(), [first.uri('a.txt'), second.uri('b.txt')].sort());
    idle = client.waitForIndex();
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: first.rootUri, name: 'first' }] },
    });
    status = await idle;
    // The glossary lived in the removed folder too.
    assert.deepEqual([status.documents, status.glossaryFiles, status.entries], [1, 0, 0]);
  });
});

describe('documents from outside the workspace over stdio', () => {
  let workspace: TempWorkspace;
  let elsewhere: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    workspace = new TempWorkspace({ 'policy.glossary.yaml': GLOSSARY, 'a.txt': 'ASEAN.' });
    elsewhere = new TempWorkspace({ 'outside.txt': 'ASEAN and the UN.', 'other.glossary.yaml': GLOSSARY.replace(/asean/g, 'x') });
    client = await LspTestClient.start(workspace.root);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
    elsewhere.dispose();
  });

  it('serves them with the workspace glossary but keeps them out of the index', async () => {
    const uri = elsewhere.uri('outside.txt');
    await client.openAndDiagnose(uri, 'ASEAN and the UN.');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.ok(hover);
    assert.deepEqual(await client.connection.sendRequest(MentionsOfEntryRequest, { id: 'asean' }).then((l) => l.map((x) => x.uri)), [workspace.uri('a.txt')]);
    await client.close(uri);
    assert.equal(client.lastStatus?.documents, 1);
  });

  it('never merges a glossary file from elsewhere', async () => {
    const uri = elsewhere.uri('other.glossary.yaml');
    await client.open(uri, GLOSSARY.replace(/asean/g, 'x'), 'yaml');
    const entries = await client.connection.sendRequest(EntriesRequest, undefined);
    assert.deepEqual(entries.map((e) => e.id), ['asean', 'united-nations']);
  });

  it('serves an unsaved document of a served language', async () => {
    const uri = 'untitled:Untitled-1';
    const { diagnostics } = await client.openAndDiagnose(uri, 'See [[asaen]].');
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-annotation']);
  });
});
