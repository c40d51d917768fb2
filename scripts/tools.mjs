// Tools that run the packaged extension in a real VS Code without a desktop: code-server (VS Code's
// workbench and its Node extension host) built with Node 24, and Debian's Chromium to drive it.
// Shared by `npm start` and `npm run test:e2e`. Node 24 and code-server are cached outside the
// repository in `${XDG_CACHE_HOME:-~/.cache}/policy-gloss/tools`; every step is idempotent.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;
/** Debian packages: Chromium drives the workbench; the Kerberos headers build one of code-server's native modules. */
export const BROWSER_PACKAGES = ['chromium'];
export const BUILD_PACKAGES = ['libkrb5-dev'];

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const samplesDir = join(repoRoot, 'samples');

const MINUTE = 60_000;

/** A setup step that cannot succeed here; the message says what the user has to do. */
export class ToolSetupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ToolSetupError';
  }
}

export function cacheDir() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'policy-gloss');
}

export function toolsDir() {
  return join(cacheDir(), 'tools');
}

const defaultLog = (line) => console.log(`[tools] ${line}`);

/** Runs a command to completion with a time limit; throws with the command line when it fails. */
function run(command, args, { env = process.env, cwd, timeoutMs, logFile } = {}) {
  let stdio = ['ignore', 'inherit', 'inherit'];
  let fd;
  if (logFile) {
    fd = openSync(logFile, 'a');
    stdio = ['ignore', fd, fd];
  }
  try {
    const r = spawnSync(command, args, { env, cwd, stdio, timeout: timeoutMs, killSignal: 'SIGKILL' });
    if (r.error) throw new ToolSetupError(`${command} ${args.join(' ')}: ${r.error.message}`);
    if (r.signal) throw new ToolSetupError(`${command} ${args.join(' ')}: stopped by ${r.signal} (time limit ${timeoutMs / 1000} s)`);
    if (r.status !== 0) {
      const tail = logFile ? `\n--- last lines of ${logFile} ---\n${lastLines(logFile, 40)}` : '';
      throw new ToolSetupError(`${command} ${args.join(' ')} exited with ${r.status}${tail}`);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function lastLines(file, count) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Debian packages

/** true/false from dpkg; undefined where there is no dpkg (not a Debian-based system). */
function debianPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (r.error) return undefined;
  return r.status === 0 && r.stdout.trim() === 'install ok installed';
}

function aptHasCandidate(name) {
  const r = spawnSync('apt-cache', ['policy', name], { encoding: 'utf8' });
  return r.status === 0 && /Candidate: (?!\(none\))\S/.test(r.stdout);
}

/**
 * Makes sure the Debian packages are installed: with apt-get when running as root, otherwise it
 * throws a ToolSetupError naming exactly the missing packages.
 */
export function ensureDebianPackages(packages, log = defaultLog) {
  const state = packages.map((name) => ({ name, installed: debianPackageInstalled(name) }));
  if (state.some((p) => p.installed === undefined)) {
    throw new ToolSetupError(
      `dpkg-query was not found: this setup expects a Debian-based system with these packages: ${packages.join(' ')}`,
    );
  }
  const missing = state.filter((p) => !p.installed).map((p) => p.name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new ToolSetupError(
      `Missing Debian packages: ${missing.join(' ')}\n` +
        `Install them (as root) with:\n  apt-get update && apt-get install -y ${missing.join(' ')}\nthen run this command again.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (args) => run('apt-get', ['-q', ...args], { env, timeoutMs: 20 * MINUTE });
  // The package lists are refreshed only when they do not know a package, or when an install
  // from them fails (stale lists point at files the mirror no longer has).
  let updated = false;
  if (!missing.every(aptHasCandidate)) {
    log('apt-get update');
    aptGet(['update']);
    updated = true;
  }
  log(`apt-get install ${missing.join(' ')}`);
  try {
    aptGet(['install', '-y', ...missing]);
  } catch (error) {
    if (updated) throw error;
    log('apt-get install failed; refreshing the package lists and trying once more');
    aptGet(['update']);
    aptGet(['install', '-y', ...missing]);
  }
  const still = missing.filter((name) => !debianPackageInstalled(name));
  if (still.length) throw new ToolSetupError(`apt-get did not install: ${still.join(' ')}`);
}

export function chromiumExecutable() {
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new ToolSetupError('Chromium was not found at /usr/bin/chromium (Debian package: chromium)');
}

// ---------------------------------------------------------------------------------------------
// npm-installed tools

/**
 * Installs `manifest.dependencies` with npm into a staging folder next to `prefix`, then moves it
 * into place, so an interrupted install never leaves a half-built `prefix` behind and two runs at
 * once do not write into the same folder.
 */
function npmInstallStaged(prefix, manifest, { env, timeoutMs, log, what }) {
  mkdirSync(dirname(prefix), { recursive: true });
  const staging = `${prefix}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ private: true, ...manifest }, null, 2) + '\n');
  const logFile = `${prefix}.install.log`;
  writeFileSync(logFile, '');
  log(`installing ${what} (log: ${logFile})`);
  const started = Date.now();
  try {
    run('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier'], { env, cwd: staging, timeoutMs, logFile });
    rmSync(prefix, { recursive: true, force: true });
    renameSync(staging, prefix);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`installed ${what} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * The environment without what `npm run` adds about the outer npm and Node: npm_config_user_agent
 * (says node/v20; code-server's postinstall checks it), NODE, npm_config_* settings and so on.
 */
function environmentOutsideNpmRun() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD'));
}

/** Environment for npm and node-gyp with Node 24 first on PATH; settings given here override the user's npmrc. */
function node24Env(node) {
  return {
    ...environmentOutsideNpmRun(),
    PATH: `${dirname(node.bin)}:${process.env.PATH ?? ''}`,
    // Native modules compile against Node 24's headers, whatever `nodedir` a user npmrc sets.
    npm_config_nodedir: node.dir,
    npm_config_ignore_scripts: 'false',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

function nodeVersion(bin) {
  if (!existsSync(bin)) return undefined;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Node 24 (binary and headers) from the npm package node-linux-<arch>@24. */
export function ensureNode24(log = defaultLog) {
  if (process.platform !== 'linux') throw new ToolSetupError(`Node ${NODE_MAJOR} from npm is set up on Linux only (this is ${process.platform})`);
  const packageName = `node-linux-${process.arch}`;
  const prefix = join(toolsDir(), `node-${NODE_MAJOR}`);
  const dir = join(prefix, 'node_modules', packageName);
  const node = { bin: join(dir, 'bin', 'node'), dir };
  const usable = () =>
    nodeVersion(node.bin)?.startsWith(`v${NODE_MAJOR}.`) && existsSync(join(dir, 'include', 'node', 'node_version.h'));
  if (usable()) return node;
  npmInstallStaged(prefix, { dependencies: { [packageName]: `^${NODE_MAJOR}.0.0` } }, {
    env: environmentOutsideNpmRun(),
    timeoutMs: 10 * MINUTE,
    log,
    what: `Node ${NODE_MAJOR} (${packageName})`,
  });
  if (!usable()) throw new ToolSetupError(`${node.bin} is not a working Node ${NODE_MAJOR} after installing ${packageName}`);
  return node;
}

function codeServerPrefix() {
  return join(toolsDir(), `code-server-${CODE_SERVER_VERSION}`);
}

/** Environment that keeps code-server's own config and logs out of the user's home. */
export function codeServerEnv(node, stateDir) {
  return {
    ...process.env,
    PATH: `${dirname(node.bin)}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: join(stateDir, 'config'),
    XDG_DATA_HOME: join(stateDir, 'data'),
  };
}

