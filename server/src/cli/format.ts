// The text and JSON outputs of `check` and the JSON index of `scan`.
import type { Range, Severity } from '../core/types';
import { allDiagnostics, comparePositions, type FileDiagnostic, type RunResult } from './runner';

/** Version of the JSON outputs; bumped when their shape changes incompatibly. */
export const OUTPUT_VERSION = 1;

export interface SeverityCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export function countSeverities(diagnostics: FileDiagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  const field: Record<Severity, keyof SeverityCounts> = { error: 'errors', warning: 'warnings', information: 'information', hint: 'hints' };
  for (const d of diagnostics) counts[field[d.severity]]++;
  return counts;
}

/** One line per diagnostic, `path:line:column: severity code message` (1-based), then a summary line. */
export function formatCheckText(result: RunResult): string {
  const diagnostics = allDiagnostics(result);
  const lines = diagnostics.map(
    (d) => `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${oneLine(d.message)}`,
  );
  lines.push(summaryLine(result, countSeverities(diagnostics)));
  return lines.join('\n') + '\n';
}

function summaryLine(result: RunResult, counts: SeverityCounts): string {
  const checked = `Checked ${plural(result.documents.length, 'document')} and ${plural(result.glossaryFiles.length, 'glossary file')}`;
  const found = [
    counts.errors ? plural(counts.errors, 'error') : '',
    counts.warnings ? plural(counts.warnings, 'warning') : '',
    counts.information ? `${counts.information} information` : '',
    counts.hints ? plural(counts.hints, 'hint') : '',
  ].filter(Boolean);
  const skipped = result.skipped.length ? ` (${plural(result.skipped.length, 'file')} skipped)` : '';
  return `${checked}: ${found.length ? found.join(', ') : 'no problems'}${skipped}.`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Messages stay on their line so that every output line is one diagnostic. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** `check --format json`: every diagnostic with its path, and the counts. */
export function formatCheckJson(result: RunResult): string {
  const diagnostics = allDiagnostics(result);
  const output = {
    version: OUTPUT_VERSION,
    glossary: { files: result.glossaryFiles, entries: result.entries },
    documents: result.documents.length,
    skipped: result.skipped,
    diagnostics: diagnostics.map((d) => ({
      path: d.path,
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: plainRange(d.range),
      ...(d.related ? { related: d.related.map((r) => ({ path: r.path, range: plainRange(r.range), message: r.message })) } : {}),
    })),
    summary: countSeverities(diagnostics),
  };
  return JSON.stringify(output, null, 2) + '\n';
}

/** `scan`: the index as data, in the shape the documentation promises. */
export function formatScanJson(result: RunResult): string {
  const output = {
    version: OUTPUT_VERSION,
    glossary: { files: result.glossaryFiles, entries: result.entries },
    documents: result.documents.map((doc) => {
      const analysis = doc.analysis;
      return {
        path: doc.path,
        date: analysis?.date ?? null,
        mentions: [...(analysis?.mentions ?? [])]
          .sort((a, b) => comparePositions(a.range, b.range))
          .map((m) => ({ id: m.entryId, kind: m.kind, text: m.text, match: m.match, range: plainRange(m.range) })),
        candidates: [...(analysis?.candidates ?? [])]
          .sort((a, b) => comparePositions(a.range, b.range))
          .map((c) => ({ kind: c.kind, text: c.text, range: plainRange(c.range) })),
        diagnostics: doc.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: plainRange(d.range) })),
      };
    }),
  };
  return JSON.stringify(output, null, 2) + '\n';
}

/** A range with exactly the LSP fields, whatever else the object carries. */
export function plainRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
