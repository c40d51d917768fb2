// Runs the extension tests (mocha, test/extension/suite) in VS Code's extension host with
// @vscode/test-electron, on the samples folder. VS Code comes from VSCODE_EXECUTABLE_PATH, from the
// `code` command, or from a download; where none of these is possible (or there is no display to
// run it on) the run prints a SKIPPED line and exits 0, so a skip is never mistaken for a pass.
import { existsSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const samplesDir = path.join(repoRoot, 'samples');
const DOWNLOAD_IDLE_TIMEOUT_MS = 20_000;

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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Skip) {
      console.log(`SKIPPED: extension tests (@vscode/test-electron): ${error.message}`);
      process.exit(0);
    }
    console.error(`extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
