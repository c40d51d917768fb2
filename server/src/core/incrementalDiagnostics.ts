import type { DocumentAnalysis } from './recognition/mention';
import type { DocumentDiagnostic } from './diagnostics';
import type { LineMap } from './text';

/**
 * Diagnostics after an edit without checking every mention again. A keystroke in ordinary prose leaves a
 * document's findings as they were, only moved: when the new analysis equals the old one with every span
 * after the edit shifted by the edit's length change, the old diagnostics, shifted the same way, are the
 * new ones (diagnostics depend on the findings, the glossary and the settings, never on the text between).
 */

/** The region an edit replaced: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest region that differs between two texts (common prefix and suffix kept out). */
export function findTextEdit(oldText: string, newText: string): TextEdit {
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/**
 * True when `next` is `previous` with the edit applied to positions: every span (an object with numeric
 * `start` and `end`) lies wholly before the edit and is unchanged, or wholly after it and moved by the
 * length change; every other value is equal. `range` fields follow from `start`/`end` and are not compared.
 */
export function analysisMovedByEdit(previous: DocumentAnalysis, next: DocumentAnalysis, edit: TextEdit): boolean {
  return sameMoved(previous, next, edit, edit.newEnd - edit.oldEnd);
}

function sameMoved(a: unknown, b: unknown, edit: TextEdit, delta: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameMoved(a[i], b[i], edit, delta)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  if (typeof x.start === 'number' && typeof x.end === 'number') {
    if (typeof y.start !== 'number' || typeof y.end !== 'number') return false;
    const kept = x.end <= edit.start && y.start === x.start && y.end === x.end;
    const moved = x.start >= edit.oldEnd && y.start === x.start + delta && y.end === x.end + delta;
    if (!kept && !moved) return false;
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
    if (key === 'range' || ((key === 'start' || key === 'end') && typeof x[key] === 'number')) continue;
    if (!sameMoved(x[key], y[key], edit, delta)) return false;
  }
  return true;
}

/**
 * The previous diagnostics moved by an edit, when every one lies wholly before or after it; undefined
 * when one overlaps the edit (then they must be computed again). Ranges after the edit come from the
 * new text's line map.
 */
export function moveDiagnostics(
  diagnostics: readonly DocumentDiagnostic[],
  edit: TextEdit,
  lineMap: LineMap,
): DocumentDiagnostic[] | undefined {
  const delta = edit.newEnd - edit.oldEnd;
  const moved: DocumentDiagnostic[] = [];
  for (const d of diagnostics) {
    // A line break written right at the edit (`\r` then `\n`) can move the line of the edit's start.
    if (d.end < edit.start) moved.push(d);
    else if (d.end === edit.start) moved.push({ ...d, range: lineMap.rangeOf(d.start, d.end) });
    else if (d.start >= edit.oldEnd) {
      const start = d.start + delta;
      const end = d.end + delta;
      moved.push({ ...d, start, end, range: lineMap.rangeOf(start, end) });
    } else return undefined;
  }
  return moved;
}

/**
 * The diagnostics of `next`, moved from those of `previous` when the edit between their texts only moved
 * the findings; undefined when they must be computed afresh. The caller ensures the same glossary and
 * settings were used.
 */
export function diagnosticsAfterEdit(
  previous: { text: string; analysis: DocumentAnalysis; diagnostics: readonly DocumentDiagnostic[] },
  next: { text: string; analysis: DocumentAnalysis; lineMap: LineMap },
): DocumentDiagnostic[] | undefined {
  const edit = findTextEdit(previous.text, next.text);
  if (!analysisMovedByEdit(previous.analysis, next.analysis, edit)) return undefined;
  return moveDiagnostics(previous.diagnostics, edit, next.lineMap);
}
