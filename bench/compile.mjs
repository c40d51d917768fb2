#!/usr/bin/env node
// Glossary load and compile: time and heap, in a fresh process (run with --expose-gc for the heap figure).
//
//   node --expose-gc bench/compile.mjs --entries N [--profile DIR]
//
// --profile DIR writes a CPU profile of the first load and compile (compile-N.cpuprofile).
// Times loadGlossaryFile for every file, mergeGlossary and compileGlossary, then a second load and
// compile in the same process (what a glossary edit costs once the code is warm), and reading the
// glossary back from the form the glossary cache keeps. Prints one JSON object on the last line of stdout.
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCore } from './lib/build.mjs';
import { startPhaseProfile } from './lib/inspectorProfile.mjs';
import { mb, round1 } from './lib/stats.mjs';
import { DEFAULT_SEED, ensureGlossary } from './generate.mjs';

const now = () => performance.now();

function peakRss() {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) * 1024;
  } catch {
    return NaN;
  }
}

export function runCompileOnce({ seed = DEFAULT_SEED, entries, profileDir }) {
  const core = loadCore();
  const glossary = ensureGlossary({ seed, entries });
  const inputs = glossary.files.map((f) => ({ uri: pathToFileURL(join(glossary.dir, f)).toString(), text: readFileSync(join(glossary.dir, f), 'utf8') }));
  const gc = globalThis.gc;
  const loadAndCompile = () => {
    const t0 = now();
    const files = inputs.map((input) => core.loadGlossaryFile(input.uri, input.text));
    const t1 = now();
    const merged = core.mergeGlossary(files);
    const t2 = now();
    const compiled = core.compileGlossary(merged);
    const t3 = now();
    return { compiled, loadMs: t1 - t0, mergeMs: t2 - t1, compileMs: t3 - t2 };
  };
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const stopProfile = startPhaseProfile(profileDir, `compile-${entries}`);
  const first = loadAndCompile();
  stopProfile();
  gc?.();
  const retainedHeap = process.memoryUsage().heapUsed - heapBefore;
  const second = loadAndCompile();
  const peakRssMb = mb(peakRss());
  // A restart with unchanged glossary files reads the glossary back from the cache instead (as the
  // server's cache file does: V8's serializer), when the glossary is small enough to be kept.
  const files = inputs.map((input) => core.loadGlossaryFile(input.uri, input.text));
  const bytes = serialize(core.snapshotOf(files, core.compileGlossary(core.mergeGlossary(files))));
  const t0 = now();
  const restored = core.compiledOfSnapshot(deserialize(bytes));
  const cacheReadMs = now() - t0;
  const cached = inputs.reduce((n, input) => n + input.text.length, 0) <= core.MAX_CACHED_GLOSSARY_CHARS;
  const loaded = first.compiled.entries.length;
  const problems = first.compiled.glossary.problems.length;
  return {
    entries,
    files: inputs.length,
    glossaryMb: mb(glossary.bytes),
    loaded,
    problems,
    loadMs: Math.round(first.loadMs),
    mergeMs: Math.round(first.mergeMs),
    compileMs: Math.round(first.compileMs),
    totalMs: Math.round(first.loadMs + first.mergeMs + first.compileMs),
    warmTotalMs: Math.round(second.loadMs + second.mergeMs + second.compileMs),
    cacheReadMs: Math.round(cacheReadMs),
    cacheMb: mb(bytes.length),
    cachedByServer: cached && restored.entries.length === loaded,
    retainedHeapMb: gc ? round1(retainedHeap / 1e6) : null,
    peakRssMb,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--entries');
  const entries = at > 0 ? Number(process.argv[at + 1]) : 10_000;
  const seedAt = process.argv.indexOf('--seed');
  const profileAt = process.argv.indexOf('--profile');
  const result = runCompileOnce({ entries, seed: seedAt > 0 ? process.argv[seedAt + 1] : DEFAULT_SEED, profileDir: profileAt > 0 ? process.argv[profileAt + 1] : undefined });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
