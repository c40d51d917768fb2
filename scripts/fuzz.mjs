// The long run of the property and fuzz tests: every property of test/fuzz/ with many more inputs than
// in `npm test`, a random seed (printed, so that a failure can be replayed) and a time budget per property.
// Prints how many inputs each property tried.
//   node scripts/fuzz.mjs [--runs N] [--seconds S] [--seed N] [name-filter...]
//     --runs N      inputs per property (default: 50 times its `npm test` count)
//     --seconds S   time budget per property, shrinking included (default 60)
//     --seed N      replay a run
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${name} needs a whole number`);
  return Number(value);
};
const runsOption = option('--runs');
const seconds = option('--seconds') ?? 60;
const seed = option('--seed') ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
const filters = args;
/** An input slower than this is printed. */
const SLOW_INPUT_MS = 1000;

const run = (cmd, cmdArgs) => execFileSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root });
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.test.json']);
run(process.execPath, ['scripts/build.mjs']);

const fc = require(join(root, 'node_modules', 'fast-check'));
const modules = [
  ['loader', 'loaderProperties.js', 'LOADER_PROPERTIES'],
  ['recognition', 'recognitionProperties.js', 'RECOGNITION_PROPERTIES'],
  ['lossless', 'losslessProperties.js', 'LOSSLESS_PROPERTIES'],
  ['incremental', 'incrementalProperties.js', 'INCREMENTAL_PROPERTIES'],
  ['protocol', 'protocolProperties.js', 'PROTOCOL_PROPERTIES'],
];
const properties = modules.flatMap(([group, file, name]) => require(join(root, 'out', 'test', 'fuzz', file))[name].map((p) => ({ group, ...p })));
const selected = properties.filter((p) => filters.length === 0 || filters.some((f) => p.name.includes(f) || p.group === f));
if (selected.length === 0) {
  console.error(`fuzz: no property matches ${filters.join(' ')}`);
  process.exit(2);
}

console.log(`fuzz: seed ${seed}, ${seconds} s per property${runsOption ? `, ${runsOption} inputs each` : ''}\n`);
const rows = [];
let failed = false;
for (const p of selected) {
  const numRuns = runsOption ?? p.runs * 50;
  p.reset?.();
  await p.setup?.();
  const started = Date.now();
  let details;
  // The slowest input, to catch inputs that make the code under test slow (not only wrong).
  const slowest = { ms: 0, input: undefined };
  const property = p.property();
  const runOne = property.run.bind(property);
  property.run = (input, ...rest) => {
    const t = performance.now();
    const note = (result) => {
      const ms = performance.now() - t;
      if (ms > slowest.ms) Object.assign(slowest, { ms, input });
      return result;
    };
    const result = runOne(input, ...rest);
    return result && typeof result.then === 'function' ? result.then(note) : note(result);
  };
  try {
    details = await fc.check(property, { seed, numRuns, interruptAfterTimeLimit: seconds * 1000 });
  } finally {
    await p.teardown?.();
  }
  const elapsed = (Date.now() - started) / 1000;
  const coverage = p.coverage?.();
  const ok = !details.failed && !coverage;
  failed ||= !ok;
  rows.push({ group: p.group, name: p.name, tried: details.numRuns, skipped: details.numSkips, shrinks: details.numShrinks, seconds: elapsed, slowestMs: slowest.ms, ok, interrupted: details.interrupted });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${p.name}\n     ${details.numRuns} inputs tried, ${details.numSkips} skipped, ${elapsed.toFixed(1)} s${details.interrupted ? ' (time budget reached)' : ''}, slowest input ${slowest.ms.toFixed(0)} ms`);
  if (slowest.ms > SLOW_INPUT_MS) console.log(`     slow input: ${fc.stringify(slowest.input).slice(0, 2000)}`);
  if (details.failed) {
    console.log(`     counterexample (after ${details.numShrinks} shrinks): ${fc.stringify(details.counterexample).slice(0, 4000)}`);
    console.log(`     ${String(details.errorInstance?.stack ?? details.errorInstance ?? details.error).split('\n').slice(0, 12).join('\n     ')}`);
    console.log(`     replay: node scripts/fuzz.mjs --seed ${seed} --runs ${numRuns} "${p.name}" (path ${details.counterexamplePath})`);
  }
  if (coverage) console.log(`     the inputs did not cover enough: ${coverage}`);
}

const total = rows.reduce((sum, r) => sum + r.tried, 0);
console.log('\nproperty                                                                      inputs  skipped  seconds  slowest ms');
for (const r of rows) {
  const name = `${(r.ok ? '' : '! ') + r.name.replace(/^(property|fuzz): /, '')}`.slice(0, 76).padEnd(76);
  console.log(name + String(r.tried).padStart(8) + String(r.skipped).padStart(9) + r.seconds.toFixed(1).padStart(9) + r.slowestMs.toFixed(0).padStart(12));
}
console.log(`${rows.length} properties, ${total} inputs tried, seed ${seed}: ${failed ? 'FAILED' : 'all passed'}`);
process.exit(failed ? 1 : 0);
