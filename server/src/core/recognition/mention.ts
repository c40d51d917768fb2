import type { EntryKind } from '../glossary/model';
import type { Range } from '../types';

/** How a mention was recognised. */
export type MatchKind = 'name' | 'alias' | 'native' | 'short' | 'number' | 'annotation';

/** A stretch of document text: UTF-16 offsets and the same as a range. */
export interface TextSpan {
  start: number;
  end: number;
  range: Range;
  /** The text as it stands in the document. */
  text: string;
}

/** A role title written right before a name (`Deputy Foreign Minister` in `Deputy Foreign Minister Nguyen Manh Cuong`). */
export interface TitleContext extends TextSpan {
  /** True after `former`, `late`, `then-` and the like: the title is not claimed for the document's date. */
  historical: boolean;
}

/** A place in a document that refers to a glossary entry. */
export interface Mention extends TextSpan {
  entryId: string;
  kind: EntryKind;
  match: MatchKind;
  /** For officials: the title written right before the name, if any. */
  title?: TitleContext;
}

/** A reference that fits several entries (`Resolution 59` with two resolutions numbered 59, a shared form). */
export interface AmbiguousReference extends TextSpan {
  entryIds: string[];
}

/** Something the glossary lacks: an unknown document number or a titled official with no entry. */
export interface Candidate extends TextSpan {
  kind: 'resolution' | 'document' | 'official';
  /** Officials: the title and the name as written. */
  title?: string;
  name?: string;
}

/** An explicit `[[id]]` or `[[id|shown text]]` annotation. */
export interface Annotation extends TextSpan {
  id: string;
  idSpan: TextSpan;
  shown?: string;
  /** False when the glossary has no entry with this id. */
  known: boolean;
}

/** Everything recognition finds in one document. */
export interface DocumentAnalysis {
  mentions: Mention[];
  ambiguous: AmbiguousReference[];
  candidates: Candidate[];
  annotations: Annotation[];
  /** The document's date (ISO), from front matter, a leading date line or a dateline. */
  date?: string;
}
