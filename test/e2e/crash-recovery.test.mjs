// Crash recovery in a real VS Code: the language server process is killed while a document is open.
// The client must start it again, the index is rebuilt, hovers and diagnostics come back, and not one
// byte of the workspace (documents and glossary) changes on disk.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { e2eEnvironment, e2eTest, waitFor } from './workbench.mjs';

/** Every process: pid, parent pid and command line (Linux /proc). */
function processTable() {
  const table = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      table.push({ pid: Number(name), ppid, args });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

function parentOf(pid) {
  return processTable().find((p) => p.pid === pid)?.ppid;
}

/**
 * The language servers of the code-server this run started: processes running the extension's
 * dist/server.js below the e2e runner (this test's runner's parent), never another user's.
 */
function languageServers() {
  const runner = parentOf(process.ppid);
  assert.ok(runner, 'the e2e runner process');
  const table = processTable();
  const below = new Set([runner]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table) {
      if (!below.has(p.pid) && below.has(p.ppid)) {
        below.add(p.pid);
        grew = true;
      }
    }
  }
  return table.filter((p) => below.has(p.pid) && /policy-gloss[^ ]*[/\\]dist[/\\]server\.js/.test(p.args));
}

/** SHA-256 of every file below `folder`, by relative path. */
function hashes(folder) {
  const out = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out[relative(folder, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(folder);
  return out;
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

e2eTest('the killed language server is restarted: hovers and diagnostics come back, no file changes', async (workbench) => {
  const folder = e2eEnvironment().folder;
  const before = hashes(folder);
  assert.ok(Object.keys(before).some((f) => f.endsWith('.glossary.yaml')), 'the workspace has a glossary');

  await workbench.openFile('integration-briefing.txt');
  const card = (text) => text.includes('Phạm Minh Chính');
  await workbench.hoverAt('Pham Minh Chinh', { until: card });
  // The two unknown document numbers of this briefing are reported as information.
  const counts = await workbench.waitForProblems((c) => c.infos >= 2);
  await workbench.focusWorkbench();

  const servers = languageServers();
  assert.equal(servers.length, 1, `one language server runs: ${JSON.stringify(servers)}`);
  const killed = servers[0].pid;
  process.kill(killed, 'SIGKILL');
  await waitFor(() => (isAlive(killed) ? undefined : true), { timeoutMs: 10_000, describe: () => `process ${killed} to end` });

  const restarted = await waitFor(
    () => {
      const running = languageServers().filter((p) => p.pid !== killed);
      return running.length === 1 ? running[0] : undefined;
    },
    { timeoutMs: 60_000, describe: () => 'the client to start a new language server' },
  );
  assert.notEqual(restarted.pid, killed);

  // The new server rebuilt its index: the hover card and the document's diagnostics are back.
  const hover = await workbench.hoverAt('Pham Minh Chinh', { until: card });
  assert.match(hover, /Prime Minister/);
  await workbench.focusWorkbench();
  const after = await workbench.waitForProblems((c) => c.infos === counts.infos && c.errors === counts.errors && c.warnings === counts.warnings);
  assert.deepEqual(after, counts);
  const panel = await workbench.problemsPanel();
  assert.ok(panel.rows.some((row) => /250\/2025\/QH15 is not in the glossary/.test(row)), `the Problems panel lists the briefing's diagnostics: ${JSON.stringify(panel.rows)}`);

  assert.deepEqual(hashes(folder), before, 'no file of the workspace changed on disk');
});
