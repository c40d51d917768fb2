#!/usr/bin/env node
// `npm run bench`: every figure of the performance budgets, as JSON and as a table with pass/fail.
//
//   npm run bench [-- --quick] [-- --only compile,scan,lsp] [-- --no-growth] [-- --cpu-prof DIR] [-- --no-build]
//
//   --quick      small sizes, for a smoke run (a minute); the budgets then do not apply to the sizes measured
//   --only       run some groups of figures only
//   --no-growth  the language-server figures at the largest size only
//   --cpu-prof   write CPU profiles to DIR and summarise them: the timed passes of the scan and the compile,
//                and the server's work in each phase (index, hover, keystroke, ...)
//   --no-build   use dist/server.js as it is
//   --generate-only  generate the inputs into the cache and stop
//
// Generated workspaces are cached outside the repository (POLICY_GLOSS_BENCH_CACHE or the system temp
// directory); the first run generates them. The JSON is also written to bench/out/results.json
// (results-quick.json, results-profiled.json for those runs).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildCoreBundle, buildProfiledServerBundle, buildServerBundle, PROFILED_SERVER_BUNDLE, REPO_ROOT } from './lib/build.mjs';
import { formatProfile, summarizeProfile } from './lib/profile.mjs';
import { BIG_DOCUMENT_BYTES, DEFAULT_SEED, benchCacheDir, ensureGlossary, ensureWorkspace } from './generate.mjs';

const CONFIGS = {
  full: {
    universe: 100_000,
    bigDocumentBytes: BIG_DOCUMENT_BYTES,
    compile: { sizes: [1000, 10_000, 100_000], runs: 3 },
    scan: { documents: 1000, bytes: 10_000_000, entries: [1000, 10_000, 100_000], repeats: 3, grepBytes: 100_000_000 },
    // Each phase of the server figures stops after phaseLimit seconds (growthPhaseLimit below the largest size).
    lsp: { entries: 10_000, sizes: [[100, 1_000_000], [1000, 10_000_000], [10_000, 100_000_000]], hovers: 1000, edits: 200, glossaryEdits: 10, phaseLimit: 45, growthPhaseLimit: 20 },
    budgetSizes: { scanEntries: 10_000, compileEntries: 100_000 },
  },
  quick: {
    universe: 10_000,
    bigDocumentBytes: 100_000,
    compile: { sizes: [1000, 10_000], runs: 1 },
    scan: { documents: 100, bytes: 1_000_000, entries: [1000, 10_000], repeats: 2, grepBytes: 20_000_000 },
    lsp: { entries: 1000, sizes: [[50, 500_000], [200, 2_000_000]], hovers: 100, edits: 20, glossaryEdits: 4, phaseLimit: 15, growthPhaseLimit: 15 },
    budgetSizes: { scanEntries: 10_000, compileEntries: 10_000 },
  },
};

function parseArgs(argv) {
  const args = { quick: false, only: ['compile', 'scan', 'lsp'], growth: true, build: true, seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',');
    else if (a === '--no-growth') args.growth = false;
    else if (a === '--no-build') args.build = false;
    else if (a === '--generate-only') args.generateOnly = true;
    else if (a === '--cpu-prof') args.cpuProf = argv[++i];
    else if (a === '--seed') args.seed = argv[++i];
    else if (a === '--help') {
      process.stdout.write('Usage: npm run bench [-- --quick] [-- --only compile,scan,lsp] [-- --no-growth] [-- --cpu-prof DIR] [-- --no-build] [-- --generate-only]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return args;
}

const log = (message) => process.stderr.write(`${message}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs `node [nodeArgs] script args` (under taskset when `oneCore`); resolves with the JSON on its last stdout line. */
function runChild(script, args, { nodeArgs = [], oneCore = false } = {}) {
  const taskset = oneCore && spawnSync('taskset', ['--version']).status === 0;
  const command = taskset ? 'taskset' : process.execPath;
  const commandArgs = [...(taskset ? ['-c', '0', process.execPath] : []), ...nodeArgs, join(REPO_ROOT, 'bench', script), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop();
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${script} exited with ${code} and no result: ${out.slice(-500)}`));
      }
    });
  });
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

