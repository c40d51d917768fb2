// Hover in the extension host: the packaged client and server answer VS Code's hover provider API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'policy-gloss.policy-gloss';

/** What the extension's `activate` may return; only the readiness signal is used here. */
interface ReadinessApi {
  whenIndexed?(): Promise<unknown>;
}

/** Polls `probe` until it returns a value; fails after `timeoutMs` with the last value seen. */
async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function hoverAt(document: vscode.TextDocument, text: string): Promise<vscode.Hover[]> {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is in ${document.uri.path}`);
  const position = document.positionAt(offset + Math.floor(text.length / 2));
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
}

suite('Hover', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<ReadinessApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the samples folder is open');
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'congress-foreign-policy.md'));
    await vscode.window.showTextDocument(document);
    await api?.whenIndexed?.();
  });

  test('an official written without diacritics shows the glossary name', async () => {
    // The server may still be analysing the document it was just sent: ask until it answers.
    const text = await waitFor(
      async () => {
        const found = hoverText(await hoverAt(document, 'Nguyen Manh Cuong'));
        return found.includes('Nguyễn Mạnh Cường') ? found : undefined;
      },
      30_000,
      'a hover card for Nguyen Manh Cuong',
    );
    assert.match(text, /Nguyễn Mạnh Cường/);
  });

  test('an ordinary word has no glossary card', async () => {
    await waitFor(async () => (hoverText(await hoverAt(document, 'Nguyen Manh Cuong')) ? true : undefined), 30_000, 'the server to answer');
    assert.doesNotMatch(hoverText(await hoverAt(document, 'reporters')), /Nguyễn|official/);
  });
});
