#!/usr/bin/env node
// Scan throughput of the core on one core, next to `LC_ALL=C grep -F -c -f FORMS CORPUS` on the same corpus
// with the same written forms.
//
//   node bench/scan.mjs [--documents N] [--bytes N] [--entries 1000,10000,100000] [--repeats N] [--profile DIR]
//
// --profile DIR writes a CPU profile of the timed passes of each glossary size (scan-N.cpuprofile).
//
// The corpus is the documents of a generated workspace; each glossary size is a prefix of the same
// universe of entries. grep reads the same corpus repeated to about 100 MB, so that its scan outweighs
// the compile of its forms. Prints one JSON object on the last line of stdout.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCore } from './lib/build.mjs';
import { startPhaseProfile } from './lib/inspectorProfile.mjs';
import { mb, round1, round2 } from './lib/stats.mjs';
import { DEFAULT_SEED, ensureGlossary, ensureWorkspace } from './generate.mjs';

const now = () => performance.now();

/** Wall time of one grep run, in ms, and its output. */
function timeGrep(formsFile, corpusFile) {
  const t = now();
  const r = spawnSync('grep', ['-F', '-c', '-f', formsFile, corpusFile], { env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = now() - t;
  if (r.error) throw r.error;
  // grep exits 1 when no line matches: still a valid run.
  if (r.status !== 0 && r.status !== 1) throw new Error(`grep failed: ${r.stderr}`);
  return { ms, lines: Number(r.stdout.trim()) };
}

/**
 * The corpus file repeated until it holds at least `minBytes`, so that grep's scan outweighs the
 * compile of its forms (which is measured apart and subtracted).
 */
function repeatedCorpus(corpusFile, minBytes) {
  const size = statSync(corpusFile).size;
  const times = Math.max(1, Math.ceil(minBytes / size));
  const file = `${corpusFile}.x${times}`;
  if (!existsSync(file) || statSync(file).size !== size * times) {
    const text = readFileSync(corpusFile);
    writeFileSync(file, text);
    for (let k = 1; k < times; k++) appendFileSync(file, text);
  }
  return { file, bytes: size * times, times };
}

export function runScanBench({ seed = DEFAULT_SEED, documents, bytes, universe = 100_000, bigDocumentBytes, workspaceEntries = 10_000, entrySizes, repeats = 3, grepBytes = 100_000_000, profileDir, log = () => {} }) {
  const core = loadCore();
  // The corpus does not depend on the workspace's own glossary; the key reuses the workspace of the LSP figures.
  const ws = ensureWorkspace({ seed, entries: workspaceEntries, documents, bytes, universe, bigDocumentBytes, log });
  const texts = ws.files.map((f) => readFileSync(join(ws.root, f), 'utf8'));
  const corpusBytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const emptyCorpus = join(ws.dir, 'empty.txt');
  writeFileSync(emptyCorpus, '');
  const grepCorpus = repeatedCorpus(ws.corpusFile, grepBytes);
  const rows = [];
  for (const entries of entrySizes) {
    const glossary = ensureGlossary({ seed, entries, log });
    const files = glossary.files.map((f) => core.loadGlossaryFile(pathToFileURL(join(glossary.dir, f)).toString(), readFileSync(join(glossary.dir, f), 'utf8')));
    const compiled = core.compileGlossary(core.mergeGlossary(files));
    // Warm up (the JIT), then time whole passes over the corpus.
    let mentions = 0;
    for (const text of texts) mentions += core.analyzeDocument(text, compiled).mentions.length;
    const passes = [];
    // CPU time of each pass too: on a machine others share, it is steadier than the wall time.
    const cpuPasses = [];
    const stopProfile = startPhaseProfile(profileDir, `scan-${entries}`);
    for (let k = 0; k < repeats; k++) {
      const cpu = process.cpuUsage();
      const t = now();
      for (const text of texts) core.analyzeDocument(text, compiled);
      passes.push(now() - t);
      const used = process.cpuUsage(cpu);
      cpuPasses.push((used.user + used.system) / 1000);
    }
    stopProfile();
    const oursMs = Math.min(...passes);
    // grep: whole runs, and runs on an empty file for the cost of reading and compiling the forms alone.
    const grepRuns = [];
    const grepSetup = [];
    let matchingLines = 0;
    for (let k = 0; k < repeats; k++) {
      const run = timeGrep(glossary.formsFile, grepCorpus.file);
      grepRuns.push(run.ms);
      matchingLines = run.lines;
      grepSetup.push(timeGrep(glossary.formsFile, emptyCorpus).ms);
    }
    const grepMs = Math.min(...grepRuns);
    const grepSetupMs = Math.min(...grepSetup);
    const grepScanMs = Math.max(1, grepMs - grepSetupMs);
    const grepMbPerSecond = grepCorpus.bytes / 1e6 / (grepMs / 1000);
    const grepScanMbPerSecond = grepCorpus.bytes / 1e6 / (grepScanMs / 1000);
    const oursMbPerSecond = corpusBytes / 1e6 / (oursMs / 1000);
    const forms = readFileSync(glossary.formsFile, 'utf8').split('\n').filter(Boolean).length;
    const row = {
      entries,
      forms,
      oursMs: Math.round(oursMs),
      oursMedianMs: Math.round([...passes].sort((a, b) => a - b)[Math.floor(passes.length / 2)]),
      oursCpuMs: Math.round(Math.min(...cpuPasses)),
      oursMbPerSecond: round1(oursMbPerSecond),
      mentions,
      grepMs: Math.round(grepMs),
      grepSetupMs: Math.round(grepSetupMs),
      grepMbPerSecond: round1(grepMbPerSecond),
      grepScanMbPerSecond: round1(grepScanMbPerSecond),
      grepMatchingLines: matchingLines,
      // Ours against grep's scan alone (grep's forms compile excluded, as ours excludes the glossary compile).
      ratio: round2(oursMbPerSecond / grepScanMbPerSecond),
      ratioWholeRun: round2(oursMbPerSecond / grepMbPerSecond),
    };
    log(`  scan ${entries} entries: ours ${row.oursMbPerSecond} MB/s (${row.oursMs} ms per pass, ${row.oursCpuMs} ms CPU), grep ${row.grepScanMbPerSecond} MB/s (scan) / ${row.grepMbPerSecond} MB/s (whole run), ratio ${row.ratio}`);
    rows.push(row);
  }
  return { corpus: { documents: texts.length, bytes: corpusBytes, mb: mb(corpusBytes) }, grepCorpus: { mb: mb(grepCorpus.bytes), times: grepCorpus.times }, repeats, rows };
}

function parseArgs(argv) {
  const args = { documents: 1000, bytes: 10_000_000, entrySizes: [1000, 10_000, 100_000], repeats: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === '--documents') args.documents = Number(value());
    else if (a === '--bytes') args.bytes = Number(value());
    else if (a === '--universe') args.universe = Number(value());
    else if (a === '--big') args.bigDocumentBytes = Number(value());
    else if (a === '--entries') args.entrySizes = value().split(',').map(Number);
    else if (a === '--repeats') args.repeats = Number(value());
    else if (a === '--workspace-entries') args.workspaceEntries = Number(value());
    else if (a === '--grep-bytes') args.grepBytes = Number(value());
    else if (a === '--profile') args.profileDir = value();
    else if (a === '--seed') args.seed = value();
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = runScanBench({ ...parseArgs(process.argv.slice(2)), log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
