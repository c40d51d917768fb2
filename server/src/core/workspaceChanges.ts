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
