import type { EntryKind } from '../glossary/model';
import type { Range } from '../types';
import type { DocumentNumber } from './documentNumber';

/** The language rules apply in: English or Vietnamese. */
export type DocumentLanguage = 'en' | 'vi';

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
  /** A form of address (`ông`, `bà`, `đồng chí`), not a title: nothing to check against roles. */
  honorific?: boolean;
  /** The language the title is written in. */
  lang?: DocumentLanguage;
}

/** How a document was cited: its parsed number and the type word written before it. */
export interface DocumentCitation {
  /** The parsed number; absent for a short reference (`Resolution 59`). */
  number?: DocumentNumber;
  /** The type word before the number (`Resolution`, `Nghị quyết`), if any. */
  typeWord?: TextSpan;
  /** The type codes the type word stands for (`NQ` for `Resolution`; `D` for `Đ`). */
  typeWordCodes?: readonly string[];
  /** True when the type word does not fit the number's type code (`Nghị quyết số 123/QĐ-TTg`). */
  typeMismatch?: boolean;
}

/** A place in a document that refers to a glossary entry. */
export interface Mention extends TextSpan {
  entryId: string;
  kind: EntryKind;
  match: MatchKind;
  /** For officials: the title written right before the name, if any. */
  title?: TitleContext;
  /** For document numbers and short references: how the document was cited. */
  document?: DocumentCitation;
}

/** A reference that fits several entries (`Resolution 59` with two resolutions numbered 59, a shared form). */
export interface AmbiguousReference extends TextSpan {
  entryIds: string[];
  /** How the reference was written (a shared name, a short name, a short document reference). */
  match?: MatchKind;
  document?: DocumentCitation;
}

/** Something the glossary lacks: an unknown document number or a titled official with no entry. */
export interface Candidate extends TextSpan {
  kind: 'resolution' | 'document' | 'official';
  /** Officials: the title and the name as written. */
  title?: string;
  name?: string;
  /** Officials: where the title stands (the candidate's own span is the name). */
  titleSpan?: TitleContext;
  /** Documents: the parsed number and the type word before it. */
  document?: DocumentCitation;
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
  /** The document's language: front matter `lang:`, else the language of most of its text. */
  lang?: DocumentLanguage;
  /** Paragraphs whose language differs from the document's (a Vietnamese quote in an English report). */
  languageSpans?: LanguageSpan[];
}

/** A stretch of a document in one language. */
export interface LanguageSpan {
  start: number;
  end: number;
  lang: DocumentLanguage;
}
