// Builds what the benchmarks run: the server bundle (dist/server.js, as shipped) and a bundle of the core
// functions (bench/out/core.cjs) for the in-process figures.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORE_BUNDLE = join(REPO_ROOT, 'bench', 'out', 'core.cjs');
export const SERVER_BUNDLE = join(REPO_ROOT, 'dist', 'server.js');
/** A copy of the server bundle for profiled runs: built like dist/server.js (not minified), kept with its source map. */
export const PROFILED_SERVER_BUNDLE = join(REPO_ROOT, 'bench', 'out', 'server.js');

export async function buildCoreBundle() {
  await build({
    entryPoints: [join(REPO_ROOT, 'bench', 'lib', 'core-entry.mjs')],
    outfile: CORE_BUNDLE,
    ...BUNDLE_OPTIONS,
  });
}

/** The server bundle for profiled runs, so that its source map matches it whatever happens to dist/. */
export async function buildProfiledServerBundle() {
  await build({
    entryPoints: [join(REPO_ROOT, 'server', 'src', 'main.ts')],
    outfile: PROFILED_SERVER_BUNDLE,
    ...BUNDLE_OPTIONS,
  });
}

export function buildServerBundle() {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** The core functions, from the bundle (build it first). */
export function loadCore() {
  return createRequire(import.meta.url)(CORE_BUNDLE);
}
