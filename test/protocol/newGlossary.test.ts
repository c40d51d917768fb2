import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type CreateFile, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { AddToGlossaryRequest } from '../../server/src/protocol';
import { FULL_CAPABILITIES, LspTestClient } from '../helpers/lspClient';
import { applyWorkspaceEdit } from '../helpers/text';
import { loadGlossaryFile } from '../../server/src/core/glossary/load';
import { TempWorkspace } from '../helpers/workspace';

const REPORT = 'Deputy Prime Minister Ho Duc Phoc arrived.\n';

describe('adding entries when the workspace has no glossary yet', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let limited: LspTestClient;

  before(async () => {
    workspace = new TempWorkspace({ 'docs/report.txt': REPORT });
    client = await LspTestClient.start(workspace.root);
    const { workspaceEdit: _dropped, ...workspaceCapabilities } = FULL_CAPABILITIES.workspace!;
    limited = await LspTestClient.start(workspace.root, { capabilities: { ...FULL_CAPABILITIES, workspace: workspaceCapabilities } });
  });
  after(async () => {
    await client.stop();
    await limited.stop();
    workspace.dispose();
  });

  const fixesOf = async (c: LspTestClient) => {
    const uri = workspace.uri('docs/report.txt');
    const { diagnostics } = await c.openAndDiagnose(uri, REPORT);
    const official = diagnostics.find((d) => d.code === 'unknown-official');
    assert.ok(official);
    return (await c.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: official.range,
      context: { diagnostics: [official] },
    })) as CodeAction[];
  };

  it('creates a glossary file at the workspace root holding the new entry', async () => {
    const [fix] = await fixesOf(client);
    const changes = fix.edit!.documentChanges!;
    const glossaryUri = workspace.uri('policy.glossary.yaml');
    assert.deepEqual((changes[0] as CreateFile), { kind: 'create', uri: glossaryUri, options: { ignoreIfExists: true } });
    assert.equal((changes[1] as TextDocumentEdit).textDocument.uri, glossaryUri);
    const text = applyWorkspaceEdit(fix.edit!, () => '').get(glossaryUri)!;
    const loaded = loadGlossaryFile(glossaryUri, text);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(
      loaded.entries.map((e) => [e.id, e.kind, e.name, e.roles.map((r) => r.title)]),
      [['ho-duc-phoc', 'official', 'Ho Duc Phoc', ['Deputy Prime Minister']]],
    );
  });

  it('offers no file-creating fix to a client that cannot create files, and says why on request', async () => {
    assert.deepEqual(await fixesOf(limited), []);
    const response = await limited.connection.sendRequest(AddToGlossaryRequest, { id: 'x', kind: 'other', name: 'X' });
    assert.match(response.error ?? '', /no glossary file/);
  });
});
