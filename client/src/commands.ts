// The client's commands. Each does the editor side only (pickers, edits, peek views); what an entry is, where
// it is mentioned and how a glossary file is edited comes from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageserver-protocol';
import { ENTRY_KINDS } from '../../server/src/core/glossary/model';
import { kindHeading } from '../../server/src/core/kindHeadings';
import { AddToGlossaryRequest, EntriesRequest, MentionsOfEntryRequest, type EntrySummary } from '../../server/src/protocol';
import { annotateText, entryNameFromSelection, rankEntriesForSelection, slugify, validateNewEntryId } from './entryText';
import type { IndexTreeProvider } from './indexView';
import type { ServerStatus } from './serverStatus';
import { parseShowMentionsArgs } from './showMentionsArgs';

export interface CommandContext {
  client: LanguageClient;
  status: ServerStatus;
  index: IndexTreeProvider;
}

/** What `policyGloss.addSelectionToGlossary` did, for callers that run it programmatically. */
export interface AddedEntry {
  id: string;
  kind: string;
  name: string;
  /** The glossary files the edit changed. */
  glossaryUris: vscode.Uri[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function requestEntries(client: LanguageClient): Promise<EntrySummary[] | undefined> {
  try {
    return await client.sendRequest(EntriesRequest, undefined);
  } catch (error) {
    void vscode.window.showErrorMessage(`Policy Gloss: could not read the glossary entries: ${errorText(error)}`);
    return undefined;
  }
}

/** Asks for an entry; the entries matching `selected` come first. */
async function pickEntry(entries: readonly EntrySummary[], placeHolder: string, selected = ''): Promise<EntrySummary | undefined> {
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('The glossary has no entries yet. Select a name and run "Policy Gloss: Add Selection to Glossary".');
    return undefined;
  }
  const items = rankEntriesForSelection(entries, selected).map((entry) => ({
    label: entry.name,
    description: `${entry.kind} · ${entry.id}`,
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  return picked?.entry;
}

/**
 * Wraps every non-empty selection as `[[id|text]]` (or `[[id]]` when the text is the entry's name).
 * `entryId` skips the picker (keybindings, tests). Resolves to true when the edit was applied.
 */
async function annotateSelection(context: CommandContext, entryId?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selections.every((selection) => selection.isEmpty)) {
    void vscode.window.showInformationMessage('Select the text to annotate first.');
    return false;
  }
  const entries = await requestEntries(context.client);
  if (!entries) return false;
  let entry: EntrySummary | undefined;
  if (typeof entryId === 'string') {
    entry = entries.find((candidate) => candidate.id === entryId);
    if (!entry) {
      void vscode.window.showErrorMessage(`The glossary has no entry with the id '${entryId}'.`);
      return false;
    }
  } else {
    const primary = editor.document.getText(editor.selection);
    entry = await pickEntry(entries, `Annotate "${entryNameFromSelection(primary)}" as…`, primary);
  }
  if (!entry) return false;

  // Read the selections after the picker closed: the user may have moved them meanwhile.
  const replacements: { range: vscode.Range; text: string }[] = [];
  for (const selection of editor.selections) {
    if (selection.isEmpty) continue;
    const result = annotateText(editor.document.getText(selection), entry);
    if ('error' in result) {
      void vscode.window.showWarningMessage(result.error);
      return false;
    }
    replacements.push({ range: selection, text: result.replacement });
  }
  if (replacements.length === 0) return false;
  return editor.edit((builder) => {
    for (const replacement of replacements) builder.replace(replacement.range, replacement.text);
  });
}

/**
 * Adds the selected text as a new glossary entry: asks for the kind and the id (a slug of the text), then
 * applies the server's lossless edit and saves the glossary file unless it already had unsaved changes.
 * `options` skips the questions (tests, keybindings).
 */
async function addSelectionToGlossary(context: CommandContext, options?: { kind?: unknown; id?: unknown }): Promise<AddedEntry | undefined> {
  const editor = vscode.window.activeTextEditor;
  const name = editor ? entryNameFromSelection(editor.document.getText(editor.selection)) : '';
  if (!editor || name.length === 0) {
    void vscode.window.showInformationMessage('Select the name or term to add to the glossary first.');
    return undefined;
  }
  const existingIds = new Set((await requestEntries(context.client))?.map((entry) => entry.id) ?? []);

  let kind: string | undefined;
  if (typeof options?.kind === 'string') {
    if (!(ENTRY_KINDS as readonly string[]).includes(options.kind)) {
      void vscode.window.showErrorMessage(`'${options.kind}' is not an entry kind (${ENTRY_KINDS.join(', ')}).`);
      return undefined;
    }
    kind = options.kind;
  } else {
    const picked = await vscode.window.showQuickPick(
      ENTRY_KINDS.map((candidate) => ({ label: candidate, description: kindHeading(candidate) })),
      { placeHolder: `What kind of entry is "${name}"?` },
    );
    kind = picked?.label;
  }
  if (!kind) return undefined;

  let id: string | undefined;
  if (typeof options?.id === 'string') {
    const problem = validateNewEntryId(options.id, existingIds);
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
    id = options.id;
  } else {
    id = await vscode.window.showInputBox({
      title: `Add "${name}" to the glossary`,
      prompt: 'The id of the new entry, used in annotations as [[id]]',
      value: slugify(name),
      validateInput: (value) => validateNewEntryId(value, existingIds),
    });
  }
  if (!id) return undefined;

  let response: { edit?: LspWorkspaceEdit; error?: string };
  try {
    response = await context.client.sendRequest(AddToGlossaryRequest, { id, kind, name, uri: editor.document.uri.toString() });
  } catch (error) {
    void vscode.window.showErrorMessage(`Policy Gloss: could not add the entry: ${errorText(error)}`);
    return undefined;
  }
  if (response.error || !response.edit) {
    void vscode.window.showErrorMessage(response.error ?? 'Policy Gloss: the server proposed no edit for the new entry.');
    return undefined;
  }
  const edit = await context.client.protocol2CodeConverter.asWorkspaceEdit(response.edit);
  const glossaryUris = edit.entries().map(([uri]) => uri);
  const hadUnsavedChanges = new Set(
    vscode.workspace.textDocuments.filter((document) => document.isDirty).map((document) => document.uri.toString()),
  );
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('Policy Gloss: the glossary changed meanwhile and the entry was not added. Try again.');
    return undefined;
  }
  // Save only what this edit alone made dirty: never write a user's other unsaved changes behind their back.
  for (const uri of glossaryUris) {
    if (hadUnsavedChanges.has(uri.toString())) continue;
    const document = await vscode.workspace.openTextDocument(uri);
    await document.save();
  }
  const where = glossaryUris.length > 0 ? vscode.workspace.asRelativePath(glossaryUris[0]) : 'the glossary';
  void vscode.window.showInformationMessage(`Added "${name}" to ${where} as '${id}'.`, 'Open Glossary').then(async (choice) => {
    if (choice && glossaryUris[0]) {
      const insertedAt = edit.get(glossaryUris[0])[0]?.range.start;
      await vscode.window.showTextDocument(glossaryUris[0], insertedAt ? { selection: new vscode.Range(insertedAt, insertedAt) } : {});
    }
  });
  return { id, kind, name, glossaryUris };
}

/**
 * Shows the mentions of an entry in the references peek view. Accepts an entry id (or `{ id }`), or the
 * arguments of `editor.action.showReferences` (URI, position, locations) as the server's code lenses send them;
 * without arguments it asks for an entry. Resolves to the locations shown.
 */
async function showMentions(context: CommandContext, args: unknown[]): Promise<vscode.Location[] | undefined> {
  const target = parseShowMentionsArgs(args);
  let anchor: { uri: vscode.Uri; position: vscode.Position } | undefined;
  let locations: vscode.Location[];
  let what: string;
  if (target.type === 'locations') {
    anchor = { uri: vscode.Uri.parse(target.uri), position: new vscode.Position(target.position.line, target.position.character) };
    locations = target.locations.map(
      (location) =>
        new vscode.Location(
          vscode.Uri.parse(location.uri),
          new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character),
        ),
    );
    what = 'this entry';
  } else {
    let id: string;
    if (target.type === 'entry') {
      id = target.id;
    } else {
      const entries = await requestEntries(context.client);
      const editor = vscode.window.activeTextEditor;
      const picked = entries && (await pickEntry(entries, 'Show the mentions of…', editor ? editor.document.getText(editor.selection) : ''));
      if (!picked) return undefined;
      id = picked.id;
    }
    try {
      const found = await context.client.sendRequest(MentionsOfEntryRequest, { id });
      locations = found.map((location) => context.client.protocol2CodeConverter.asLocation(location));
    } catch (error) {
      void vscode.window.showErrorMessage(`Policy Gloss: could not find the mentions of '${id}': ${errorText(error)}`);
      return undefined;
    }
    what = `'${id}'`;
  }
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(`No mentions of ${what} in the workspace.`);
    return locations;
  }
  if (!anchor) {
    const editor = vscode.window.activeTextEditor;
    anchor = editor ? { uri: editor.document.uri, position: editor.selection.active } : { uri: locations[0].uri, position: locations[0].range.start };
  }
  await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.position, locations);
  return locations;
}

async function restartServer(context: CommandContext): Promise<void> {
  context.status.clearCrash();
  try {
    await context.client.restart();
  } catch (error) {
    void vscode.window.showErrorMessage(`Policy Gloss: the server could not be restarted: ${errorText(error)}`);
  }
}

export function registerCommands(context: CommandContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('policyGloss.annotateSelection', (entryId?: unknown) => annotateSelection(context, entryId)),
    vscode.commands.registerCommand('policyGloss.addSelectionToGlossary', (options?: { kind?: unknown; id?: unknown }) =>
      addSelectionToGlossary(context, options),
    ),
    vscode.commands.registerCommand('policyGloss.showMentions', (...args: unknown[]) => showMentions(context, args)),
    vscode.commands.registerCommand('policyGloss.restartServer', () => restartServer(context)),
    vscode.commands.registerCommand('policyGloss.openProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems')),
    vscode.commands.registerCommand('policyGloss.refreshIndex', () => context.index.refresh()),
  );
}
