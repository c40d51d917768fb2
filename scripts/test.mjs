// Runs the test suites with Node's test runner: typecheck and compile, bundle, then each level.
// `node scripts/test.mjs [unit|protocol|cli|extension]...` runs only the named levels.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const levels = process.argv.slice(2);
const wanted = levels.length ? levels : ['unit', 'protocol', 'cli'];
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

// `out` is not cleared first: several runs may share it, and tsc overwrites what changed.
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.test.json']);
run(process.execPath, ['scripts/build.mjs']);

if (wanted.includes('extension')) {
  const r = spawnSync(process.execPath, ['out/test/extension/runTest.js'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const files = [];
const collect = (dir) => {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) collect(full);
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
};
for (const level of wanted) collect(join('out', 'test', level));
files.sort();
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
