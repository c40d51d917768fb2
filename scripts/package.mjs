// Builds minified bundles and packages them as a .vsix (bundles only: no node_modules inside).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = process.argv[2] ?? `${name}-${version}.vsix`;
execFileSync(process.execPath, ['scripts/build.mjs', '--minify'], { stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '-o', out], { stdio: 'inherit' });
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} KiB`);
