import type { Glossary, GlossaryEntry } from '../glossary/model';
import { DOCUMENT_TYPE_WORDS, normalizeDocumentNumber, parseDocumentNumber, serialKey, typeCodesOf } from './documentNumber';
import type { MatchKind } from './mention';
import { DEFAULT_TITLES, VIETNAMESE_HONORIFICS, VIETNAMESE_SURNAMES, VIETNAMESE_TITLES } from './titleWords';
import { foldedWord, HASH_PRIME, HASH_SEED, separatorClass, SEP_OTHER, TokenList, tokenize, wordEquals } from './tokens';

// A glossary compiled for a single pass over text. Every written form (names, aliases, native forms,
// short names, titles, document type words) becomes a path of (separator, word) steps in one trie over
// word ids; words are found by hash, so scanning a word costs one table probe whatever the glossary's size.

/** What a trie output is. */
export const P_FORM = 1;
export const P_TITLE = 2;
export const P_HONORIFIC = 3;
export const P_TYPE_WORD = 4;
/** A Vietnamese family name: may start a name introduced before its title (`Ngo Tien Long, former ...`). */
export const P_SURNAME = 5;

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

/** The dictionary of folded words while compiling: found by the scanner's hash, strings made only for new words. */
class WordDictionary {
  readonly words: string[] = [];
  readonly hashes: number[] = [];
  private slots = new Int32Array(1024);
  private mask = 1023;

  /** The id of the word `text[start, end)` whose hash is `hash`, added if new. */
  idOf(text: string, start: number, end: number, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = this.slots[slot];
      if (v === 0) {
        const id = this.words.length;
        this.words.push(foldedWord(text, start, end));
        this.hashes.push(hash);
        this.slots[slot] = id + 1;
        if (this.words.length * 2 > this.slots.length) this.grow();
        return id;
      }
      if (this.hashes[v - 1] === hash && wordEquals(text, start, end, this.words[v - 1])) return v - 1;
    }
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }
}

/** Trie edges while compiling: (parent node, edge key) -> child, in typed arrays (no boxed keys). */
class EdgeTable {
  private readonly parents: Int32Array;
  private readonly keys: Int32Array;
  readonly children: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(maxEdges: number) {
    let capacity = 1024;
    while (capacity < maxEdges * 2) capacity *= 2;
    this.parents = new Int32Array(capacity).fill(-1);
    this.keys = new Int32Array(capacity);
    this.children = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The child of `parent` by `key`, made (as `next`) when missing; returns it. */
  childOf(parent: number, key: number, next: number): number {
    for (let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(key, 0x85ebca6b)) & this.mask; ; slot = (slot + 1) & this.mask) {
      const p = this.parents[slot];
      if (p === -1) {
        this.parents[slot] = parent;
        this.keys[slot] = key;
        this.children[slot] = next;
        this.size++;
        return next;
      }
      if (p === parent && this.keys[slot] === key) return this.children[slot];
    }
  }

  forEach(visit: (parent: number, key: number, child: number) => void): void {
    for (let slot = 0; slot < this.parents.length; slot++) if (this.parents[slot] !== -1) visit(this.parents[slot], this.keys[slot], this.children[slot]);
  }
}

