// Runs the extension tests (mocha, test/extension/suite) in the extension host of code-server, the
// VS Code build the end-to-end tests use, for machines where @vscode/test-electron cannot download or
// start desktop VS Code. The workbench is opened in headless Chromium with a `payload` naming the
// extension under development (this tree) and the tests; code-server honours it with VS Code's
// `enable-smoke-test-driver` option. mocha's report is printed as it runs; the extension host's exit
// code reaches the page through `window.codeAutomationExit`. Everything is stopped after a hard limit.
//   node test/extension/runInCodeServer.mjs [--no-build]   (--no-build: out/ and dist/ are current)
// Exit codes: 0 passed, 1 failed, 3 the tools cannot be set up here (the message says why).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  CODE_SERVER_VERSION,
  ToolSetupError,
  ensureTools,
  killProcessGroupNow,
  repoRoot,
  samplesDir,
  startCodeServer,
  writeUserSettings,
} from '../../scripts/tools.mjs';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** From opening the workbench to the first line of mocha's report. */
const START_LIMIT = 3 * MINUTE;
/** From opening the workbench to the extension host's exit: the whole suite. */
const RUN_LIMIT = 10 * MINUTE;
const SETUP_FAILED = 3;
/** Page errors that say nothing about the tests: the offline workbench cannot reach the extension gallery. */
const PAGE_NOISE = /getaddrinfo ENOTFOUND|GalleryExtensions|Long running operations/;
/** Written last by test/extension/codeServerEntry.ts. */
const REPORT_END = /^extension tests finished: (?:(\d+) failed|error: (.*))$/m;

const entry = join(repoRoot, 'out', 'test', 'extension', 'codeServerEntry.js');
const build = !process.argv.includes('--no-build');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / SECOND).toFixed(0)} s`;
const log = (line) => console.log(`extension tests: ${line}`);
const plain = (text) => (process.stdout.isTTY ? text : text.replace(/\x1b\[[0-9;]*m/g, ''));

const work = mkdtempSync(join(tmpdir(), 'policy-gloss-ext-'));
const codeServerLog = join(work, 'code-server.log');
const reportFile = join(work, 'mocha-report.txt');
let server;
let browser;

process.on('exit', () => {
  if (server) killProcessGroupNow(server.child);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nextension tests: ${signal}, stopping`);
    if (server) killProcessGroupNow(server.child);
    server = undefined;
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}

function compile() {
  log('compiling the tests and bundling the extension');
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'tsconfig.test.json')], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
}

/** Prints the report as it grows; returns a function that prints what is new and gives the whole text. */
function reportPrinter() {
  let printed = 0;
  return () => {
    const text = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    if (complete.length > printed) {
      process.stdout.write(plain(complete.slice(printed)));
      printed = complete.length;
    }
    return text;
  };
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  if (build) compile();
  if (!existsSync(entry)) throw new Error(`${entry} is missing: compile the tests first (npx tsc -p tsconfig.test.json)`);
  const tools = ensureTools({ browser: true });

  // The suite adds and removes files in its workspace: it gets a copy of the samples.
  const workspace = join(work, 'samples');
  cpSync(samplesDir, workspace, { recursive: true });
  const userDataDir = join(work, 'user-data');
  writeUserSettings(userDataDir);
  writeFileSync(reportFile, '');
  // code-server passes its environment on to the extension host. VSCODE_OPTIONS is code-server's
  // way to set VS Code options: the smoke-test driver option makes the workbench honour `payload`.
  process.env.VSCODE_OPTIONS = [process.env.VSCODE_OPTIONS, 'enable-smoke-test-driver'].filter(Boolean).join(',');
  process.env.POLICY_GLOSS_EXTENSION_TEST_REPORT = reportFile;
  server = await startCodeServer(tools, {
    folder: workspace,
    userDataDir,
    extensionsDir: join(work, 'extensions'), // empty: the extension comes from this tree
    stateDir: join(work, 'state'),
    logFile: codeServerLog,
  });
  log(`code-server ${CODE_SERVER_VERSION} at ${server.url} (ready after ${seconds()})`);

  browser = await chromium.launch({
    executablePath: tools.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    env: { ...process.env, XDG_CONFIG_HOME: join(work, 'chromium', 'config'), XDG_CACHE_HOME: join(work, 'chromium', 'cache') },
    timeout: MINUTE,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !PAGE_NOISE.test(message.text())) consoleErrors.push(message.text());
  });
  let hostExit;
  const exited = new Promise((resolveExit) => {
    hostExit = resolveExit;
  });
  // The workbench calls this when the extension host that ran the tests exits.
  await page.exposeFunction('codeAutomationExit', (code) => hostExit(code));

  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(entry)],
  ];
  const opened = Date.now();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, {
    waitUntil: 'domcontentloaded',
    timeout: MINUTE,
  });

  const printNew = reportPrinter();
  let exitCode;
  exited.then((code) => {
    exitCode = code;
  });
  for (;;) {
    const text = printNew();
    if (exitCode !== undefined) break;
    const elapsed = Date.now() - opened;
    if (text.trim() === '' && elapsed > START_LIMIT) {
      throw new Error(
        `the extension host did not start the tests within ${START_LIMIT / MINUTE} minutes ` +
          '(code-server did not honour the payload, or the extension host failed to start)' +
          (consoleErrors.length ? `; page errors:\n${consoleErrors.slice(-10).join('\n')}` : ''),
      );
    }
    if (elapsed > RUN_LIMIT) throw new Error(`the extension tests did not finish within ${RUN_LIMIT / MINUTE} minutes; stopped`);
    await delay(500);
  }
  const report = printNew();
  const end = REPORT_END.exec(report);
  const failures = end?.[1] !== undefined ? Number(end[1]) : undefined;
  if (exitCode === 0 && failures === 0) {
    log(`passed in code-server ${CODE_SERVER_VERSION} in ${seconds()}`);
    return 0;
  }
  const why = end?.[2] ?? (failures ? `${failures} failed` : `no summary in the report`);
  log(`FAILED in ${seconds()} (extension host exit code ${exitCode}; ${why})`);
  if (consoleErrors.length) console.error(`page console errors:\n${consoleErrors.slice(-20).join('\n')}`);
  return 1;
}

let status = 1;
try {
  status = await main();
} catch (error) {
  if (error instanceof ToolSetupError) {
    console.error(`extension tests: cannot run in code-server here: ${error.message}`);
    status = SETUP_FAILED;
  } else {
    console.error(`extension tests: ${error instanceof Error ? error.message : String(error)}`);
  }
} finally {
  await browser?.close().catch(() => undefined);
  if (server) await server.stop();
  server = undefined;
}
if (status === 1 && existsSync(codeServerLog)) console.error(`extension tests: code-server log kept in ${codeServerLog}`);
else rmSync(work, { recursive: true, force: true });
process.exit(status);
