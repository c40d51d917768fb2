// Restarting the server, by command and after it is killed: hovers and the index come back and no file on
// disk changes.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PolicyGlossApi } from '../../../client/src/extension';
import { activateExtension, hoverText, TestFolder, waitFor, withTimeout } from './clientFixture';

const GLOSSARY = `entries:
  - id: phan-van-khoi
    kind: official
    name: Phan Văn Khởi
    aliases: [Phan Van Khoi]
`;

const DOCUMENT = `Phan Van Khoi chaired the session.\n`;

/** The language server processes this extension host started (Linux: read from /proc). */
function serverProcesses(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const parent = /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return Number(parent) === process.pid && commandLine.includes('server.js');
      } catch {
        return false; // the process ended meanwhile
      }
    });
}

suite('Server restart and crash recovery', function () {
  this.timeout(180_000);
  let api: PolicyGlossApi;
  let folder: TestFolder;
  let diskBefore: Map<string, Buffer>;

  const hoverShowsEntry = () => waitFor(api, 'the hover card of Phan Văn Khởi', async () => /Phan Văn Khởi/.test(await hoverText(folder.uri('session.txt'), 'Phan Van Khoi')));

  suiteSetup(async () => {
    api = await activateExtension();
    folder = new TestFolder('client-recovery', { 'recovery.glossary.yaml': GLOSSARY, 'session.txt': DOCUMENT });
    diskBefore = await folder.snapshotGlossaries();
    diskBefore.set('session.txt', Buffer.from(folder.read('session.txt')));
    await vscode.workspace.openTextDocument(folder.uri('recovery.glossary.yaml'));
    await vscode.window.showTextDocument(folder.uri('session.txt'));
    await hoverShowsEntry();
  });

  suiteTeardown(async () => {
    await folder?.dispose();
  });

  test('Restart Server brings hovers back', async () => {
    await vscode.commands.executeCommand('policyGloss.restartServer');
    const status = await withTimeout(api.whenIndexed(), 60_000, 'the restarted server to index');
    assert.ok(status.entries >= 1);
    await hoverShowsEntry();
    assert.match(api.statusBar.text, /\$\(book\) \d+ entr(y|ies)/);
  });

  test('a killed server is restarted, the status bar says so, and no file changes on disk', async function () {
    if (!existsSync('/proc/self/status')) this.skip(); // finding the server process needs /proc
    const [pid] = serverProcesses();
    assert.ok(pid, 'no language server process found under this extension host');
    const shown: string[] = [];
    const listener = api.status.onDidChange(() => shown.push(api.statusBar.text));
    try {
      process.kill(pid, 'SIGKILL');
      await waitFor(api, 'a new server process', () => serverProcesses().some((other) => other !== pid));
      await withTimeout(api.whenIndexed(), 60_000, 'the restarted server to index');
      await hoverShowsEntry();
    } finally {
      listener.dispose();
    }
    assert.ok(shown.some((text) => /restarting/.test(text)), `the status bar never showed the restart: ${shown.join(' | ')}`);
    assert.match(api.statusBar.text, /\$\(book\)/);
    assert.equal(api.status.current.crash, undefined);

    // The index is back too.
    await waitFor(api, 'the index after the restart', async () => {
      api.index.refresh();
      const kinds = (await api.index.getChildren()) ?? [];
      return kinds.some((kind) => kind.type === 'kind' && kind.children.some((entry) => entry.id === 'phan-van-khoi' && entry.mentionCount >= 1));
    });
    for (const [path, bytes] of diskBefore) {
      const current = path === 'session.txt' ? readFileSync(folder.uri('session.txt').fsPath) : readFileSync(path);
      assert.ok(current.equals(bytes), `${path} changed on disk`);
    }
  });
});
