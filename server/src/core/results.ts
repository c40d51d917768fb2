// Answers of the language service in the core's own types. The server converts them to protocol types.
import type { EntryKind, GlossaryEntry } from './glossary/model';
import type { DocumentDiagnostic } from './diagnostics';
import type { AmbiguousReference, Annotation, Candidate, Mention } from './recognition/mention';
import type { Range, TextEdit } from './types';

export interface Location {
  uri: string;
  range: Range;
}

export interface Hover {
  /** Markdown built from escaped user text. */
  markdown: string;
  range: Range;
}

/** What stands at a position of a document or glossary file. */
export type Target =
  | {
      type: 'entry';
      entry: GlossaryEntry;
      /** The span under the cursor (a mention, an annotation, or an id in a glossary file). */
      range: Range;
      /** The span a rename replaces in place (an annotation's or glossary value's id, else the mention). */
      renameRange: Range;
      mention?: Mention;
      annotation?: Annotation;
      /** Set in glossary files: which value names the entry. */
      glossaryValue?: 'id' | 'use' | 'related';
    }
  | { type: 'unknown-annotation'; annotation: Annotation; range: Range }
  | { type: 'ambiguous'; reference: AmbiguousReference; range: Range }
  | { type: 'candidate'; candidate: Candidate; range: Range };

/** Text edits to several files, plus files to create first (with their whole text as one edit). */
export interface WorkspaceChanges {
  /** Files that do not exist yet; the edits for them insert their whole text. */
  create: string[];
  edits: { uri: string; edits: TextEdit[] }[];
}

export interface CodeFix {
  title: string;
  diagnostic: DocumentDiagnostic;
  changes: WorkspaceChanges;
  isPreferred?: boolean;
}

export interface CompletionEntry {
  label: string;
  /** The entry kind, or undefined for plain text suggestions. */
  kind?: EntryKind;
  detail?: string;
  /** Markdown documentation (escaped). */
  documentation?: string;
  /** Replaces `range`. */
  newText: string;
  range: Range;
  filterText?: string;
  sortText?: string;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** True when the list was cut short and typing more should ask again. */
  isIncomplete: boolean;
}

/** The outline of a document: kinds, then entries mentioned, then their mentions. */
export interface SymbolNode {
  name: string;
  detail?: string;
  kind: EntryKind | 'group' | 'mention';
  range: Range;
  selectionRange: Range;
  deprecated?: boolean;
  children: SymbolNode[];
}

export interface WorkspaceSymbol {
  name: string;
  kind: EntryKind;
  containerName: string;
  location: Location;
  deprecated?: boolean;
}

/** A highlighted span; never crosses a line. */
export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  kind: EntryKind;
  deprecated: boolean;
}

export interface InlayHint {
  position: { line: number; character: number };
  label: string;
  tooltip?: string;
}

export interface CodeLensInfo {
  range: Range;
  entryId: string;
}

export interface DocumentLink {
  range: Range;
  target: string;
  tooltip?: string;
}
