// The product's edits to glossary files, as text edits. The YAML work itself is done by the lossless edit
// module; this adapter turns its answers into what the language features need.
import { addEntry, renameEntryId, type NewGlossaryEntry } from './glossary/edit';
import type { TextEdit } from './types';

/** The fields a new entry is created with (from a quick fix or the Add to Glossary command). */
export type NewEntryFields = NewGlossaryEntry;

export type EditsOrError = { edits: TextEdit[] } | { error: string };

/** Edits that rename an entry id in one glossary file (its `id` and every `use`/`related` naming it). */
export function renameIdEdits(text: string, oldId: string, newId: string): EditsOrError {
  const result = renameEntryId(text, oldId, newId);
  return result.ok ? { edits: result.edits } : { error: result.message };
}

/** Edits that append an entry to a glossary file's `entries` (the whole text when the file is new). */
export function addEntryEdits(text: string, fields: NewEntryFields): EditsOrError {
  const result = addEntry(text, fields);
  return result.ok ? { edits: result.edits } : { error: result.message };
}
