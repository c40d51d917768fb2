import type { WorkspaceChanges } from './results';
import type { TextEdit } from './types';

export function emptyChanges(): WorkspaceChanges {
  return { create: [], edits: [] };
}

/** Appends edits for a file, keeping one group per file. */
export function addEditsTo(changes: WorkspaceChanges, uri: string, edits: TextEdit[]): void {
  if (edits.length === 0) return;
  const group = changes.edits.find((g) => g.uri === uri);
  if (group) group.edits.push(...edits);
  else changes.edits.push({ uri, edits: edits.slice() });
}

/** Applies non-overlapping edits given as offsets to a text (used by tests and by callers that hold text). */
export function applyOffsetEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  let out = text;
  for (const edit of edits.slice().sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
