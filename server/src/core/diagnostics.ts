import type { Glossary } from './glossary/model';
import type { DocumentAnalysis } from './recognition/mention';
import type { Range, Severity } from './types';

/** Stable codes of the diagnostics reported in documents. */
export const DOCUMENT_DIAGNOSTIC_CODES = [
  'unknown-document',
  'unknown-official',
  'ambiguous-reference',
  'unknown-annotation',
  'deprecated-term',
  'title-mismatch',
  'title-outdated',
  'name-variant',
] as const;
export type DocumentDiagnosticCode = (typeof DOCUMENT_DIAGNOSTIC_CODES)[number];

/** Per-code severity chosen by the user; `off` hides the code. */
export type SeverityOverrides = Partial<Record<string, Severity | 'off'>>;

export interface DocumentDiagnostic {
  code: DocumentDiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  /** UTF-16 offsets of the range. */
  start: number;
  end: number;
  /** What a quick fix needs (entry ids, suggested texts). */
  data?: unknown;
}

/** Checks a document's analysis against the glossary. */
export function computeDocumentDiagnostics(
  analysis: DocumentAnalysis,
  _glossary: Glossary,
  overrides: SeverityOverrides = {},
): DocumentDiagnostic[] {
  const out: DocumentDiagnostic[] = [];
  const push = (d: DocumentDiagnostic) => {
    const override = overrides[d.code];
    if (override === 'off') return;
    out.push(override ? { ...d, severity: override } : d);
  };
  for (const c of analysis.candidates) {
    push({
      code: c.kind === 'official' ? 'unknown-official' : 'unknown-document',
      severity: 'warning',
      message: c.kind === 'official' ? `${c.text} is not in the glossary.` : `Document ${c.text} is not in the glossary.`,
      range: c.range,
      start: c.start,
      end: c.end,
    });
  }
  for (const a of analysis.annotations.filter((a) => !a.known)) {
    push({ code: 'unknown-annotation', severity: 'error', message: `No glossary entry has the id '${a.id}'.`, range: a.idSpan.range, start: a.idSpan.start, end: a.idSpan.end });
  }
  return out.sort((a, b) => a.start - b.start);
}
