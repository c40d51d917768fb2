// The product's edits to glossary files, as text edits. The YAML work itself is done by the lossless edit
// module; this adapter only states what the language features need from it.
import type { EntryKind } from './glossary/model';
import type { TextEdit } from './types';

/** The fields a new entry is created with (from a quick fix or the Add to Glossary command). */
export interface NewEntryFields {
  id: string;
  kind: EntryKind;
  name: string;
  aliases?: string[];
  roles?: { title: string; from?: string; to?: string }[];
  number?: string;
  issuer?: string;
  date?: string;
}

/** Edits that rename an entry id in one glossary file (its `id` and every `use`/`related` naming it). */
export function renameIdEdits(_text: string, _oldId: string, _newId: string): TextEdit[] {
  throw new Error('Renaming glossary ids is not available.');
}

/** Edits that append an entry to a glossary file's `entries` (the whole text when the file is new). */
export function addEntryEdits(_text: string, _fields: NewEntryFields): TextEdit[] {
  throw new Error('Adding glossary entries is not available.');
}