/** What is wrong with a code-server install, or undefined when it is complete and runs on Node 24. */
function codeServerProblem(node, packageDir) {
  const entry = join(packageDir, 'out', 'node', 'entry.js');
  if (!existsSync(entry)) return 'not installed';
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  if (version !== CODE_SERVER_VERSION) return `version ${version} instead of ${CODE_SERVER_VERSION}`;
  // Its postinstall script installs VS Code's own dependencies and links the remote CLI; npm
  // versions that gate install scripts skip it silently unless the package is allowed.
  const vscodeDir = join(packageDir, 'lib', 'vscode');
  for (const artefact of [join('bin', 'remote-cli', 'code-server'), join('extensions', 'node_modules', 'typescript')]) {
    if (!existsSync(join(vscodeDir, artefact))) return `postinstall did not run (${artefact} is missing)`;
  }
  const probe = ['kerberos', 'node-pty', '@vscode/spdlog'].map((m) => `require(${JSON.stringify(join(vscodeDir, 'node_modules', m))});`).join('');
  const loaded = spawnSync(node.bin, ['-e', probe], { encoding: 'utf8', timeout: 60_000 });
  if (loaded.status !== 0) return `native modules do not load on Node ${NODE_MAJOR}: ${(loaded.stderr || '').trim().split('\n').slice(0, 3).join(' ')}`;
  const state = mkdtempSync(join(tmpdir(), 'policy-gloss-cs-'));
  try {
    const r = spawnSync(node.bin, [entry, '--config', join(state, 'config.yaml'), '--version'], {
      encoding: 'utf8',
      env: codeServerEnv(node, state),
      timeout: 60_000,
    });
    if (r.status !== 0 || !r.stdout.includes(CODE_SERVER_VERSION)) return `\`code-server --version\` failed: ${(r.stderr || r.stdout).trim()}`;
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
  return undefined;
}

/** code-server, built with Node 24 first on PATH and native modules compiled against its headers. */
export function ensureCodeServer(node, log = defaultLog) {
  const prefix = codeServerPrefix();
  const packageDir = join(prefix, 'node_modules', 'code-server');
  const marker = join(prefix, '.verified');
  const entry = join(packageDir, 'out', 'node', 'entry.js');
  if (existsSync(marker) && existsSync(entry)) return { entry };
  const before = codeServerProblem(node, packageDir);
  if (before === undefined) {
    writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
    return { entry };
  }
  if (before !== 'not installed') log(`code-server in ${prefix} is unusable (${before}); installing it again`);
  npmInstallStaged(
    prefix,
    {
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      // npm 11 runs dependency install scripts only for packages listed here.
      allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
    },
    { env: node24Env(node), timeoutMs: 30 * MINUTE, log, what: `code-server ${CODE_SERVER_VERSION} (a few minutes)` },
  );
  const after = codeServerProblem(node, packageDir);
  if (after !== undefined) throw new ToolSetupError(`code-server ${CODE_SERVER_VERSION} installed but unusable: ${after}\n(log: ${prefix}.install.log)`);
  writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
  return { entry };
}

/**
 * Everything needed to run code-server (and, with `browser`, to drive it with Chromium).
 * Returns { node, codeServer, chromium? }.
 */
export function ensureTools({ browser = true, log = defaultLog } = {}) {
  ensureDebianPackages([...(browser ? BROWSER_PACKAGES : []), ...BUILD_PACKAGES], log);
  const node = ensureNode24(log);
  const codeServer = ensureCodeServer(node, log);
  return { node, codeServer, chromium: browser ? chromiumExecutable() : undefined };
}

// ---------------------------------------------------------------------------------------------
// The extension in code-server

/** Builds and packages the extension into `outDir`; returns the .vsix path. */
export function packageExtension(outDir) {
  mkdirSync(outDir, { recursive: true });
  const vsix = join(outDir, 'policy-gloss.vsix');
  const npm = process.env.npm_execpath;
  // Through npm so the package script runs exactly as `npm run package` does.
  if (npm && npm.endsWith('.js')) run(process.execPath, [npm, 'run', '--silent', 'package', '--', vsix], { cwd: repoRoot, timeoutMs: 10 * MINUTE });
  else run('npm', ['run', '--silent', 'package', '--', vsix], { cwd: repoRoot, timeoutMs: 10 * MINUTE });
  return vsix;
}

/** Installs a .vsix into an extensions folder (registered in its extensions.json, as VS Code requires). */
export function installExtension(tools, vsix, { extensionsDir, stateDir }) {
  mkdirSync(extensionsDir, { recursive: true });
  run(
    tools.node.bin,
    [tools.codeServer.entry, '--config', join(stateDir, 'config.yaml'), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env: codeServerEnv(tools.node, stateDir), timeoutMs: 5 * MINUTE },
  );
}

/** User settings that keep the workbench free of first-run noise. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

export function writeUserSettings(userDataDir, settings = QUIET_SETTINGS) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 in its own process group (its extension host and agent host are
 * separate processes; ending the group ends them all). Resolves once it answers /healthz.
 * Returns { url, port, child, stop() }.
 */
export async function startCodeServer(tools, { folder, userDataDir, extensionsDir, stateDir, port, logFile, timeoutMs = 2 * MINUTE }) {
  const chosenPort = port ?? (await freePort());
  const args = [
    tools.codeServer.entry,
    '--config', join(stateDir, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    folder,
  ];
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  const child = spawn(tools.node.bin, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: codeServerEnv(tools.node, stateDir),
  });
  if (typeof out === 'number') closeSync(out);
  let exited = false;
  const exitPromise = new Promise((resolveExit) => child.once('exit', (code, signal) => {
    exited = true;
    resolveExit({ code, signal });
  }));
  const stop = () => stopProcessGroup(child, exitPromise);
  const url = `http://127.0.0.1:${chosenPort}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) throw new ToolSetupError(`code-server exited before it was ready${logFile ? ` (log: ${logFile})` : ''}`);
      if (Date.now() > deadline) throw new ToolSetupError(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
      if (await answers(`${url}/healthz`)) break;
      await Promise.race([exitPromise, delay(250)]);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port: chosenPort, child, stop, exited: exitPromise };
}

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Ends a detached child's whole process group: SIGTERM, then SIGKILL if it lingers. */
export async function stopProcessGroup(child, exited, graceMs = 5000) {
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false; // the group is already gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  await Promise.race([exited, delay(graceMs)]);
  // The main process may be gone while its extension host still runs: SIGKILL whatever is left.
  signalGroup('SIGKILL');
}

/** Synchronous last resort for `process.on('exit')`. */
export function killProcessGroupNow(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
