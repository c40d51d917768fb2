// Builds minified bundles and packages them as a .vsix (bundles only: no node_modules inside).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = process.argv[2] ?? `${name}-${version}.vsix`;
execFileSync(process.execPath, ['scripts/build.mjs', '--minify'], { stdio: 'inherit' });
// The server starts its index workers from dist/indexWorker.js: a package without it would index on one thread.
const REQUIRED_BUNDLES = ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/indexWorker.js'];
const packaged = execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' }).split(/\r?\n/);
const missing = REQUIRED_BUNDLES.filter((bundle) => !packaged.includes(bundle));
if (missing.length > 0) throw new Error(`.vscodeignore leaves out ${missing.join(', ')}`);
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '-o', out], { stdio: 'inherit' });
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} KiB`);
