// The "Policy Index" view's data provider in a real extension host: kinds -> entries -> documents -> mentions.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { PolicyGlossApi } from '../../../client/src/extension';
import type { DocumentNode, EntryNode, IndexNode, KindNode, MentionNode } from '../../../client/src/indexTree';
import { activateExtension, closeAllEditorsWithoutSaving, TestFolder, waitFor } from './clientFixture';

const GLOSSARY = `entries:
  - id: le-thi-kiem
    kind: official
    name: Lê Thị Kiểm
    aliases: [Le Thi Kiem]
  - id: index-view-term
    kind: term
    name: coastal resilience compact
`;

const DOCUMENT = `Le Thi Kiem opened the meeting.
The coastal resilience compact was signed; Lê Thị Kiểm thanked the partners.
`;

async function children(api: PolicyGlossApi, node?: IndexNode): Promise<IndexNode[]> {
  return (await api.index.getChildren(node)) ?? [];
}

suite('Policy Index view', function () {
  this.timeout(120_000);
  let api: PolicyGlossApi;
  let folder: TestFolder;

  suiteSetup(async () => {
    api = await activateExtension();
    folder = new TestFolder('client-index', { 'index.glossary.yaml': GLOSSARY, 'meeting.txt': DOCUMENT });
    await folder.snapshotGlossaries();
    await vscode.workspace.openTextDocument(folder.uri('index.glossary.yaml'));
    await vscode.workspace.openTextDocument(folder.uri('meeting.txt'));
  });

  suiteTeardown(async () => {
    await folder?.dispose();
  });

  test('lists kinds, then entries with mention counts, then documents, then mentions', async () => {
    const entry = await waitFor(api, 'the index to list le-thi-kiem with its two mentions', async () => {
      api.index.refresh();
      const kinds = (await children(api)) as KindNode[];
      const officials = kinds.find((kind) => kind.kind === 'official');
      const found = officials?.children.find((candidate) => candidate.id === 'le-thi-kiem');
      return found && found.mentionCount >= 2 ? found : undefined;
    });
    const kinds = (await children(api)) as KindNode[];
    assert.ok(kinds.every((kind) => kind.type === 'kind'));
    assert.ok(kinds.some((kind) => kind.kind === 'term' && kind.children.some((term) => term.id === 'index-view-term')));

    const entryItem = api.index.getTreeItem(entry);
    assert.equal(entryItem.label, 'Lê Thị Kiểm');
    assert.match(String(entryItem.description), /2 mentions/);

    const documents = (await children(api, entry)) as DocumentNode[];
    const meeting = documents.find((document) => vscode.Uri.parse(document.uri).fsPath === folder.uri('meeting.txt').fsPath);
    assert.ok(meeting, `meeting.txt is not among ${documents.map((document) => document.uri).join(', ')}`);

    const mentions = (await children(api, meeting)) as MentionNode[];
    assert.deepEqual(mentions.map((mention) => mention.text), ['Le Thi Kiem', 'Lê Thị Kiểm']);
    const document = await vscode.workspace.openTextDocument(folder.uri('meeting.txt'));
    for (const mention of mentions) {
      const range = new vscode.Range(mention.range.start.line, mention.range.start.character, mention.range.end.line, mention.range.end.character);
      assert.equal(document.getText(range), mention.text);
    }
    assert.deepEqual(await children(api, mentions[0]), []);
  });

  test('clicking a mention opens the document with the mention selected', async () => {
    await closeAllEditorsWithoutSaving();
    const kinds = (await children(api)) as KindNode[];
    const entry = kinds.flatMap((kind) => kind.children).find((candidate: EntryNode) => candidate.id === 'le-thi-kiem');
    assert.ok(entry);
    const meeting = entry.children.find((document) => vscode.Uri.parse(document.uri).fsPath === folder.uri('meeting.txt').fsPath);
    assert.ok(meeting);
    const mention = meeting.children[1];
    const command = api.index.getTreeItem(mention).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, folder.uri('meeting.txt').fsPath);
    assert.equal(editor.document.getText(editor.selection), 'Lê Thị Kiểm');
  });

  test('the refresh command fetches the index again', async () => {
    let changes = 0;
    const listener = api.index.onDidChangeTreeData(() => changes++);
    try {
      await vscode.commands.executeCommand('policyGloss.refreshIndex');
      assert.equal(changes, 1);
    } finally {
      listener.dispose();
    }
    const kinds = (await children(api)) as KindNode[];
    assert.ok(kinds.some((kind) => kind.children.some((entry) => entry.id === 'le-thi-kiem')));
  });
});
