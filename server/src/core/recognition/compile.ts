import type { Glossary, GlossaryEntry } from '../glossary/model';
import { DOCUMENT_TYPE_WORDS, normalizeDocumentNumber, parseDocumentNumber, serialKey, typeCodesOf } from './documentNumber';
import type { MatchKind } from './mention';
import { DEFAULT_TITLES, VIETNAMESE_HONORIFICS, VIETNAMESE_TITLES } from './titleWords';
import { foldedWord, HASH_PRIME, HASH_SEED, separatorClass, SEP_OTHER, TokenList, tokenize } from './tokens';

// A glossary compiled for a single pass over text. Every written form (names, aliases, native forms,
// short names, titles, document type words) becomes a path of (separator, word) steps in one trie over
// word ids; words are found by hash, so scanning a word costs one table probe whatever the glossary's size.

/** What a trie output is. */
export const P_FORM = 1;
export const P_TITLE = 2;
export const P_HONORIFIC = 3;
export const P_TYPE_WORD = 4;

/** Any case. */
export const CASE_ANY = 0;
/** As written, or in all capitals (headlines). */
export const CASE_WRITTEN_OR_CAPS = 1;
/** Exactly as written. */
export const CASE_WRITTEN = 2;

/** The form must be written with its diacritics (Vietnamese forms: `Đổi mới`, not `Doi moi`). */
export const F_DIACRITICS = 1;
/** A Vietnamese form. */
export const F_VIETNAMESE = 2;
/** The form's first letter is upper case. */
export const F_FIRST_UPPER = 4;

export const MATCH_KINDS: readonly MatchKind[] = ['name', 'alias', 'native', 'short', 'number', 'annotation'];
const MATCH_INDEX: Record<MatchKind, number> = { name: 0, alias: 1, native: 2, short: 3, number: 4, annotation: 5 };

/** Separator ids: 0 none, 1 join, 2 apostrophe, 3.. interned others; below this bound. */
export const SEPARATOR_SPACE = 64;

/** A probe table from word hash to word id. */
export class WordTable {
  readonly slots: Int32Array;
  readonly mask: number;

  constructor(
    ids: ArrayLike<number>,
    readonly hashes: Int32Array,
  ) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      let slot = hashes[id] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }
}

export interface CompiledGlossary {
  readonly glossary: Glossary;
  readonly entries: readonly GlossaryEntry[];
  /** Entry index by id. */
  readonly entryIndex: ReadonlyMap<string, number>;
  /** Folded words by id, and the hash of each. */
  readonly words: readonly string[];
  readonly wordHashes: Int32Array;
  /** 1 where another word has the same hash (then words are compared when looked up). */
  readonly sharedHash: Uint8Array;
  /** Every word, and the words that start a form. */
  readonly allWords: WordTable;
  readonly firstWords: WordTable;
  /** Trie: the node reached from the root by each word id (0 when none). */
  readonly rootChild: Int32Array;
  /** Trie: children of node n are childKey/childNode[childStart[n], childStart[n + 1]), keys sorted. */
  readonly childStart: Int32Array;
  readonly childKey: Int32Array;
  readonly childNode: Int32Array;
  /** Trie outputs: the first pattern ending at a node (-1 none), then patternNext. */
  readonly nodePattern: Int32Array;
  readonly patternNext: Int32Array;
  readonly patternType: Uint8Array;
  /** Entry index (forms), type word index, or -1. */
  readonly patternTarget: Int32Array;
  readonly patternMatch: Uint8Array;
  readonly patternCase: Uint8Array;
  readonly patternFlags: Uint8Array;
  readonly patternWritten: readonly string[];
  /** Separators other than join and apostrophe that forms contain (`.` in `U.S.`), by text. */
  readonly separatorIds: ReadonlyMap<string, number>;
  /** Entries by normalised document number. */
  readonly numbers: ReadonlyMap<string, number[]>;
  /** Entries by `TYPECODE:serial` for short references (`Resolution 59` -> `NQ:59`). */
  readonly shortReferences: ReadonlyMap<string, number[]>;
  /** The words of patterns as written, by pattern, filled when a pattern first needs a case or diacritics check. */
  readonly patternWords: (PatternWords | undefined)[];
}

/** A pattern's words as written, compared with the text's words where case or diacritics matter. */
export interface PatternWords {
  /** As written. */
  raw: string[];
  /** Diacritics stripped, case kept. */
  stripped: string[];
  /** NFC, lower case. */
  lower: string[];
  /** Upper-case folded units of each word (see caseBits). */
  caseBits: number[];
}

const FIRST_UPPER = /^[^\p{L}\p{N}]*\p{Lu}/u;

export function hashWord(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), HASH_PRIME);
  return hash;
}

/** The default short forms of an official: the last word of the name and of each alias. */
export function defaultShortForms(entry: GlossaryEntry): string[] {
  const out: string[] = [];
  for (const written of [entry.name, ...entry.aliases]) {
    const words = written.trim().split(/\s+/);
    if (words.length < 2) continue;
    const last = words[words.length - 1].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (last && !out.includes(last)) out.push(last);
  }
  return out;
}

