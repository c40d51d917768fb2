// Runs the extension tests (mocha, test/extension/suite) in VS Code's extension host with
// @vscode/test-electron, on the samples folder. VS Code comes from VSCODE_EXECUTABLE_PATH, from the
// `code` command, or from a download. Where none of these is possible (or there is no display to run
// it on) the same suite runs in the extension host of code-server instead (runInCodeServer.mjs, the
// VS Code build of the end-to-end tests). Only where that cannot be set up either does the run print
// a SKIPPED line with both reasons and exit 0, so a skip is never mistaken for a pass.
// POLICY_GLOSS_EXTENSION_TESTS=code-server goes to code-server directly.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const samplesDir = path.join(repoRoot, 'samples');
const DOWNLOAD_IDLE_TIMEOUT_MS = 20_000;
/** runInCodeServer.mjs exits with this when code-server or Chromium cannot be set up here. */
const CODE_SERVER_SETUP_FAILED = 3;

class Skip extends Error {}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string): string | undefined {
  const names = process.platform === 'win32' ? [`${command}.cmd`, `${command}.exe`] : [command];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) {
      if (dir && isFile(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return undefined;
}

/**
 * The Electron executable of a desktop VS Code whose `code` command is on PATH. That command is a
 * launcher script in `<app>/bin/`; the executable sits next to `bin/` (Linux, Windows) or in
 * `Contents/MacOS` (macOS). Anything else named `code` (a remote CLI, for example) is not used.
 */
function executableBehindCodeCommand(): string | undefined {
  const command = onPath('code');
  if (!command) return undefined;
  const appDir = path.dirname(path.dirname(realpathSync(command)));
  const candidates = [
    path.join(appDir, 'code'),
    path.join(appDir, 'Code.exe'),
    path.join(appDir, '..', '..', 'MacOS', 'Electron'),
    path.join(appDir, '..', '..', 'MacOS', 'Code'),
  ];
  return candidates.find(isFile);
}

async function findVSCode(): Promise<string> {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`VSCODE_EXECUTABLE_PATH does not exist: ${fromEnv}`);
    return fromEnv;
  }
  const installed = executableBehindCodeCommand();
  if (installed) return installed;
  try {
    return await downloadAndUnzipVSCode({
      version: 'stable',
      cachePath: path.join(repoRoot, '.vscode-test'),
      timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Skip(`no VS Code found (set VSCODE_EXECUTABLE_PATH or put \`code\` on PATH) and the download failed: ${reason}`);
  }
}

async function main(): Promise<number> {
  if (process.env.POLICY_GLOSS_EXTENSION_TESTS === 'code-server') throw new Skip('POLICY_GLOSS_EXTENSION_TESTS=code-server');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Skip('no display to run VS Code on (DISPLAY is not set); run it as `xvfb-run -a npm run test:extension`');
  }
  const vscodeExecutablePath = await findVSCode();
  console.log(`extension tests: VS Code ${vscodeExecutablePath}`);
  return runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(__dirname, 'suite', 'index'),
    launchArgs: [samplesDir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
}

/** The same suite in code-server's extension host; out/ and dist/ are already built by scripts/test.mjs. */
function runInCodeServer(whyNotElectron: string): number {
  console.log(`extension tests: not with @vscode/test-electron (${whyNotElectron}); running them in code-server`);
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'test', 'extension', 'runInCodeServer.mjs'), '--no-build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status === CODE_SERVER_SETUP_FAILED) {
    console.log(`SKIPPED: extension tests: @vscode/test-electron: ${whyNotElectron}; code-server: cannot be set up here (see above)`);
    return 0;
  }
  return r.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Skip) process.exit(runInCodeServer(error.message));
    console.error(`extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
