import type { GlossaryText } from './documentRecords';
import type { Glossary, GlossaryFile } from './glossary/model';
import { compiledGlossaryOf, compiledTablesOf, type CompiledGlossary, type CompiledTables } from './recognition/compile';

/**
 * A glossary as built from a set of file texts, in the form a glossary cache keeps: each file as loaded,
 * the merged glossary and the compiled tables. Only plain data: a cache may write it to disk.
 */
export interface GlossarySnapshot {
  /** The files as loaded (before merging), in URI order. */
  files: GlossaryFile[];
  glossary: Glossary;
  tables: CompiledTables;
}

/**
 * Keeps built glossaries between runs, by the texts of their files: a restart with unchanged glossary
 * files (the usual case) skips loading, merging and compiling them. A cache may keep nothing, answer
 * nothing, or fail silently: callers then build the glossary from its texts as they would without one.
 */
export interface GlossaryCache {
  /** The glossary built from exactly these texts, if the cache has it. */
  load(texts: readonly GlossaryText[]): GlossarySnapshot | undefined;
  /** Keeps the glossary built from these texts (it replaces what the cache held). */
  save(texts: readonly GlossaryText[], snapshot: GlossarySnapshot): void;
}

/** Whether two lists of glossary texts (in URI order) are the same files with the same texts. */
export function sameGlossaryTexts(a: readonly GlossaryText[], b: readonly GlossaryText[]): boolean {
  return a.length === b.length && a.every((file, i) => file.uri === b[i].uri && file.text === b[i].text);
}

/** A built glossary as a snapshot for a cache. */
export function snapshotOf(files: readonly GlossaryFile[], compiled: CompiledGlossary): GlossarySnapshot {
  return { files: files.slice(), glossary: compiled.glossary, tables: compiledTablesOf(compiled) };
}

/** The compiled glossary of a snapshot from a cache. */
export function compiledOfSnapshot(snapshot: GlossarySnapshot): CompiledGlossary {
  return compiledGlossaryOf(snapshot.glossary, snapshot.tables);
}

/**
 * Whether a snapshot from a cache is one of these texts' files and has the parts a glossary needs: a cache
 * on disk may hold anything (a file written by another version, or damaged), and a wrong one must be
 * dropped rather than used.
 */
export function snapshotFits(snapshot: unknown, texts: readonly GlossaryText[]): snapshot is GlossarySnapshot {
  if (typeof snapshot !== 'object' || snapshot === null) return false;
  const { files, glossary, tables } = snapshot as Partial<GlossarySnapshot>;
  if (!Array.isArray(files) || files.length !== texts.length) return false;
  if (!files.every((file, k) => typeof file === 'object' && file !== null && file.uri === texts[k].uri && Array.isArray(file.entries))) return false;
  if (typeof glossary !== 'object' || glossary === null || !Array.isArray(glossary.entries) || !(glossary.byId instanceof Map) || !Array.isArray(glossary.files)) return false;
  if (typeof tables !== 'object' || tables === null) return false;
  return tables.wordHashes instanceof Int32Array && tables.patternType instanceof Uint8Array && tables.entryShortStart instanceof Int32Array && tables.entryShortStart.length === glossary.entries.length + 1;
}
