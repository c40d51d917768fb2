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
  const floor = measureFloor(texts, corpusBytes, repeats);
  log(`  floor: reading every character ${floor.readMbPerSecond} MB/s, splitting into words and hashing them ${floor.wordsMbPerSecond} MB/s`);
  return { corpus: { documents: texts.length, bytes: corpusBytes, mb: mb(corpusBytes) }, grepCorpus: { mb: mb(grepCorpus.bytes), times: grepCorpus.times }, repeats, rows, floor };
}

/**
 * What any scan written in JavaScript pays on the same corpus before it recognises anything: reading every
 * character with a class lookup, and splitting the text into words with a hash of each (the least a
 * word-based matcher does). Printed beside grep's figure, so that the ratio to grep can be read against it.
 */
function measureFloor(texts, corpusBytes, repeats) {
  const wordChar = new Uint8Array(65536);
  for (let code = 0; code < 65536; code++) wordChar[code] = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)) ? 1 : 0;
  const readAll = () => {
    let n = 0;
    for (const text of texts) for (let i = 0; i < text.length; i++) n += wordChar[text.charCodeAt(i)];
    return n;
  };
  const splitWords = () => {
    let words = 0;
    let check = 0;
    for (const text of texts) {
      let hash = 0x811c9dc5 | 0;
      let inWord = false;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (wordChar[code]) {
          hash = Math.imul(hash ^ code, 16777619);
          inWord = true;
        } else if (inWord) {
          words++;
          check ^= hash;
          hash = 0x811c9dc5 | 0;
          inWord = false;
        }
      }
    }
    return words + (check & 1);
  };
  const best = (pass) => {
    let result = pass();
    let fastest = Infinity;
    for (let k = 0; k < repeats; k++) {
      const t = now();
      result = pass();
      fastest = Math.min(fastest, now() - t);
    }
    return { ms: fastest, result };
  };
  const read = best(readAll);
  const split = best(splitWords);
  const rate = (ms) => round1(corpusBytes / 1e6 / (ms / 1000));
  return { readMs: round1(read.ms), readMbPerSecond: rate(read.ms), wordsMs: round1(split.ms), wordsMbPerSecond: rate(split.ms), words: split.result };
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
