// Summaries of V8 CPU profiles (.cpuprofile files written by `node --cpu-prof`): where the time goes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The newest .cpuprofile file in `dir`, or undefined. */
export function newestProfile(dir) {
  try {
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
    return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  } catch {
    return undefined;
  }
}

const shortUrl = (url) => url.replace(/^file:\/\//, '').replace(/^.*\/(dist|bench|server|node_modules)\//, '$1/');

/** Source maps of bundles (`X.js.map` next to `X.js`), so that minified bundles still name their sources. */
const sourceMaps = new Map();
const sourceLines = new Map();

function sourceMapOf(path) {
  if (!sourceMaps.has(path)) {
    let map;
    try {
      const payload = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
      map = new SourceMap(payload);
      // The sources as they were bundled (the files on disk may have changed since).
      (payload.sources ?? []).forEach((source, k) => {
        const content = payload.sourcesContent?.[k];
        if (typeof content === 'string') sourceLines.set(resolve(dirname(path), source), content.split('\n'));
      });
    } catch {
      map = undefined;
    }
    sourceMaps.set(path, map);
  }
  return sourceMaps.get(path);
}

/** A name for the function at an original source line: the method or function declared there. */
function declaredName(file, line) {
  if (!sourceLines.has(file)) {
    try {
      sourceLines.set(file, readFileSync(file, 'utf8').split('\n'));
    } catch {
      sourceLines.set(file, []);
    }
  }
  const text = sourceLines.get(file)[line] ?? '';
  return /(?:function\s*\*?\s*|^\s*(?:(?:private|public|protected|static|async|get|set|readonly)\s+)*)([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\(/.exec(text)?.[1] ?? /([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?\(/.exec(text)?.[1];
}

/** The original source file and line of a frame in a bundle with a source map, and a function name there. */
function original(frame) {
  if (!frame.url.startsWith('file://') && !frame.url.startsWith('/')) return undefined;
  const path = frame.url.replace(/^file:\/\//, '');
  const map = sourceMapOf(path);
  if (!map) return undefined;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) return undefined;
  const file = resolve(dirname(path), entry.originalSource);
  const source = relative(REPO, file);
  return { source, line: entry.originalLine + 1, name: declaredName(file, entry.originalLine) ?? entry.name };
}

/**
 * Self time by function (with its file and line), the total sampled time, and self time by source file
 * (from the source map's names where the bundle keeps them).
 */
export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // The profiler's own work (stopping and serialising, under the benchmark's profiling hooks) is left out.
  const excluded = new Set();
  const exclude = (id) => {
    excluded.add(id);
    for (const child of byId.get(id).children ?? []) exclude(child);
  };
  for (const n of profile.nodes) if (/phase-profiler\.cjs|inspectorProfile\.mjs/.test(n.callFrame.url) && !excluded.has(n.id)) exclude(n.id);
  const selfById = new Map();
  profile.samples.forEach((id, i) => {
    if (!excluded.has(id)) selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byFunction = new Map();
  let total = 0;
  for (const [id, micros] of selfById) {
    const frame = byId.get(id).callFrame;
    const mapped = original(frame);
    const key = mapped
      ? `${mapped.name ?? frame.functionName ?? '(anonymous)'} ${mapped.source}:${mapped.line}`
      : `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    total += micros;
  }
  const idle = [...byFunction].filter(([k]) => k.startsWith('(idle)') || k.startsWith('(program)')).reduce((s, [, v]) => s + v, 0);
  const busy = total - idle;
  const functions = [...byFunction]
    .filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, micros]) => ({ fn, ms: Math.round(micros / 1000), percentOfBusy: Math.round((micros / busy) * 1000) / 10 }));
  // Self time by source file.
  const byFile = new Map();
  for (const [key, micros] of byFunction) {
    if (key.startsWith('(idle)') || key.startsWith('(program)')) continue;
    const source = / ([^\s:]+)(?::\d+)?$/.exec(key)?.[1] ?? key;
    byFile.set(source, (byFile.get(source) ?? 0) + micros);
  }
  const files = [...byFile]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([source, micros]) => ({ source, ms: Math.round(micros / 1000), percentOfBusy: Math.round((micros / busy) * 1000) / 10 }));
  return { file, totalMs: Math.round(total / 1000), busyMs: Math.round(busy / 1000), functions, files };
}

/** A profile summary as text lines. */
export function formatProfile(summary) {
  const lines = [`${summary.file}: ${summary.busyMs} ms busy of ${summary.totalMs} ms sampled`];
  for (const f of summary.functions) lines.push(`  ${String(f.ms).padStart(7)} ms ${String(f.percentOfBusy).padStart(5)}%  ${f.fn}`);
  lines.push('  by source file:');
  for (const f of summary.files) lines.push(`  ${String(f.ms).padStart(7)} ms ${String(f.percentOfBusy).padStart(5)}%  ${f.source}`);
  return lines.join('\n');
}