export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const entries = glossary.entries;
  const dictionary = new WordDictionary();
  const separatorIds = new Map<string, number>();
  const scratch = new TokenList();

  // Patterns in parallel lists; the edge keys of pattern p are keys[keyStart[p], keyStart[p + 1]).
  const types: number[] = [];
  const targets: number[] = [];
  const matches: number[] = [];
  const cases: number[] = [];
  const flagsOf: number[] = [];
  const writtenOf: string[] = [];
  const keys: number[] = [];
  const keyStart: number[] = [0];
  /** Forms of the current entry already added (a name repeated as an alias counts once). */
  let seen: string[] = [];

  const addPattern = (type: number, target: number, match: number, caseRule: number, flags: number, written: string): void => {
    if (seen.includes(written)) return;
    seen.push(written);
    scratch.reset();
    tokenize(written, 0, written.length, scratch);
    if (scratch.count === 0 || scratch.count > 255) return;
    const first = keys.length;
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
            if (separatorIds.size + SEP_OTHER >= SEPARATOR_SPACE) {
              keys.length = first;
              return;
            }
            id = SEP_OTHER + separatorIds.size;
            separatorIds.set(gap, id);
          }
          separator = id;
        }
      }
      keys.push(dictionary.idOf(written, scratch.start[k], scratch.end[k], scratch.hash[k]) * SEPARATOR_SPACE + separator);
    }
    keyStart.push(keys.length);
    types.push(type);
    targets.push(target);
    matches.push(match);
    cases.push(caseRule);
    flagsOf.push(flags | (FIRST_UPPER.test(written) ? F_FIRST_UPPER : 0));
    writtenOf.push(written);
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
    seen = [];
    const caseRule = entry.case === 'insensitive' ? CASE_ANY : entry.case === 'sensitive' ? CASE_WRITTEN : entry.kind === 'term' ? CASE_ANY : CASE_WRITTEN_OR_CAPS;
    addPattern(P_FORM, e, MATCH_INDEX.name, caseRule, 0, entry.name);
    for (const alias of entry.aliases) addPattern(P_FORM, e, MATCH_INDEX.alias, caseRule, 0, alias);
    if (entry.native) addPattern(P_FORM, e, MATCH_INDEX.native, caseRule, F_DIACRITICS | F_VIETNAMESE, entry.native);
    for (const short of shortFormsOf(entry)) addPattern(P_FORM, e, MATCH_INDEX.short, CASE_WRITTEN, 0, short);
    for (const role of entry.roles) {
      if (role.title && !titles.has(role.title)) titles.set(role.title, 0);
      if (role.native && !titles.has(role.native)) titles.set(role.native, F_DIACRITICS | F_VIETNAMESE);
    }
    if (entry.number) {
      const parsed = parseDocumentNumber(entry.number);
      push(numbers, normalizeDocumentNumber(entry.number), e);
      const serial = parsed ? parsed.number : /^\s*(\d+)/.exec(entry.number)?.[1];
      if (serial) {
        const codes = parsed ? typeCodesOf(parsed) : entry.kind === 'resolution' ? ['NQ'] : [];
        for (const code of codes) push(shortReferences, `${code}:${serialKey(serial)}`, e);
      }
    }
  }
  // Titles, honorifics and document type words.
  seen = [];
  for (const title of DEFAULT_TITLES) if (!titles.has(title)) titles.set(title, 0);
  for (const title of VIETNAMESE_TITLES) if (!titles.has(title)) titles.set(title, F_DIACRITICS | F_VIETNAMESE);
  for (const [title, flags] of titles) addPattern(P_TITLE, -1, 0, CASE_ANY, flags, title);
  seen = [];
  for (const honorific of VIETNAMESE_HONORIFICS) addPattern(P_HONORIFIC, -1, 0, CASE_ANY, F_DIACRITICS | F_VIETNAMESE, honorific);
  seen = [];
  for (const surname of VIETNAMESE_SURNAMES) addPattern(P_SURNAME, -1, 0, CASE_ANY, 0, surname);
  seen = [];
  DOCUMENT_TYPE_WORDS.forEach((typeWord, index) => {
    addPattern(P_TYPE_WORD, index, 0, CASE_ANY, typeWord.lang === 'vi' ? F_VIETNAMESE : 0, typeWord.word);
  });

  // The trie: root edges by word id, the others in an edge table, then frozen into sorted arrays.
  const words = dictionary.words;
  const wordCount = words.length;
  const patternCount = types.length;
  const rootChild = new Int32Array(wordCount);
  const edges = new EdgeTable(keys.length);
  let nodeCount = 1;
  const patternEnd = new Int32Array(patternCount);
  for (let p = 0; p < patternCount; p++) {
    let node = 0;
    for (let k = keyStart[p]; k < keyStart[p + 1]; k++) {
      const key = keys[k];
      if (node === 0) {
        const word = (key / SEPARATOR_SPACE) | 0;
        if (rootChild[word] === 0) rootChild[word] = nodeCount++;
        node = rootChild[word];
      } else {
        const child = edges.childOf(node, key, nodeCount);
        if (child === nodeCount) nodeCount++;
        node = child;
      }
    }
    patternEnd[p] = node;
  }
  const childStart = new Int32Array(nodeCount + 1);
  edges.forEach((parent) => childStart[parent + 1]++);
  for (let n = 0; n < nodeCount; n++) childStart[n + 1] += childStart[n];
  const fill = childStart.slice(0, nodeCount);
  const childKey = new Int32Array(edges.size);
  const childNode = new Int32Array(edges.size);
  edges.forEach((parent, key, child) => {
    const at = fill[parent]++;
    childKey[at] = key;
    childNode[at] = child;
  });
  for (let n = 0; n < nodeCount; n++) {
    const from = childStart[n];
    const to = childStart[n + 1];
    if (to - from > 1) sortPairs(childKey, childNode, from, to);
  }

  const nodePattern = new Int32Array(nodeCount).fill(-1);
  const patternNext = new Int32Array(patternCount);
  // Linked in reverse so that each node lists its patterns in glossary order.
  for (let p = patternCount - 1; p >= 0; p--) {
    const node = patternEnd[p];
    patternNext[p] = nodePattern[node];
    nodePattern[node] = p;
  }

  const wordHashes = Int32Array.from(dictionary.hashes);
  const sharedHash = new Uint8Array(wordCount);
  const firstWithHash = new Map<number, number>();
  for (let id = 0; id < wordCount; id++) {
    const other = firstWithHash.get(wordHashes[id]);
    if (other === undefined) firstWithHash.set(wordHashes[id], id);
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
    patternType: Uint8Array.from(types),
    patternTarget: Int32Array.from(targets),
    patternMatch: Uint8Array.from(matches),
    patternCase: Uint8Array.from(cases),
    patternFlags: Uint8Array.from(flagsOf),
    patternWritten: writtenOf,
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
