// Shared by the client's extension-host tests: the extension's API, a folder of test files inside the open
// workspace (removed again afterwards), and waits driven by the server's status rather than fixed sleeps.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PolicyGlossApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'policy-gloss.policy-gloss';

export async function activateExtension(): Promise<PolicyGlossApi> {
  const extension = vscode.extensions.getExtension<PolicyGlossApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();
  await withTimeout(api.whenIndexed(), 60_000, 'the server to finish indexing');
  return api;
}

export async function withTimeout<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until `check` returns a value other than undefined/false. It is checked again whenever the server
 * reports a status change, and every 200 ms for what has no event (hovers, diagnostics); it gives up after `ms`.
 */
export async function waitFor<T>(api: PolicyGlossApi, what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error; // e.g. a request sent while the server restarts
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise<void>((resolve) => {
      const listener = api.status.onDidChange(() => done());
      const timer = setTimeout(() => done(), 200);
      function done() {
        listener.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder && folder.uri.scheme === 'file', 'the extension tests need a workspace folder on disk');
  return folder;
}

/** A folder of test files inside the workspace; `dispose` deletes it and restores every glossary file it saw changed. */
export class TestFolder {
  readonly path: string;
  private readonly glossarySnapshots = new Map<string, Buffer>();

  constructor(name: string, files: Record<string, string>) {
    this.path = join(workspaceFolder().uri.fsPath, `${name}-${process.pid}`);
    mkdirSync(this.path, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(this.path, file), text);
  }

  uri(file: string): vscode.Uri {
    return vscode.Uri.file(join(this.path, file));
  }

  read(file: string): string {
    return readFileSync(join(this.path, file), 'utf8');
  }

  /**
   * Reads every glossary file of the workspace and returns their bytes now. The first bytes seen of each
   * file are kept, so that `dispose` can put them back.
   */
  async snapshotGlossaries(): Promise<Map<string, Buffer>> {
    const current = new Map<string, Buffer>();
    for (const uri of await vscode.workspace.findFiles('**/{*.glossary.yaml,*.glossary.yml,glossary.yaml}', '**/node_modules/**')) {
      const bytes = readFileSync(uri.fsPath);
      current.set(uri.fsPath, bytes);
      if (!this.glossarySnapshots.has(uri.fsPath)) this.glossarySnapshots.set(uri.fsPath, bytes);
    }
    return current;
  }

  async dispose(): Promise<void> {
    await closeAllEditorsWithoutSaving();
    for (const [path, bytes] of this.glossarySnapshots) {
      try {
        if (!readFileSync(path).equals(bytes)) writeFileSync(path, bytes);
      } catch {
        // Deleted by the test folder's removal below, or never readable: nothing to restore.
      }
    }
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** Opens a document in an editor and selects the first occurrence of `text` (the `occurrence`-th, 0-based). */
export async function selectText(uri: vscode.Uri, text: string, occurrence = 0): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = selectionOf(document, text, occurrence);
  return editor;
}

export function selectionOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Selection {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(text, offset + 1);
    assert.ok(offset >= 0, `"${text}" (occurrence ${occurrence}) is not in ${document.uri.fsPath}`);
  }
  return new vscode.Selection(document.positionAt(offset), document.positionAt(offset + text.length));
}

/** The hover Markdown at the first occurrence of `text` in an open document (empty when there is none). */
export async function hoverText(uri: vscode.Uri, text: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position = selectionOf(document, text).start.translate(0, 1);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Reverts every unsaved document (a dirty editor would stop `closeAllEditors` with a modal question), then closes all editors. */
export async function closeAllEditorsWithoutSaving(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty && !candidate.isClosed)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Runs a command that opens quick picks or input boxes and accepts each with its preselected item or
 * prefilled value, as a user pressing Enter would, until the command finishes.
 */
export async function acceptQuickInputs<T>(command: Thenable<T>, ms = 30_000): Promise<T> {
  let finished = false;
  const result = Promise.resolve(command).finally(() => {
    finished = true;
  });
  const deadline = Date.now() + ms;
  while (!finished) {
    if (Date.now() > deadline) throw new Error(`the command still waited for input after ${ms} ms`);
    await Promise.race([result.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 150))]);
    if (!finished) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}
