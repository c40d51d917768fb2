import type { Range, Severity } from '../types';

export const ENTRY_KINDS = ['resolution', 'official', 'term', 'organization', 'agreement', 'event', 'place', 'other'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export type TermStatus = 'preferred' | 'admitted' | 'deprecated';
export type CaseRule = 'auto' | 'sensitive' | 'insensitive';

export interface Role {
  title: string;
  /** The title in the original language (Vietnamese), e.g. `Thứ trưởng Bộ Ngoại giao`. */
  native?: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  /** ISO date; missing means the role is still held. */
  to?: string;
}

/** Where an entry (or one of its values) stands in its glossary file. */
export interface SourceLocation {
  uri: string;
  range: Range;
}

/** One entry of the glossary, normalised: lists are always present, optional scalars may be missing. */
export interface GlossaryEntry {
  id: string;
  kind: EntryKind;
  name: string;
  aliases: string[];
  native?: string;
  /** Short forms as written in the file; undefined means "use the default" (last word of name and aliases). */
  short?: string[];
  roles: Role[];
  number?: string;
  issuer?: string;
  date?: string;
  summary?: string;
  source?: string;
  related: string[];
  status?: TermStatus;
  use?: string;
  case: CaseRule;
  /** `x-` keys, kept as they are. */
  extensions: Record<string, unknown>;
  /** The whole entry (the sequence item) in its file. */
  location: SourceLocation;
  /** The `id` value in its file. */
  idLocation: SourceLocation;
  /**
   * Where the entry's values stand in its file, packed as [startLine, startCharacter, endLine,
   * endCharacter] per value, in this order: name, each alias, native (if any), use (if any), each
   * related id. Set by the loader; read it with the helpers of `glossary/ranges.ts`. Packed because a
   * glossary may hold hundreds of thousands of entries.
   */
  valueRanges?: number[];
}

/** Stable codes of the problems reported in glossary files (documented in docs/glossary.md). */
export const GLOSSARY_PROBLEM_CODES = [
  'yaml-syntax',
  'invalid-type',
  'missing-key',
  'invalid-id',
  'invalid-kind',
  'unknown-key',
  'duplicate-key',
  'duplicate-id',
  'ambiguous-form',
  'unknown-reference',
  'deprecated-without-use',
  'invalid-date',
  'reversed-dates',
  'empty-form',
  'invalid-status',
  'invalid-case',
  'file-too-large',
  'binary-content',
  'invalid-encoding',
  'too-many-aliases',
  'nesting-too-deep',
  'unsupported-tag',
  'stale-entries',
] as const;
export type GlossaryProblemCode = (typeof GLOSSARY_PROBLEM_CODES)[number];

/** A problem found in a glossary file, with a stable code. */
export interface GlossaryProblem {
  code: GlossaryProblemCode;
  message: string;
  severity: Severity;
  uri: string;
  range: Range;
  related?: { uri: string; range: Range; message: string }[];
}

/** One glossary file after loading. */
export interface GlossaryFile {
  uri: string;
  title?: string;
  entries: GlossaryEntry[];
  problems: GlossaryProblem[];
  /** False when the YAML could not be parsed; the merged glossary then keeps this file's last good entries. */
  parsed: boolean;
  /**
   * Set by mergeGlossary on a file that does not parse: how many entries it keeps from the file's last
   * version that did (its `entries` are then those, with ranges of that version).
   */
  staleEntries?: number;
}

/** All glossary files merged. */
export interface Glossary {
  files: GlossaryFile[];
  entries: GlossaryEntry[];
  byId: ReadonlyMap<string, GlossaryEntry>;
  /**
   * Problems of every file, including those only visible across files (duplicate ids, shared forms,
   * unknown references). Each merged file's `problems` holds the same problems located in that file.
   */
  problems: GlossaryProblem[];
}
