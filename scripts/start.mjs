// `npm start`: builds, then opens samples/ in VS Code with the extension loaded.
// With desktop VS Code (`code` on PATH) the extension runs from this tree (--extensionDevelopmentPath).
// Without it, code-server (the VS Code build the end-to-end tests use) serves the packaged extension
// on 127.0.0.1 and this command stays in the foreground until Ctrl+C.
//   npm start [-- [--code-server] [--port N]]   (--code-server: even where `code` exists)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  ToolSetupError,
  cacheDir,
  ensureTools,
  freePort,
  installExtension,
  killProcessGroupNow,
  packageExtension,
  repoRoot,
  samplesDir,
  startCodeServer,
  writeUserSettings,
} from './tools.mjs';

const DEFAULT_PORT = 8080;

function parseArgs(argv) {
  const options = { codeServer: false, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--code-server') options.codeServer = true;
    else if (argv[i] === '--port' && /^\d+$/.test(argv[i + 1] ?? '')) options.port = Number(argv[++i]);
    else throw new ToolSetupError(`unknown argument ${argv[i]}\nusage: npm start [-- [--code-server] [--port N]]`);
  }
  return options;
}

function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

async function portIsFree(port) {
  const { createServer } = await import('node:net');
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

function startDesktop(code) {
  console.log(`Opening samples/ in VS Code (${code}) with the extension from this folder`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, samplesDir], { stdio: 'inherit' });
  return r.status ?? 1;
}

async function startBrowser(port) {
  const tools = ensureTools({ browser: false });
  // User data persists between starts (window layout, settings the user changed).
  const home = join(cacheDir(), 'start');
  const userDataDir = join(home, 'user-data');
  const extensionsDir = join(home, 'extensions');
  const stateDir = join(home, 'state');
  if (!existsSync(join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir);

  const packageDir = mkdtempSync(join(tmpdir(), 'policy-gloss-start-'));
  try {
    console.log('Packaging the extension');
    const vsix = packageExtension(packageDir);
    installExtension(tools, vsix, { extensionsDir, stateDir });
  } finally {
    rmSync(packageDir, { recursive: true, force: true });
  }

  const chosenPort = port ?? ((await portIsFree(DEFAULT_PORT)) ? DEFAULT_PORT : await freePort());
  const logFile = join(home, 'code-server.log');
  const server = await startCodeServer(tools, { folder: samplesDir, userDataDir, extensionsDir, stateDir, port: chosenPort, logFile });
  process.on('exit', () => killProcessGroupNow(server.child));
  console.log(
    `\nPolicy Gloss is running in VS Code (code-server). Open this address in a browser:\n\n` +
      `  ${server.url}/?folder=${encodeURIComponent(samplesDir)}\n\n` +
      `(listening on 127.0.0.1 only; log: ${logFile})\nPress Ctrl+C to stop.`,
  );
  return new Promise((resolveStatus) => {
    let stopping = false;
    const stop = async (signal) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping code-server`);
      await server.stop();
      resolveStatus(0);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
    server.exited.then(({ code, signal }) => {
      if (stopping) return;
      console.error(`code-server exited (${signal ?? `code ${code}`}); log: ${logFile}`);
      resolveStatus(code || 1);
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  execFileSync(process.execPath, [join('scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  const code = options.codeServer ? undefined : findOnPath('code');
  return code ? startDesktop(code) : startBrowser(options.port);
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(error instanceof ToolSetupError ? error.message : error);
    process.exit(1);
  },
);