/** The short forms of an entry: its `short` list, or by default (officials) the last words of its names. */
export function shortFormsOf(entry: GlossaryEntry): string[] {
  if (entry.short) return entry.short;
  return entry.kind === 'official' ? defaultShortForms(entry) : [];
}

interface PatternSpec {
  type: number;
  target: number;
  match: number;
  caseRule: number;
  flags: number;
  written: string;
}

export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const entries = glossary.entries;
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const separatorIds = new Map<string, number>();
  const scratch = new TokenList();

  const specs: PatternSpec[] = [];
  /** Edge keys of every pattern, flat; pattern p uses keys[keyStart[p], keyStart[p + 1]). */
  const keys: number[] = [];
  const keyStart: number[] = [0];
  const seen = new Set<string>();

  const wordId = (word: string): number => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = words.length;
      words.push(word);
      wordIds.set(word, id);
    }
    return id;
  };

  const addPattern = (spec: PatternSpec): void => {
    const written = spec.written;
    scratch.reset();
    tokenize(written, 0, written.length, scratch);
    if (scratch.count === 0 || scratch.count > 255) return;
    const dedupe = `${spec.type}\u0000${spec.target}\u0000${spec.match}\u0000${written}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    for (let k = 0; k < scratch.count; k++) {
      let separator = 0;
      if (k > 0) {
        const gapStart = scratch.end[k - 1];
        const gapEnd = scratch.start[k];
        separator = separatorClass(written, gapStart, gapEnd);
        if (separator === SEP_OTHER) {
          const gap = written.slice(gapStart, gapEnd);
          let id = separatorIds.get(gap);
          if (id === undefined) {
            // Beyond the space of ids a form with an unusual separator cannot match; none needs that many.
            if (separatorIds.size + SEP_OTHER >= SEPARATOR_SPACE) return;
            id = SEP_OTHER + separatorIds.size;
            separatorIds.set(gap, id);
          }
          separator = id;
        }
      }
      keys.push(wordId(foldedWord(written, scratch.start[k], scratch.end[k])) * SEPARATOR_SPACE + separator);
    }
    keyStart.push(keys.length);
    specs.push(spec);
  };

  // Forms of entries.
  const numbers = new Map<string, number[]>();
  const shortReferences = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [index]);
    else if (!list.includes(index)) list.push(index);
  };
  const titles = new Map<string, number>();
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    seen.clear();
    const caseRule = entry.case === 'insensitive' ? CASE_ANY : entry.case === 'sensitive' ? CASE_WRITTEN : entry.kind === 'term' ? CASE_ANY : CASE_WRITTEN_OR_CAPS;
    addPattern({ type: P_FORM, target: e, match: MATCH_INDEX.name, caseRule, flags: 0, written: entry.name });
    for (const alias of entry.aliases) addPattern({ type: P_FORM, target: e, match: MATCH_INDEX.alias, caseRule, flags: 0, written: alias });
    if (entry.native) addPattern({ type: P_FORM, target: e, match: MATCH_INDEX.native, caseRule, flags: F_DIACRITICS | F_VIETNAMESE, written: entry.native });
    for (const short of shortFormsOf(entry)) {
      addPattern({ type: P_FORM, target: e, match: MATCH_INDEX.short, caseRule: CASE_WRITTEN, flags: 0, written: short });
    }
    for (const role of entry.roles) {
      if (role.title && !titles.has(role.title)) titles.set(role.title, 0);
      if (role.native && !titles.has(role.native)) titles.set(role.native, F_DIACRITICS | F_VIETNAMESE);
    }
    if (entry.number) {
      const parsed = parseDocumentNumber(entry.number);
      push(numbers, normalizeDocumentNumber(entry.number), e);
      const serial = parsed ? serialKey(parsed.number) : /^\s*(\d+)/.exec(entry.number)?.[1];
      if (serial) {
        const codes = parsed ? typeCodesOf(parsed) : entry.kind === 'resolution' ? ['NQ'] : [];
        for (const code of codes) push(shortReferences, `${code}:${serialKey(serial)}`, e);
      }
    }
  }
  // Titles, honorifics and document type words.
  seen.clear();
  for (const title of DEFAULT_TITLES) if (!titles.has(title)) titles.set(title, 0);
  for (const title of VIETNAMESE_TITLES) if (!titles.has(title)) titles.set(title, F_DIACRITICS | F_VIETNAMESE);
  for (const [title, flags] of titles) addPattern({ type: P_TITLE, target: -1, match: 0, caseRule: CASE_ANY, flags, written: title });
  for (const honorific of VIETNAMESE_HONORIFICS) {
    addPattern({ type: P_HONORIFIC, target: -1, match: 0, caseRule: CASE_ANY, flags: F_DIACRITICS | F_VIETNAMESE, written: honorific });
  }
  DOCUMENT_TYPE_WORDS.forEach((typeWord, index) => {
    const flags = typeWord.lang === 'vi' ? F_VIETNAMESE : 0;
    addPattern({ type: P_TYPE_WORD, target: index, match: 0, caseRule: CASE_ANY, flags, written: typeWord.word });
  });

  // The trie, built with one map of (node, edge) -> child, then frozen into sorted arrays.
  const wordCount = words.length;
  // Edge keys are below wordCount * SEPARATOR_SPACE; a node's edges are keyed above that.
  let edgeFactor = 2 ** 20;
  while (edgeFactor < wordCount * SEPARATOR_SPACE) edgeFactor *= 2;
  const rootChild = new Int32Array(wordCount);
  const edges = new Map<number, number>();
  let nodeCount = 1;
  const patternEnd: number[] = new Array(specs.length);
  for (let p = 0; p < specs.length; p++) {
    let node = 0;
    for (let k = keyStart[p]; k < keyStart[p + 1]; k++) {
      const key = keys[k];
      if (node === 0) {
        const word = (key / SEPARATOR_SPACE) | 0;
        let child = rootChild[word];
        if (child === 0) rootChild[word] = child = nodeCount++;
        node = child;
      } else {
        const edge = node * edgeFactor + key;
        let child = edges.get(edge);
        if (child === undefined) {
          child = nodeCount++;
          edges.set(edge, child);
        }
        node = child;
      }
    }
    patternEnd[p] = node;
  }
  const childStart = new Int32Array(nodeCount + 1);
  for (const edge of edges.keys()) childStart[Math.floor(edge / edgeFactor) + 1]++;
  for (let n = 0; n < nodeCount; n++) childStart[n + 1] += childStart[n];
  const fill = childStart.slice(0, nodeCount);
  const childKey = new Int32Array(edges.size);
  const childNode = new Int32Array(edges.size);
  for (const [edge, child] of edges) {
    const parent = Math.floor(edge / edgeFactor);
    const at = fill[parent]++;
    childKey[at] = edge - parent * edgeFactor;
    childNode[at] = child;
  }
  for (let n = 0; n < nodeCount; n++) {
    const from = childStart[n];
    const to = childStart[n + 1];
    if (to - from > 1) sortPairs(childKey, childNode, from, to);
  }

  const patternCount = specs.length;
  const nodePattern = new Int32Array(nodeCount).fill(-1);
  const patternNext = new Int32Array(patternCount);
  const patternType = new Uint8Array(patternCount);
  const patternTarget = new Int32Array(patternCount);
  const patternMatch = new Uint8Array(patternCount);
  const patternCase = new Uint8Array(patternCount);
  const patternFlags = new Uint8Array(patternCount);
  const patternWritten: string[] = new Array(patternCount);
  // Linked in reverse so that each node lists its patterns in glossary order.
  for (let p = patternCount - 1; p >= 0; p--) {
    const spec = specs[p];
    const node = patternEnd[p];
    patternNext[p] = nodePattern[node];
    nodePattern[node] = p;
    patternType[p] = spec.type;
    patternTarget[p] = spec.target;
    patternMatch[p] = spec.match;
    patternCase[p] = spec.caseRule;
    patternFlags[p] = spec.flags | (FIRST_UPPER.test(spec.written) ? F_FIRST_UPPER : 0);
    patternWritten[p] = spec.written;
  }

  const wordHashes = new Int32Array(wordCount);
  const sharedHash = new Uint8Array(wordCount);
  const firstWithHash = new Map<number, number>();
  for (let id = 0; id < wordCount; id++) {
    const hash = hashWord(words[id]);
    wordHashes[id] = hash;
    const other = firstWithHash.get(hash);
    if (other === undefined) firstWithHash.set(hash, id);
    else sharedHash[id] = sharedHash[other] = 1;
  }
  const allIds = new Int32Array(wordCount);
  for (let id = 0; id < wordCount; id++) allIds[id] = id;
  const firstIds: number[] = [];
  for (let id = 0; id < wordCount; id++) if (rootChild[id] !== 0) firstIds.push(id);

  const entryIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!entryIndex.has(entry.id)) entryIndex.set(entry.id, index);
  });

  return {
    glossary,
    entries,
    entryIndex,
    words,
    wordHashes,
    sharedHash,
    allWords: new WordTable(allIds, wordHashes),
    firstWords: new WordTable(firstIds, wordHashes),
    rootChild,
    childStart,
    childKey,
    childNode,
    nodePattern,
    patternNext,
    patternType,
    patternTarget,
    patternMatch,
    patternCase,
    patternFlags,
    patternWritten,
    separatorIds,
    numbers,
    shortReferences,
    patternWords: new Array<PatternWords | undefined>(patternCount),
  };
}

/** Sorts keys[from, to) ascending, moving values along (insertion sort: child lists are short). */
function sortPairs(keys: Int32Array, values: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => keys[a] - keys[b]);
    const k2 = order.map((i) => keys[i]);
    const v2 = order.map((i) => values[i]);
    keys.set(k2, from);
    values.set(v2, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const k = keys[i];
    const v = values[i];
    let j = i - 1;
    while (j >= from && keys[j] > k) {
      keys[j + 1] = keys[j];
      values[j + 1] = values[j];
      j--;
    }
    keys[j + 1] = k;
    values[j + 1] = v;
  }
}
