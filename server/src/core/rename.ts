import { addEditsTo, emptyChanges } from './workspaceChanges';
import { renameIdEdits } from './glossaryEdits';
import { locate } from './navigation';
import type { Location, WorkspaceChanges } from './results';
import type { PolicyService } from './service';
import type { Position, TextFile } from './types';

export type RenameResult = { changes: WorkspaceChanges } | { error: string };

/** The id format of the glossary (format v1). */
export const ENTRY_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** What a rename at this position would rename: the entry id, shown in the span under the cursor. */
export function prepareRename(service: PolicyService, file: TextFile, position: Position): { range: Location['range']; placeholder: string } | { error: string } | undefined {
  const target = locate(service, file, position);
  if (!target) return undefined;
  if (target.type === 'unknown-annotation') return { error: `No glossary entry has the id '${target.annotation.id}'.` };
  if (target.type !== 'entry') return { error: 'Only glossary entries can be renamed.' };
  return { range: target.renameRange, placeholder: target.entry.id };
}

/**
 * Renames an entry id everywhere at once: its `id`, every `use`/`related` naming it in every glossary
 * file, and every `[[id]]` or `[[id|text]]` annotation in the workspace's documents.
 */
export function renameEntry(service: PolicyService, file: TextFile, position: Position, newId: string): RenameResult {
  const target = locate(service, file, position);
  if (!target || target.type !== 'entry') return { error: 'Only glossary entries can be renamed.' };
  return renameEntryId(service, target.entry.id, newId.trim(), file);
}

export function renameEntryId(service: PolicyService, oldId: string, newId: string, current?: TextFile): RenameResult {
  if (!ENTRY_ID_PATTERN.test(newId)) return { error: `'${newId}' is not a valid id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.` };
  if (newId === oldId) return { changes: emptyChanges() };
  if (service.getEntry(newId)) return { error: `An entry with the id '${newId}' already exists.` };
  const changes = emptyChanges();
  for (const uri of service.glossaryFileUris()) {
    const text = service.getGlossaryText(uri);
    if (text === undefined) continue;
    const result = renameIdEdits(text, oldId, newId);
    if ('error' in result) return { error: result.error };
    addEditsTo(changes, uri, result.edits);
  }
  const annotations = service.index.annotationsOf(oldId);
  // A document outside the index (opened from elsewhere) still has its own annotations renamed.
  if (current && !service.hasGlossaryFile(current.uri) && !service.index.has(current.uri)) {
    for (const annotation of service.analyze(current).annotations) {
      if (annotation.id === oldId) annotations.push({ uri: current.uri, annotation });
    }
  }
  for (const { uri, annotation } of annotations) {
    addEditsTo(changes, uri, [{ range: annotation.idSpan.range, newText: newId }]);
  }
  return { changes };
}
