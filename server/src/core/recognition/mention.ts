import type { EntryKind } from '../glossary/model';
import type { Range } from '../types';

/** How a mention was recognised. */
export type MatchKind = 'name' | 'alias' | 'native' | 'short' | 'number' | 'annotation';

/** A place in a document that refers to a glossary entry. */
export interface Mention {
  entryId: string;
  kind: EntryKind;
  /** UTF-16 offsets into the document text. */
  start: number;
  end: number;
  range: Range;
  /** The text as it stands in the document. */
  text: string;
  match: MatchKind;
}
