// End-to-end tests in a real VS Code: sets up the tools (scripts/tools.mjs), packages the extension,
// installs the .vsix into code-server, starts code-server on 127.0.0.1 with `samples/` open, and
// runs test/e2e/**/*.test.mjs with Node's test runner; each test drives its own Chromium window.
// code-server runs in its own process group, which is ended at the end, pass or fail.
//   node test/e2e/run.mjs [name-filter...]   only test files whose path contains a filter
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  ToolSetupError,
  ensureTools,
  installExtension,
  killProcessGroupNow,
  packageExtension,
  repoRoot,
  samplesDir,
  startCodeServer,
  writeUserSettings,
} from '../../scripts/tools.mjs';

const MINUTE = 60_000;
const TEST_RUN_LIMIT = 20 * MINUTE;
const e2eDir = join(repoRoot, 'test', 'e2e');

const filters = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'policy-gloss-e2e-'));
let server;
let testRunner;

// Whatever ends this process, code-server's process group and the test runner end with it.
process.on('exit', () => {
  if (testRunner && testRunner.exitCode === null) testRunner.kill('SIGKILL');
  if (server) killProcessGroupNow(server.child);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\ne2e: ${signal}, stopping`);
    if (server) killProcessGroupNow(server.child);
    server = undefined;
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}

function testFiles() {
  const files = [];
  const collect = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'screenshots') collect(full);
      else if (entry.name.endsWith('.test.mjs')) files.push(full);
    }
  };
  collect(e2eDir);
  return files.filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
}

function runTests(files, environment) {
  return new Promise((resolveRun) => {
    testRunner = spawn(
      process.execPath,
      ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
      { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, POLICY_GLOSS_E2E: JSON.stringify(environment) } },
    );
    const limit = setTimeout(() => {
      console.error(`e2e: the tests did not finish within ${TEST_RUN_LIMIT / MINUTE} minutes; stopping them`);
      testRunner.kill('SIGKILL');
    }, TEST_RUN_LIMIT);
    testRunner.once('exit', (code, signal) => {
      clearTimeout(limit);
      resolveRun(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const started = Date.now();
  const files = testFiles();
  if (files.length === 0) throw new ToolSetupError(`no end-to-end test files match ${filters.join(' ')}`);

  const tools = ensureTools({ browser: true });
  console.log('e2e: packaging the extension');
  const vsix = packageExtension(join(work, 'vsix'));
  const stateDir = join(work, 'state');
  const extensionsDir = join(work, 'extensions');
  const userDataDir = join(work, 'user-data');
  installExtension(tools, vsix, { extensionsDir, stateDir });
  writeUserSettings(userDataDir);

  server = await startCodeServer(tools, { folder: samplesDir, userDataDir, extensionsDir, stateDir, logFile: codeServerLog });
  console.log(`e2e: code-server ${server.url} (ready after ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  try {
    const status = await runTests(files.map((f) => relative(repoRoot, f)), {
      url: server.url,
      folder: samplesDir,
      chromium: tools.chromium,
    });
    console.log(`e2e: ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in ${relative(repoRoot, join(e2eDir, 'screenshots'))}/`);
    return status;
  } finally {
    await server.stop();
    server = undefined;
  }
}

const codeServerLog = join(work, 'code-server.log');
let status = 1;
try {
  status = await main();
} catch (error) {
  console.error(error instanceof ToolSetupError ? `e2e: ${error.message}` : error);
}
// The code-server log helps to understand a failure; otherwise nothing of the run is kept.
if (status !== 0 && existsSync(codeServerLog)) console.error(`e2e: code-server log kept in ${codeServerLog}`);
else rmSync(work, { recursive: true, force: true });
process.exit(status);
