// The client's commands in a real extension host: annotate, add to glossary, show mentions.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { AddedEntry } from '../../../client/src/commands';
import type { PolicyGlossApi } from '../../../client/src/extension';
import { acceptQuickInputs, activateExtension, closeAllEditorsWithoutSaving, selectionOf, selectText, TestFolder, waitFor } from './clientFixture';

// Comments, a quoted scalar and a flow sequence: adding an entry must leave all of them byte for byte.
const GLOSSARY = `# Glossary for the command tests. This comment must survive edits.
title: Command tests

entries:
  - id: tran-van-thu   # an official invented for the tests
    kind: official
    name: "Trần Văn Thử"
    aliases: [Tran Van Thu]
    roles:
      - title: Deputy Director
        from: 2020

  - id: resilient-connectivity
    kind: term
    name: resilient connectivity
`;

const NOTE = `Hanoi, 2025-03-01
Deputy Director Trần Văn Thử met the delegation.
Later Tran Van Thu said that resilient connectivity matters.
The plan for digital corridors was discussed.
Conclusion 12-KL/TW was cited.
`;

suite('Policy Gloss commands', function () {
  this.timeout(120_000);
  let api: PolicyGlossApi;
  let folder: TestFolder;

  suiteSetup(async () => {
    api = await activateExtension();
    folder = new TestFolder('client-commands', { 'commands.glossary.yaml': GLOSSARY, 'note.txt': NOTE });
    await folder.snapshotGlossaries();
    // Opening the files hands them to the server at once, whether or not it watches the disk.
    await vscode.workspace.openTextDocument(folder.uri('commands.glossary.yaml'));
    await vscode.workspace.openTextDocument(folder.uri('note.txt'));
    await waitFor(api, 'the server to know the test entry', async () => {
      const mentions = await vscode.commands.executeCommand<vscode.Location[]>('policyGloss.showMentions', 'tran-van-thu');
      return (mentions?.length ?? 0) >= 2;
    });
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  suiteTeardown(async () => {
    await folder?.dispose();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('closeReferenceSearch');
    await closeAllEditorsWithoutSaving();
  });

  test('Annotate Selection wraps a variant as [[id|text]] and the name itself as [[id]]', async () => {
    const editor = await selectText(folder.uri('note.txt'), 'Tran Van Thu');
    assert.equal(await vscode.commands.executeCommand('policyGloss.annotateSelection', 'tran-van-thu'), true);
    assert.match(editor.document.getText(), /Later \[\[tran-van-thu\|Tran Van Thu\]\] said/);

    editor.selection = selectionOf(editor.document, 'Trần Văn Thử');
    assert.equal(await vscode.commands.executeCommand('policyGloss.annotateSelection', 'tran-van-thu'), true);
    assert.match(editor.document.getText(), /Deputy Director \[\[tran-van-thu\]\] met/);
    // Nothing else in the document moved.
    assert.equal(editor.document.getText().replace(/\[\[tran-van-thu\|(.*?)\]\]|\[\[tran-van-thu\]\]/g, (_, shown) => shown ?? 'Trần Văn Thử'), NOTE);
  });

  test('Annotate Selection wraps several selections at once and refuses an unknown id', async () => {
    const editor = await selectText(folder.uri('note.txt'), 'resilient connectivity');
    editor.selections = [editor.selection, selectionOf(editor.document, 'digital corridors')];
    assert.equal(await vscode.commands.executeCommand('policyGloss.annotateSelection', 'resilient-connectivity'), true);
    assert.match(editor.document.getText(), /that \[\[resilient-connectivity\]\] matters/);
    assert.match(editor.document.getText(), /for \[\[resilient-connectivity\|digital corridors\]\] was/);

    const before = editor.document.getText();
    editor.selection = new vscode.Selection(0, 0, 0, 5);
    assert.equal(await vscode.commands.executeCommand('policyGloss.annotateSelection', 'no-such-entry'), false);
    assert.equal(editor.document.getText(), before);
  });

  test('Annotate Selection offers the entry matching the selection first in its picker', async () => {
    const editor = await selectText(folder.uri('note.txt'), 'Tran Van Thu');
    assert.equal(await acceptQuickInputs(vscode.commands.executeCommand('policyGloss.annotateSelection')), true);
    assert.match(editor.document.getText(), /Later \[\[tran-van-thu\|Tran Van Thu\]\] said/);
  });

  test('Add Selection to Glossary asks for the kind and proposes a slug of the selection as id', async () => {
    await folder.snapshotGlossaries();
    await selectText(folder.uri('note.txt'), '12-KL/TW');
    const added = await acceptQuickInputs(vscode.commands.executeCommand<AddedEntry | undefined>('policyGloss.addSelectionToGlossary'));
    assert.ok(added, 'the command reported no entry');
    // The first kind offered is the first of the glossary's kinds; the id is the slug of the selected text.
    assert.deepEqual({ id: added.id, kind: added.kind, name: added.name }, { id: '12-kl-tw', kind: 'resolution', name: '12-KL/TW' });
    assert.match(readFileSync(added.glossaryUris[0].fsPath, 'utf8'), /id: 12-kl-tw/);
  });

  test('Add Selection to Glossary writes the new entry into the glossary file losslessly', async () => {
    const before = await folder.snapshotGlossaries();
    await selectText(folder.uri('note.txt'), 'digital corridors');
    const added = await vscode.commands.executeCommand<AddedEntry | undefined>('policyGloss.addSelectionToGlossary', { kind: 'term', id: 'digital-corridors' });
    assert.ok(added, 'the command reported no entry');
    assert.equal(added.name, 'digital corridors');
    assert.equal(added.glossaryUris.length, 1);

    // Saved to disk, as a pure insertion: every byte of the old file is still there around the new entry.
    const path = added.glossaryUris[0].fsPath;
    const old = before.get(path);
    assert.ok(old, `the edit went to ${path}, which is not a glossary file of the workspace`);
    const oldText = old.toString('utf8');
    const newText = await waitFor(api, 'the glossary to be saved', () => {
      const text = readFileSync(path, 'utf8');
      return text !== oldText ? text : undefined;
    });
    let prefix = 0;
    while (prefix < oldText.length && oldText[prefix] === newText[prefix]) prefix++;
    let suffix = 0;
    while (suffix < oldText.length - prefix && oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
    assert.equal(prefix + suffix, oldText.length, 'the edit changed existing bytes instead of only inserting');
    const inserted = newText.slice(prefix, newText.length - suffix);
    assert.match(inserted, /id: digital-corridors/);
    assert.match(inserted, /kind: term/);
    assert.match(inserted, /digital corridors/);

    // The server picks the new entry up: it can be shown and it cannot be added twice.
    await waitFor(api, 'the new entry to be known', async () => {
      const mentions = await vscode.commands.executeCommand<vscode.Location[]>('policyGloss.showMentions', 'digital-corridors');
      return (mentions?.length ?? 0) >= 1;
    });
    await selectText(folder.uri('note.txt'), 'digital corridors');
    const again = await vscode.commands.executeCommand('policyGloss.addSelectionToGlossary', { kind: 'term', id: 'digital-corridors' });
    assert.equal(again, undefined);
  });

  test('Add Selection to Glossary refuses an id that breaks the id rule', async () => {
    const before = await folder.snapshotGlossaries();
    await selectText(folder.uri('note.txt'), 'delegation');
    const added = await vscode.commands.executeCommand('policyGloss.addSelectionToGlossary', { kind: 'term', id: 'Not An Id' });
    assert.equal(added, undefined);
    for (const [path, bytes] of before) assert.equal(readFileSync(path, 'utf8'), bytes.toString('utf8'), `${path} changed`);
  });

  test('Show Mentions finds every mention of an entry by id', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('policyGloss.showMentions', 'tran-van-thu');
    assert.ok(locations);
    const inNote = locations.filter((location) => location.uri.fsPath === folder.uri('note.txt').fsPath);
    const document = await vscode.workspace.openTextDocument(folder.uri('note.txt'));
    const texts = inNote.map((location) => document.getText(location.range)).sort();
    assert.deepEqual(texts, ['Tran Van Thu', 'Trần Văn Thử']);
  });

  test('Show Mentions accepts code lens arguments (URI, position, LSP locations)', async () => {
    const note = folder.uri('note.txt').toString();
    const range = { start: { line: 1, character: 16 }, end: { line: 1, character: 28 } };
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'policyGloss.showMentions',
      folder.uri('commands.glossary.yaml').toString(),
      { line: 4, character: 4 },
      [{ uri: note, range }],
    );
    assert.ok(locations);
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri.toString(), note);
    assert.ok(locations[0].range.isEqual(new vscode.Range(1, 16, 1, 28)));
    // The peek view opened on the glossary, where the lens stands.
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, folder.uri('commands.glossary.yaml').fsPath);
  });
});