/** Summarises (into the results and on stderr) every profile written to DIR/name. */
function summarizeProfiles(dir, name, results) {
  if (!dir) return;
  let files = [];
  try {
    files = readdirSync(join(dir, name)).filter((f) => f.endsWith('.cpuprofile')).sort();
  } catch {
    return;
  }
  for (const f of files) {
    const summary = summarizeProfile(join(dir, name, f), 12);
    results.profiles ??= {};
    results.profiles[files.length === 1 ? name : `${name}/${f.replace(/\.cpuprofile$/, '')}`] = summary;
    log(formatProfile(summary));
  }
}

function machine() {
  const grep = spawnSync('grep', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'unknown';
  return {
    nproc: availableParallelism?.() ?? cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    grep,
    platform: `${process.platform} ${process.arch}`,
  };
}

// --- budgets --------------------------------------------------------------------------------------

function evaluateBudgets(results, config, quick) {
  const rows = [];
  const add = (figure, measured, display, budget, pass, note) => rows.push({ figure, measured, display, budget, pass, note });
  const note = quick ? 'quick run: not the size of the budget' : undefined;
  const scanRow = results.scan?.rows?.find((r) => r.entries === config.budgetSizes.scanEntries);
  if (scanRow) {
    add(`scan throughput, ${scanRow.entries} entries (one core)`, scanRow.oursMbPerSecond, `${scanRow.oursMbPerSecond} MB/s`, '>= 50 MB/s', scanRow.oursMbPerSecond >= 50, note);
    add(`scan vs LC_ALL=C grep -F -c -f FORMS, ${scanRow.entries} entries`, scanRow.ratio, `${scanRow.ratio}x (grep ${scanRow.grepScanMbPerSecond} MB/s)`, '>= 1.0x', scanRow.ratio >= 1, note);
  }
  const compileRow = results.compile?.find((r) => r.entries === config.budgetSizes.compileEntries);
  if (compileRow) {
    add(`load + compile ${compileRow.entries}-entry glossary`, compileRow.totalMs, `${compileRow.totalMs} ms (load ${compileRow.loadMs}, merge ${compileRow.mergeMs}, compile ${compileRow.compileMs})`, '<= 1500 ms', compileRow.totalMs <= 1500, note);
    add(`heap of the loaded ${compileRow.entries}-entry glossary`, compileRow.retainedHeapMb, `${compileRow.retainedHeapMb} MB`, '<= 200 MB', compileRow.retainedHeapMb !== null && compileRow.retainedHeapMb <= 200, note);
  }
  const lsp = results.lsp?.[results.lsp.length - 1];
  if (lsp) {
    const size = `${lsp.workspace.documents} docs / ${lsp.workspace.mb} MB / ${lsp.workspace.entries} entries`;
    const lspNote = quick ? note : undefined;
    if (lsp.index) add(`complete index, ${size} (first start)`, lsp.index.ms, `${lsp.index.ms} ms (${lsp.index.mbPerSecond} MB/s)`, '<= 5000 ms', lsp.index.ms <= 5000, lspNote);
    if (lsp.restart) {
      const { restart } = lsp;
      const display = `${restart.ms} ms (${restart.mbPerSecond} MB/s)${restart.glossaryFromCache ? '' : '; the glossary was built, not read from the cache'}`;
      add(`complete index, ${size} (restart, glossary from the cache)`, restart.ms, display, '<= 5000 ms', restart.ms <= 5000 && restart.glossaryFromCache, lspNote);
    }
    if (lsp.hover) add(`hover p99 (${lsp.hover.n} requests at mentions)`, lsp.hover.p99, `${lsp.hover.p99} ms (p50 ${lsp.hover.p50}, p95 ${lsp.hover.p95})`, '<= 10 ms', lsp.hover.p99 <= 10, lspNote);
    if (lsp.definition) add(`definition p99 (${lsp.definition.n} requests at mentions)`, lsp.definition.p99, `${lsp.definition.p99} ms (p50 ${lsp.definition.p50}, p95 ${lsp.definition.p95})`, '<= 10 ms', lsp.definition.p99 <= 10, lspNote);
    if (lsp.references) {
      const complete = lsp.references.locations >= lsp.references.expectedMentions;
      add(
        `references, ${lsp.references.locations} mentions (p95 of ${lsp.references.n})`,
        lsp.references.p95,
        `${lsp.references.p95} ms (p50 ${lsp.references.p50})${complete ? '' : `; only ${lsp.references.locations} of ${lsp.references.expectedMentions} mentions`}`,
        '<= 50 ms',
        lsp.references.p95 <= 50 && complete,
        lspNote,
      );
    }
    if (lsp.keystroke) add(`diagnostics after a keystroke, ${Math.round(lsp.workspace.bigDocumentBytes / 1e5) / 10} MB document, p95 of ${lsp.keystroke.n}`, lsp.keystroke.p95, `${lsp.keystroke.p95} ms (p50 ${lsp.keystroke.p50})`, '<= 30 ms', lsp.keystroke.p95 <= 30, lspNote);
    if (lsp.glossaryEdit) add(`${lsp.glossaryEdit.openDocuments} open documents re-diagnosed after a glossary edit, p95 of ${lsp.glossaryEdit.n}`, lsp.glossaryEdit.p95, `${lsp.glossaryEdit.p95} ms (p50 ${lsp.glossaryEdit.p50})`, '<= 300 ms', lsp.glossaryEdit.p95 <= 300, lspNote);
    add(`server peak RSS, ${lsp.workspace.mb} MB workspace`, lsp.peakRssMb, `${lsp.peakRssMb} MB`, '<= 400 MB', lsp.peakRssMb <= 400, lspNote);
    if (lsp.workspaceSymbols) add(`workspace symbols p95 (${lsp.workspaceSymbols.n} queries)`, lsp.workspaceSymbols.p95, `${lsp.workspaceSymbols.p95} ms (p50 ${lsp.workspaceSymbols.p50}, ${lsp.workspaceSymbols.meanResults} results on average)`, '(no budget)', null, lspNote);
  }
  return rows;
}

// --- tables ---------------------------------------------------------------------------------------

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

function report(results) {
  const out = [];
  out.push(`Policy Gloss benchmarks (${results.quick ? 'quick' : 'full'}), ${results.date}, ${results.machine.nproc} cores, ${results.machine.memoryGb} GB, Node ${results.machine.node}`);
  out.push(`load average ${results.loadAverage.start.join(' ')} at start, ${results.loadAverage.end.join(' ')} at end; total ${seconds(results.durationMs)}`);
  out.push('');
  out.push(table(['figure', 'measured', 'budget', 'result'], results.budgets.map((b) => [b.figure, b.display, b.budget, (b.pass === null ? 'info' : b.pass ? 'PASS' : 'FAIL') + (b.note ? ` (${b.note})` : '')])));
  if (results.scan) {
    out.push('');
    out.push(`Scan throughput on one core, corpus ${results.scan.corpus.documents} documents / ${results.scan.corpus.mb} MB (best of ${results.scan.repeats}):`);
    out.push(
      table(
        ['entries', 'forms', 'ours MB/s', 'mentions', 'grep MB/s (scan)', 'grep MB/s (whole run)', 'grep forms setup', 'ours/grep'],
        results.scan.rows.map((r) => [r.entries, r.forms, r.oursMbPerSecond, r.mentions, r.grepScanMbPerSecond, r.grepMbPerSecond, `${r.grepSetupMs} ms`, `${r.ratio}x (${r.ratioWholeRun}x whole run)`]),
      ),
    );
    const floor = results.scan.floor;
    if (floor) {
      out.push(
        `The least any JavaScript scan of this corpus pays, one core: reading every character ${floor.readMbPerSecond} MB/s; splitting it into words and hashing each ${floor.wordsMbPerSecond} MB/s (${floor.words} words).`,
      );
    }
  }
  if (results.compile) {
    out.push('');
    out.push('Glossary load and compile (median of fresh processes):');
    out.push(
      table(
        ['entries', 'files', 'YAML MB', 'load ms', 'merge ms', 'compile ms', 'total ms', 'again, warm ms', 'heap MB', 'process peak RSS MB', 'read from the cache ms (MB)'],
        results.compile.map((r) => [
          r.entries,
          r.files,
          r.glossaryMb,
          r.loadMs,
          r.mergeMs,
          r.compileMs,
          r.totalMs,
          r.warmTotalMs,
          r.retainedHeapMb,
          r.peakRssMb,
          `${r.cacheReadMs} (${r.cacheMb})${r.cachedByServer ? '' : ', not kept by the server'}`,
        ]),
      ),
    );
  }
  if (results.lsp) {
    out.push('');
    out.push('Language server over stdio (growth with the workspace):');
    const f = (x, key) => (x ? x[key] : '-');
    out.push(
      table(
        ['workspace', 'index ms', 'index MB/s', 'restart index ms', 'hover p50/p99', 'definition p50/p99', 'references p50 (n)', 'symbols p95', 'keystroke p50/p95', 'glossary edit p50/p95', 'reindex after edit', 'peak RSS MB', 'errors'],
        results.lsp.map((r) => [
          `${r.workspace.documents} docs / ${r.workspace.mb} MB / ${r.workspace.entries} entries`,
          f(r.index, 'ms'),
          f(r.index, 'mbPerSecond'),
          f(r.restart, 'ms'),
          r.hover ? `${r.hover.p50} / ${r.hover.p99}` : '-',
          r.definition ? `${r.definition.p50} / ${r.definition.p99}` : '-',
          r.references ? `${r.references.p50} (${r.references.locations})` : '-',
          f(r.workspaceSymbols, 'p95'),
          r.keystroke ? `${r.keystroke.p50} / ${r.keystroke.p95}` : '-',
          r.glossaryEdit ? `${r.glossaryEdit.p50} / ${r.glossaryEdit.p95}` : '-',
          r.reindexAfterGlossaryEdit ? `${r.reindexAfterGlossaryEdit.finished ? '' : '> '}${r.reindexAfterGlossaryEdit.ms} ms` : '-',
          r.peakRssMb,
          r.errors.length,
        ]),
      ),
    );
    for (const r of results.lsp) for (const e of r.errors) out.push(`  error (${r.workspace.documents} docs): ${e}`);
  }
  return out.join('\n');
}

// --- main -----------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const config = args.quick ? CONFIGS.quick : CONFIGS.full;
  const started = Date.now();
  const results = { quick: args.quick, date: new Date().toISOString(), machine: machine(), loadAverage: { start: loadavg().map((x) => Math.round(x * 100) / 100) }, seed: args.seed, cacheDir: benchCacheDir() };

  if (args.build) {
    log('building dist/server.js and the core bundle ...');
    buildServerBundle();
  }
  await buildCoreBundle();
  // Profiled runs use their own copy of the server bundle, whose source map names the hot functions.
  if (args.cpuProf) await buildProfiledServerBundle();

  // Inputs first, so that generation never overlaps a measurement.
  const t = Date.now();
  const common = { seed: args.seed, universe: config.universe, bigDocumentBytes: config.bigDocumentBytes, log };
  if (args.only.includes('compile')) for (const entries of config.compile.sizes) ensureGlossary({ seed: args.seed, entries, log });
  if (args.only.includes('scan')) {
    for (const entries of config.scan.entries) ensureGlossary({ seed: args.seed, entries, log });
    ensureWorkspace({ ...common, entries: config.lsp.entries, documents: config.scan.documents, bytes: config.scan.bytes });
  }
  const lspSizes = args.growth ? config.lsp.sizes : config.lsp.sizes.slice(-1);
  if (args.only.includes('lsp')) for (const [documents, bytes] of lspSizes) ensureWorkspace({ ...common, entries: config.lsp.entries, documents, bytes });
  results.generationMs = Date.now() - t;
  log(`inputs ready in ${seconds(results.generationMs)} (cache: ${benchCacheDir()})`);
  if (args.generateOnly) return;

  if (args.only.includes('compile')) {
    results.compile = [];
    for (const entries of config.compile.sizes) {
      const runs = [];
      for (let k = 0; k < config.compile.runs; k++) {
        const name = `compile-${entries}`;
        const profile = k === 0 && args.cpuProf ? ['--profile', join(args.cpuProf, name)] : [];
        runs.push(await runChild('compile.mjs', ['--entries', String(entries), '--seed', args.seed, ...profile], { nodeArgs: ['--expose-gc'] }));
        if (profile.length > 0) summarizeProfiles(args.cpuProf, name, results);
      }
      const row = { ...runs[0] };
      for (const key of ['loadMs', 'mergeMs', 'compileMs', 'totalMs', 'warmTotalMs', 'retainedHeapMb', 'peakRssMb', 'cacheReadMs', 'cacheMb']) row[key] = median(runs.map((r) => r[key]));
      row.runs = runs.length;
      results.compile.push(row);
      log(`compile ${entries}: ${row.totalMs} ms, heap ${row.retainedHeapMb} MB`);
    }
  }

  if (args.only.includes('scan')) {
    const s = config.scan;
    const scanArgs = ['--documents', String(s.documents), '--bytes', String(s.bytes), '--universe', String(config.universe), '--big', String(config.bigDocumentBytes), '--entries', s.entries.join(','), '--repeats', String(s.repeats), '--workspace-entries', String(config.lsp.entries), '--grep-bytes', String(s.grepBytes), '--seed', args.seed];
    if (args.cpuProf) scanArgs.push('--profile', join(args.cpuProf, 'scan'));
    results.scan = await runChild('scan.mjs', scanArgs, { oneCore: true });
    summarizeProfiles(args.cpuProf, 'scan', results);
  }

  if (args.only.includes('lsp')) {
    results.lsp = [];
    for (const [documents, bytes] of lspSizes) {
      log(`language server on ${documents} documents / ${bytes / 1e6} MB ...`);
      const largest = documents === lspSizes[lspSizes.length - 1][0];
      const l = config.lsp;
      const name = `server-${documents}`;
      const lspArgs = ['--documents', String(documents), '--bytes', String(bytes), '--entries', String(l.entries), '--universe', String(config.universe), '--big', String(config.bigDocumentBytes), '--hovers', String(l.hovers), '--edits', String(l.edits), '--glossary-edits', String(l.glossaryEdits), '--phase-limit', String(largest ? l.phaseLimit : l.growthPhaseLimit), '--seed', args.seed];
      // One profile of the server per phase (index, hover, keystroke, ...).
      if (args.cpuProf) lspArgs.push('--profile-phases', join(args.cpuProf, name), '--server', PROFILED_SERVER_BUNDLE);
      results.lsp.push(await runChild('lsp.mjs', lspArgs));
      summarizeProfiles(args.cpuProf, name, results);
    }
  }

  results.durationMs = Date.now() - started;
  results.loadAverage.end = loadavg().map((x) => Math.round(x * 100) / 100);
  results.budgets = evaluateBudgets(results, config, args.quick);
  mkdirSync(join(REPO_ROOT, 'bench', 'out'), { recursive: true });
  // Profiled runs are slower: their figures are kept apart from the plain ones.
  const name = `results${args.quick ? '-quick' : ''}${args.cpuProf ? '-profiled' : ''}.json`;
  writeFileSync(join(REPO_ROOT, 'bench', 'out', name), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results)}\n\n`);
  process.stdout.write(`${report(results)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exit(1);
});
