import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, PrepareRenameRequest, ReferencesRequest, RenameRequest, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { MentionsOfEntryRequest } from '../../server/src/protocol';
import { LspTestClient } from '../helpers/lspClient';
import { applyWorkspaceEdit, positionOf, rangeOf } from '../helpers/text';
import { TempWorkspace } from '../helpers/workspace';

const MAIN = `# Officials (keep this comment)\r
entries:\r
  - id: to-lam\r
    kind: official\r
    name: Tô Lâm\r
    aliases: [To Lam]\r
\r
  - id: cpv\r
    kind: organization\r
    name: Communist Party of Vietnam\r
    related: [to-lam, "asean"]   # quoted on purpose\r
`;
const EXTRA = `entries:
  - id: asean
    kind: organization
    name: ASEAN
    related:
      - to-lam
`;
const OPEN_DOC = 'To Lam spoke. See [[to-lam]] and [[to-lam|the leader]].\n';
const CLOSED_DOC = '# Notes\n\nThe [[to-lam|General Secretary]] and [[cpv]].\n';

describe('rename over stdio', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let openUri: string;
  const texts = () =>
    new Map([
      [workspace.uri('main.glossary.yaml'), MAIN],
      [workspace.uri('extra.glossary.yaml'), EXTRA],
      [workspace.uri('a.txt'), OPEN_DOC],
      [workspace.uri('notes/b.md'), CLOSED_DOC],
    ]);

  before(async () => {
    workspace = new TempWorkspace({ 'main.glossary.yaml': MAIN, 'extra.glossary.yaml': EXTRA, 'a.txt': OPEN_DOC, 'notes/b.md': CLOSED_DOC });
    client = await LspTestClient.start(workspace.root);
    openUri = workspace.uri('a.txt');
    await client.openAndDiagnose(openUri, OPEN_DOC);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  const prepare = (uri: string, text: string, needle: string, delta: number) =>
    client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) }) as Promise<{ range: Range; placeholder: string } | null>;
  const rename = (uri: string, text: string, needle: string, delta: number, newName: string) =>
    client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta), newName }) as Promise<WorkspaceEdit | null>;

  it('prepares a rename from a mention, an annotation and a glossary id', async () => {
    assert.deepEqual(await prepare(openUri, OPEN_DOC, 'To Lam', 2), { range: rangeOf(OPEN_DOC, 'To Lam'), placeholder: 'to-lam' });
    assert.deepEqual(await prepare(openUri, OPEN_DOC, '[[to-lam|', 4), { range: rangeOf(OPEN_DOC, 'to-lam', 1), placeholder: 'to-lam' });
    const glossaryUri = workspace.uri('main.glossary.yaml');
    assert.deepEqual(await prepare(glossaryUri, MAIN, 'id: to-lam', 5), { range: rangeOf(MAIN, 'to-lam'), placeholder: 'to-lam' });
    assert.equal(await prepare(openUri, OPEN_DOC, 'spoke', 1), null);
  });

  it('renames the id, every use/related naming it in every glossary file, and every annotation, in one edit', async () => {
    const edit = (await rename(openUri, OPEN_DOC, 'To Lam', 2, 'to-lam-gs'))!;
    const changed = applyWorkspaceEdit(edit, (uri) => texts().get(uri) ?? assert.fail(uri));
    assert.equal(changed.get(workspace.uri('main.glossary.yaml')), MAIN.replace('id: to-lam\r', 'id: to-lam-gs\r').replace('[to-lam,', '[to-lam-gs,'));
    assert.equal(changed.get(workspace.uri('extra.glossary.yaml')), EXTRA.replace('- to-lam', '- to-lam-gs'));
    assert.equal(changed.get(openUri), 'To Lam spoke. See [[to-lam-gs]] and [[to-lam-gs|the leader]].\n');
    assert.equal(changed.get(workspace.uri('notes/b.md')), CLOSED_DOC.replace('[[to-lam|', '[[to-lam-gs|'));
    assert.equal(changed.size, 4);
  });

  it('gives the same edit from an annotation, the entry id and a related value', async () => {
    const fromMention = await rename(openUri, OPEN_DOC, 'To Lam', 2, 'lam');
    assert.deepEqual(await rename(openUri, OPEN_DOC, '[[to-lam]]', 3, 'lam'), fromMention);
    assert.deepEqual(await rename(workspace.uri('main.glossary.yaml'), MAIN, 'id: to-lam', 6, 'lam'), fromMention);
    assert.deepEqual(await rename(workspace.uri('extra.glossary.yaml'), EXTRA, '- to-lam', 3, 'lam'), fromMention);
  });

  it('refuses an invalid or taken id with a message', async () => {
    await assert.rejects(rename(openUri, OPEN_DOC, 'To Lam', 2, 'To Lam!'), /not a valid id/);
    await assert.rejects(rename(openUri, OPEN_DOC, 'To Lam', 2, 'cpv'), /already exists/);
  });

  it('finds the renamed entry everywhere once the edit is applied', async () => {
    const edit = (await rename(openUri, OPEN_DOC, 'To Lam', 2, 'to-lam-gs'))!;
    const changed = applyWorkspaceEdit(edit, (uri) => texts().get(uri)!);
    // The editor applies the edit: open documents change in memory, closed files on disk.
    const idle = client.waitForIndex();
    await client.change(openUri, [{ text: changed.get(openUri)! }]);
    const events: { uri: string; type: FileChangeType }[] = [];
    for (const [uri, text] of changed) {
      if (uri === openUri) continue;
      const relative = decodeURIComponent(uri.slice(workspace.rootUri.length + 1));
      workspace.write(relative, text);
      events.push({ uri, type: FileChangeType.Changed });
    }
    await client.filesChanged(events);
    await idle;
    const mentions = await client.connection.sendRequest(MentionsOfEntryRequest, { id: 'to-lam-gs' });
    assert.deepEqual(mentions.map((m) => m.uri).sort(), [openUri, openUri, openUri, workspace.uri('notes/b.md')]);
    const references = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: openUri },
      position: positionOf(changed.get(openUri)!, 'To Lam', 1),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.equal(references.length, 5);
    assert.equal(references[0].uri, workspace.uri('main.glossary.yaml'));
  });
});
