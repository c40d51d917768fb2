// Summaries of V8 CPU profiles (.cpuprofile files written by `node --cpu-prof`): where the time goes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** For an esbuild bundle: the source file of each line, from the `// path` comments that open each module. */
const bundleSections = new Map();
function sourceOf(url, line) {
  if (!/\.(c?js)$/.test(url) || !/\/(dist|bench\/out)\//.test(url)) return undefined;
  let sections = bundleSections.get(url);
  if (!sections) {
    sections = [];
    try {
      readFileSync(url.replace(/^file:\/\//, ''), 'utf8').split('\n').forEach((text, i) => {
        const m = /^\/\/ ((?:server|client|node_modules|bench)\/\S+)$/.exec(text);
        if (m) sections.push([i, m[1]]);
      });
    } catch {
      // Not readable: no source names.
    }
    bundleSections.set(url, sections);
  }
  let found;
  for (const [start, path] of sections) {
    if (start > line) break;
    found = path;
  }
  return found;
}

/**
 * Self time by function (with its file and line), the total sampled time, and self time by source file
 * (from the source map's names where the bundle keeps them).
 */
export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfById = new Map();
  profile.samples.forEach((id, i) => selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  let total = 0;
  for (const [id, micros] of selfById) {
    const frame = byId.get(id).callFrame;
    const source = sourceOf(frame.url, frame.lineNumber);
    const key = `${frame.functionName || '(anonymous)'} ${source ?? shortUrl(frame.url)} (${shortUrl(frame.url)}:${frame.lineNumber + 1})`;
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
    const source = / (\S+) \(/.exec(key)?.[1] ?? key;
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
