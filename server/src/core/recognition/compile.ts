import type { Glossary, GlossaryEntry } from '../glossary/model';
import type { TitleWords } from '../titles';
import { computeTypeCodes, DOCUMENT_TYPE_WORDS, normalizeDocumentNumber, parseDocumentNumber, serialKey } from './documentNumber';
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
/** The form's first word has a letter outside ASCII (with F_DIACRITICS, plain ASCII text cannot match it). */
export const F_FIRST_NON_ASCII = 8;
/** Flags that follow from the written form itself. */
const F_WRITTEN = F_FIRST_UPPER | F_FIRST_NON_ASCII;

/** firstWordRule bits: every form starting with the word needs the text's word capitalised ... */
export const FIRST_NEEDS_UPPER = 1;
/** ... or written with a letter outside ASCII ... */
export const FIRST_NEEDS_NON_ASCII = 2;
/** ... or, form by form, one of the two. */
export const FIRST_NEEDS_EITHER = 4;

export const MATCH_KINDS: readonly MatchKind[] = ['name', 'alias', 'native', 'short', 'number', 'annotation'];
const MATCH_INDEX: Record<MatchKind, number> = { name: 0, alias: 1, native: 2, short: 3, number: 4, annotation: 5 };

/** Separator ids: 0 none, 1 join, 2 apostrophe, 3.. interned others; below this bound. */
export const SEPARATOR_SPACE = 64;

/** A probe table from word hash to word id. */
export class WordTable {
  readonly slots: Int32Array;
  /** The hash of the word in each slot (looked at without going to the word's own entry). */
  readonly slotHashes: Int32Array;
  readonly mask: number;

  constructor(
    ids: ArrayLike<number>,
    readonly hashes: Int32Array,
  ) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.slotHashes = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      let slot = hashes[id] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
      this.slotHashes[slot] = hashes[id];
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
  /**
   * Per first word, FIRST_NEEDS_* bits: what a text's word must be for any form starting with it to
   * match. `to` (for `To Lam`) in lower case, or `on` (for `ổn định`) without diacritics, starts
   * nothing, and the scan passes it by.
   */
  readonly firstWordRule: Uint8Array;
  /**
   * One bit per value of a hash's low bits, set for the hashes of first words: most words of a text
   * start nothing, and this small table (it stays in cache) says so without probing firstWords.
   */
  readonly firstWordBits: Int32Array;
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
  /** The first target: entry index (forms), type word index, or -1. */
  readonly patternTarget: Int32Array;
  /**
   * Every entry of a form pattern: patternTargets[patternTargetStart[p], patternTargetStart[p + 1]), in
   * glossary order. Entries whose forms are written alike with the same rules share one pattern.
   */
  readonly patternTargetStart: Int32Array;
  readonly patternTargets: Int32Array;
  /** The short-form patterns of entry e: entryShortPatterns[entryShortStart[e], entryShortStart[e + 1]). */
  readonly entryShortStart: Int32Array;
  readonly entryShortPatterns: Int32Array;
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
  /** Scratch of the scan: sets of entries without allocation. */
  readonly entryStamps: EntryStamps;
  /** The significant words of each entry's role titles (English and native), filled when first needed. */
  readonly entryRoleWords: (readonly TitleWords[] | undefined)[];
  /** Which entries of a short-form pattern a written title fits, by title and pattern (a bounded cache). */
  readonly titledShortFits: Map<string, Map<number, readonly number[]>>;
}

/**
 * Points a compiled glossary at a newer merged glossary that recognition reads the same (sameRecognition:
 * the same entries in the same order, with the same forms, roles and rules). Analyses made with it stay
 * valid, and the older glossary (summaries, sources, locations) is no longer kept alive by it.
 */
export function rebindGlossary(compiled: CompiledGlossary, glossary: Glossary): void {
  const rebound = compiled as { glossary: Glossary; entries: readonly GlossaryEntry[] };
  rebound.glossary = glossary;
  rebound.entries = glossary.entries;
}

/** Sets of entries without allocation: one stamp per entry, a fresh stamp per set. Used synchronously only. */
export class EntryStamps {
  private readonly stamps: Int32Array;
  private current = 0;

  constructor(entries: number) {
    this.stamps = new Int32Array(entries);
  }

  /** A stamp for a new, empty set. */
  next(): number {
    if (this.current === 0x7fffffff) {
      this.stamps.fill(0);
      this.current = 0;
    }
    return ++this.current;
  }

  /** Adds the entry to the set of `stamp`; false when it was in it already. */
  add(entry: number, stamp: number): boolean {
    if (this.stamps[entry] === stamp) return false;
    this.stamps[entry] = stamp;
    return true;
  }
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

/** FIRST_UPPER.test(text), without the pattern for the usual ASCII first letter or digit. */
function firstIsUpper(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code >= 0x41 && code <= 0x5a) return true;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return false;
  return FIRST_UPPER.test(text);
}

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

/**
 * Trie edges while compiling: (parent node, edge key) -> child, in one typed array of (parent, key,
 * child) triples (no boxed keys; a probe reads one cache line, not three arrays).
 */
class EdgeTable {
  private slots = EdgeTable.emptySlots(1024);
  private mask = 1023;
  size = 0;

  private static emptySlots(capacity: number): Int32Array {
    const slots = new Int32Array(capacity * 3);
    for (let at = 0; at < slots.length; at += 3) slots[at] = -1;
    return slots;
  }

  /** The child of `parent` by `key`, made (as `next`) when missing; returns it. */
  childOf(parent: number, key: number, next: number): number {
    const slots = this.slots;
    for (let slot = EdgeTable.slotOf(parent, key, this.mask); ; slot = (slot + 1) & this.mask) {
      const at = slot * 3;
      const p = slots[at];
      if (p === -1) {
        slots[at] = parent;
        slots[at + 1] = key;
        slots[at + 2] = next;
        if (++this.size * 2 > this.mask) this.grow();
        return next;
      }
      if (p === parent && slots[at + 1] === key) return slots[at + 2];
    }
  }

  private static slotOf(parent: number, key: number, mask: number): number {
    return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(key, 0x85ebca6b)) & mask;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    const slots = EdgeTable.emptySlots(capacity);
    const mask = capacity - 1;
    for (let from = 0; from < old.length; from += 3) {
      if (old[from] === -1) continue;
      let slot = EdgeTable.slotOf(old[from], old[from + 1], mask);
      while (slots[slot * 3] !== -1) slot = (slot + 1) & mask;
      slots.set(old.subarray(from, from + 3), slot * 3);
    }
    this.slots = slots;
    this.mask = mask;
  }

  forEach(visit: (parent: number, key: number, child: number) => void): void {
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += 3) if (slots[at] !== -1) visit(slots[at], slots[at + 1], slots[at + 2]);
  }
}

export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const steps = compileGlossarySteps(glossary);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Entries compiled between two yields of compileGlossarySteps. */
const ENTRIES_PER_STEP = 4000;

/**
 * compileGlossary in steps: yields after every few thousand entries (and between the later phases), so
 * that a caller can let other work run while a huge glossary compiles. The result is the same.
 */
export function* compileGlossarySteps(glossary: Glossary): Generator<void, CompiledGlossary> {
  // The work is done by plain functions between the yields: locals of a generator live in its context
  // object, which makes hot loops inside it slower.
  const forms = new EntryForms(glossary.entries);
  for (let from = 0; from < glossary.entries.length; from += ENTRIES_PER_STEP) {
    if (from > 0) yield;
    forms.add(from, Math.min(glossary.entries.length, from + ENTRIES_PER_STEP));
  }
  yield;
  forms.addTitleWords();
  const trie = buildTrie(forms.patterns);
  yield;
  return assemble(glossary, forms, trie);
}

/** The forms of entries, titles and type words while compiling. */
class EntryForms {
  readonly patterns = new PatternBuilder();
  readonly numbers = new Map<string, number[]>();
  readonly shortReferences = new Map<string, number[]>();
  /** Role titles of entries (and their flags), then the built-in ones. */
  readonly titles = new Map<string, number>();

  constructor(private readonly entries: readonly GlossaryEntry[]) {}

  /** Adds the forms of entries[from, to). */
  add(from: number, to: number): void {
    const { patterns, numbers, shortReferences, titles } = this;
    for (let e = from; e < to; e++) {
      const entry = this.entries[e];
      patterns.newGroup();
      const caseRule = entry.case === 'insensitive' ? CASE_ANY : entry.case === 'sensitive' ? CASE_WRITTEN : entry.kind === 'term' ? CASE_ANY : CASE_WRITTEN_OR_CAPS;
      patterns.add(P_FORM, e, MATCH_INDEX.name, caseRule, 0, entry.name);
      for (const alias of entry.aliases) patterns.add(P_FORM, e, MATCH_INDEX.alias, caseRule, 0, alias);
      if (entry.native) patterns.add(P_FORM, e, MATCH_INDEX.native, caseRule, F_DIACRITICS | F_VIETNAMESE, entry.native);
      if (entry.short) {
        for (const short of entry.short) patterns.add(P_FORM, e, MATCH_INDEX.short, CASE_WRITTEN, 0, short);
      } else if (entry.kind === 'official') {
        // The default short forms (defaultShortForms) without the arrays: the name's and aliases' last words.
        addDefaultShort(patterns, e, entry.name);
        for (const alias of entry.aliases) addDefaultShort(patterns, e, alias);
      }
      for (const role of entry.roles) {
        if (role.title && !titles.has(role.title)) titles.set(role.title, 0);
        if (role.native && !titles.has(role.native)) titles.set(role.native, F_DIACRITICS | F_VIETNAMESE);
      }
      if (entry.number) {
        const parsed = parseDocumentNumber(entry.number);
        // A number parsed as written (no prefix, no white space around it) is normalised already.
        addEntryIndex(numbers, parsed && parsed.text === entry.number ? parsed.normalized : normalizeDocumentNumber(entry.number), e);
        const serial = parsed ? parsed.number : /^\s*(\d+)/.exec(entry.number)?.[1];
        if (serial) {
          // Not typeCodesOf: its cache is for numbers read again and again, each entry's is read once.
          const codes = parsed ? computeTypeCodes(parsed) : entry.kind === 'resolution' ? ['NQ'] : [];
          for (const code of codes) addEntryIndex(shortReferences, `${code}:${serialKey(serial)}`, e);
        }
      }
    }
  }

  /** Titles, honorifics, family names and document type words. */
  addTitleWords(): void {
    const { patterns, titles } = this;
    patterns.newGroup();
    for (const title of DEFAULT_TITLES) if (!titles.has(title)) titles.set(title, 0);
    for (const title of VIETNAMESE_TITLES) if (!titles.has(title)) titles.set(title, F_DIACRITICS | F_VIETNAMESE);
    for (const [title, flags] of titles) patterns.add(P_TITLE, -1, 0, CASE_ANY, flags, title);
    patterns.newGroup();
    for (const honorific of VIETNAMESE_HONORIFICS) patterns.add(P_HONORIFIC, -1, 0, CASE_ANY, F_DIACRITICS | F_VIETNAMESE, honorific);
    patterns.newGroup();
    for (const surname of VIETNAMESE_SURNAMES) patterns.add(P_SURNAME, -1, 0, CASE_ANY, 0, surname);
    patterns.newGroup();
    DOCUMENT_TYPE_WORDS.forEach((typeWord, index) => {
      patterns.add(P_TYPE_WORD, index, 0, CASE_ANY, typeWord.lang === 'vi' ? F_VIETNAMESE : 0, typeWord.word);
    });
  }
}

interface Trie {
  rootChild: Int32Array;
  childStart: Int32Array;
  childKey: Int32Array;
  childNode: Int32Array;
  nodeCount: number;
  /** The node where each pattern ends. */
  patternEnd: Int32Array;
}

function buildTrie(patterns: PatternBuilder): Trie {
  // The trie: root edges by word id; below, each node's first edge by node (nodes are made in order,
  // so a new path writes there one after another instead of at random places of a large table), its
  // other edges in an edge table; then frozen into sorted arrays.
  const { dictionary, types, keys, keyStart } = patterns;
  const words = dictionary.words;
  const wordCount = words.length;
  const patternCount = types.length;
  const rootChild = new Int32Array(wordCount);
  // Every key makes at most one node.
  const maxNodes = keys.length + 1;
  /** (key, child) of the first edge of each node; key -1 for none. */
  const firstEdge = new Int32Array(maxNodes * 2).fill(-1);
  const edges = new EdgeTable();
  let nodeCount = 1;
  let firstEdges = 0;
  const patternEnd = new Int32Array(patternCount);
  for (let p = 0; p < patternCount; p++) {
    let node = 0;
    for (let k = keyStart[p]; k < keyStart[p + 1]; k++) {
      const key = keys[k];
      if (node === 0) {
        const word = (key / SEPARATOR_SPACE) | 0;
        if (rootChild[word] === 0) rootChild[word] = nodeCount++;
        node = rootChild[word];
        continue;
      }
      const at = node * 2;
      const firstKey = firstEdge[at];
      if (firstKey === key) {
        node = firstEdge[at + 1];
      } else if (firstKey === -1) {
        firstEdge[at] = key;
        firstEdge[at + 1] = nodeCount;
        firstEdges++;
        node = nodeCount++;
      } else {
        const child = edges.childOf(node, key, nodeCount);
        if (child === nodeCount) nodeCount++;
        node = child;
      }
    }
    patternEnd[p] = node;
  }
  const childStart = new Int32Array(nodeCount + 1);
  for (let n = 1; n < nodeCount; n++) if (firstEdge[n * 2] !== -1) childStart[n + 1]++;
  edges.forEach((parent) => childStart[parent + 1]++);
  for (let n = 0; n < nodeCount; n++) childStart[n + 1] += childStart[n];
  const fill = childStart.slice(0, nodeCount);
  const childKey = new Int32Array(firstEdges + edges.size);
  const childNode = new Int32Array(firstEdges + edges.size);
  for (let n = 1; n < nodeCount; n++) {
    if (firstEdge[n * 2] === -1) continue;
    const at = fill[n]++;
    childKey[at] = firstEdge[n * 2];
    childNode[at] = firstEdge[n * 2 + 1];
  }
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
  return { rootChild, childStart, childKey, childNode, nodeCount, patternEnd };
}

function assemble(glossary: Glossary, forms: EntryForms, trie: Trie): CompiledGlossary {
  const entries = glossary.entries;
  const { patterns, numbers, shortReferences } = forms;
  const { types, keys, keyStart, dictionary } = patterns;
  const words = dictionary.words;
  const wordCount = words.length;
  const patternCount = types.length;
  const { rootChild, childStart, childKey, childNode, nodeCount, patternEnd } = trie;
  // Each node lists its patterns in the order of their latest form: the order the unmerged patterns
  // (one per entry and form) had, as far as the scan can tell (it looks at the latest first).
  const nodePattern = new Int32Array(nodeCount).fill(-1);
  const patternNext = new Int32Array(patternCount);
  const bySequence = new Int32Array(patterns.sequence).fill(-1);
  for (let p = 0; p < patternCount; p++) bySequence[patterns.lastSequence[p]] = p;
  for (let s = bySequence.length - 1; s >= 0; s--) {
    const p = bySequence[s];
    if (p < 0) continue;
    const node = patternEnd[p];
    patternNext[p] = nodePattern[node];
    nodePattern[node] = p;
  }

  // Targets of each pattern (entries in glossary order), and the short-form patterns of each entry.
  const pairCount = patterns.pairPattern.length;
  const patternTargetStart = new Int32Array(patternCount + 1);
  for (let k = 0; k < pairCount; k++) patternTargetStart[patterns.pairPattern[k] + 1]++;
  for (let p = 0; p < patternCount; p++) patternTargetStart[p + 1] += patternTargetStart[p];
  const patternTargets = new Int32Array(pairCount);
  const entryShortStart = new Int32Array(entries.length + 1);
  {
    const at = patternTargetStart.slice(0, patternCount);
    for (let k = 0; k < pairCount; k++) {
      const p = patterns.pairPattern[k];
      patternTargets[at[p]++] = patterns.pairTarget[k];
      if (patterns.matches[p] === MATCH_INDEX.short) entryShortStart[patterns.pairTarget[k] + 1]++;
    }
  }
  for (let e = 0; e < entries.length; e++) entryShortStart[e + 1] += entryShortStart[e];
  const entryShortPatterns = new Int32Array(entryShortStart[entries.length]);
  {
    const at = entryShortStart.slice(0, entries.length);
    for (let k = 0; k < pairCount; k++) {
      const p = patterns.pairPattern[k];
      if (patterns.matches[p] === MATCH_INDEX.short) entryShortPatterns[at[patterns.pairTarget[k]]++] = p;
    }
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
  const firstWordRule = new Uint8Array(wordCount).fill(FIRST_NEEDS_UPPER | FIRST_NEEDS_NON_ASCII | FIRST_NEEDS_EITHER);
  for (let p = 0; p < patternCount; p++) {
    // As the scan's checks (accepts) reject them; a family name only ever starts a capitalised name.
    const flags = patterns.flags[p];
    const needsUpper = (flags & F_FIRST_UPPER && patterns.cases[p] !== CASE_ANY) || types[p] === P_SURNAME;
    const needsNonAscii = (flags & F_DIACRITICS) !== 0 && (flags & F_FIRST_NON_ASCII) !== 0;
    let rule = 0;
    if (needsUpper) rule |= FIRST_NEEDS_UPPER;
    if (needsNonAscii) rule |= FIRST_NEEDS_NON_ASCII;
    if (needsUpper || needsNonAscii) rule |= FIRST_NEEDS_EITHER;
    firstWordRule[(keys[keyStart[p]] / SEPARATOR_SPACE) | 0] &= rule;
  }

  return withLookups(glossary, {
    words,
    wordHashes,
    sharedHash,
    allWords: new WordTable(allIds, wordHashes),
    firstWords: new WordTable(firstIds, wordHashes),
    firstWordBits: hashBits(firstIds, wordHashes),
    firstWordRule,
    rootChild,
    childStart,
    childKey,
    childNode,
    nodePattern,
    patternNext,
    patternType: Uint8Array.from(types),
    patternTarget: Int32Array.from(patterns.targets),
    patternTargetStart,
    patternTargets,
    entryShortStart,
    entryShortPatterns,
    patternMatch: Uint8Array.from(patterns.matches),
    patternCase: Uint8Array.from(patterns.cases),
    patternFlags: Uint8Array.from(patterns.flags),
    patternWritten: patterns.written,
    separatorIds: patterns.separatorIds,
    numbers,
    shortReferences,
  });
}

/**
 * What a compiled glossary holds that follows from the glossary alone: typed arrays, strings and maps,
 * which a glossary cache can keep between runs (the rest is the glossary itself, lookups made when first
 * needed, and scratch of the scan).
 */
export type CompiledTables = Omit<CompiledGlossary, 'glossary' | 'entries' | 'entryIndex' | 'patternWords' | 'entryStamps' | 'entryRoleWords' | 'titledShortFits'>;

/** The tables of a compiled glossary, for a glossary cache. */
export function compiledTablesOf(compiled: CompiledGlossary): CompiledTables {
  const { glossary, entries, entryIndex, patternWords, entryStamps, entryRoleWords, titledShortFits, ...tables } = compiled;
  return tables;
}

/** A compiled glossary from tables made for exactly this glossary (by compileGlossary, here or in an earlier run). */
export function compiledGlossaryOf(glossary: Glossary, tables: CompiledTables): CompiledGlossary {
  // Kept by a cache as plain objects: their class comes back so that they are what the scan expects.
  Object.setPrototypeOf(tables.allWords, WordTable.prototype);
  Object.setPrototypeOf(tables.firstWords, WordTable.prototype);
  return withLookups(glossary, tables);
}

function withLookups(glossary: Glossary, tables: CompiledTables): CompiledGlossary {
  const entries = glossary.entries;
  const patternCount = tables.patternType.length;
  let entryIndex: Map<string, number> | undefined;
  return {
    glossary,
    entries,
    // Made when first asked for (annotations): most documents have none.
    get entryIndex(): ReadonlyMap<string, number> {
      if (!entryIndex) {
        entryIndex = new Map();
        // The entries in use now (see rebindGlossary), not those compiled.
        for (let index = 0; index < this.entries.length; index++) {
          const id = this.entries[index].id;
          if (!entryIndex.has(id)) entryIndex.set(id, index);
        }
      }
      return entryIndex;
    },
    ...tables,
    // Filled arrays: a large array made with holes only would be a slow dictionary.
    patternWords: new Array<PatternWords | undefined>(patternCount).fill(undefined),
    entryStamps: new EntryStamps(entries.length),
    entryRoleWords: new Array<readonly TitleWords[] | undefined>(entries.length).fill(undefined),
    titledShortFits: new Map<string, Map<number, readonly number[]>>(),
  };
}

/** The bits of firstWordBits: about 16 bits per word, so that few other words share a set bit. */
function hashBits(ids: readonly number[], hashes: Int32Array): Int32Array {
  let bits = 1024;
  while (bits < ids.length * 16) bits *= 2;
  const table = new Int32Array(bits >>> 5);
  const mask = bits - 1;
  for (const id of ids) {
    const bit = hashes[id] & mask;
    table[bit >>> 5] |= 1 << (bit & 31);
  }
  return table;
}

/**
 * Adds an entry index to the list of a key, once. Entries are added in increasing order, so an index
 * already in the list is its last element.
 */
function addEntryIndex(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

/** The last word of a name or alias, as a default short form (see defaultShortForms). */
function addDefaultShort(patterns: PatternBuilder, entry: number, written: string): void {
  const trimmed = written.trim();
  // The last run of non-white-space (what /\S+$/ finds, without a regular expression: it runs per name).
  let lastStart = trimmed.length;
  while (lastStart > 0 && !isWhiteSpace(trimmed.charCodeAt(lastStart - 1))) lastStart--;
  // One word only: no short form.
  if (lastStart === 0) return;
  let last = trimmed.slice(lastStart);
  if (!ALNUM_EDGES.test(last)) last = last.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (last) patterns.add(P_FORM, entry, MATCH_INDEX.short, CASE_WRITTEN, 0, last);
}

/** The white space of `\s` in regular expressions (and of `trim`). */
function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Starts and ends with an ASCII letter or digit: nothing to strip. */
const ALNUM_EDGES = /^[A-Za-z0-9](?:.*[A-Za-z0-9])?$/s;

/**
 * The patterns while compiling, in parallel lists; the edge keys of pattern p are
 * keys[keyStart[p], keyStart[p + 1]). Forms written alike with the same rules become one pattern
 * with several targets (officials sharing a given name share its short-form pattern).
 */
class PatternBuilder {
  readonly dictionary = new WordDictionary();
  readonly separatorIds = new Map<string, number>();
  readonly types: number[] = [];
  /** The first target (entry index, type word index, or -1). */
  readonly targets: number[] = [];
  readonly matches: number[] = [];
  readonly cases: number[] = [];
  readonly flags: number[] = [];
  readonly written: string[] = [];
  readonly keys: number[] = [];
  readonly keyStart: number[] = [0];
  /** (pattern, entry) pairs of forms, in the order they were added. */
  readonly pairPattern: number[] = [];
  readonly pairTarget: number[] = [];
  /** Per pattern, the sequence number of the latest form merged into it. */
  readonly lastSequence: number[] = [];
  /** Forms added so far (merged or not): each gets a sequence number. */
  sequence = 0;
  /**
   * The first pattern of each written text, by a hash of the text (a table of its own: a Map of a few
   * hundred thousand strings costs more than the rest of the compile), and the next pattern written the
   * same (-1 none).
   */
  private writtenSlots = new Int32Array(1024);
  private readonly writtenHash: number[] = [];
  private readonly sameWrittenNext: number[] = [];
  private readonly scratch = new TokenList();
  private writtenCount = 0;
  /** Forms of the current group (entry) already added, and their hashes: a name repeated as an alias counts once. */
  private readonly seen: string[] = [];
  private readonly seenHashes: number[] = [];
  /** How many of seen/seenHashes belong to the current group (the arrays are reused, not emptied). */
  private seenCount = 0;

  newGroup(): void {
    this.seenCount = 0;
  }

  add(type: number, target: number, match: number, caseRule: number, flags: number, written: string): void {
    const hash = hashWord(written);
    // Hashes first: most forms of an entry differ, and comparing numbers costs less than strings.
    const { seen, seenHashes } = this;
    const seenCount = this.seenCount;
    for (let k = 0; k < seenCount; k++) if (seenHashes[k] === hash && seen[k] === written) return;
    seen[seenCount] = written;
    seenHashes[seenCount] = hash;
    this.seenCount = seenCount + 1;
    const first = this.firstWritten(written, hash);
    let p = -1;
    if (first >= 0) {
      // Only entries' forms merge: titles and type words stay one pattern each, as the scan picks among them.
      if (type === P_FORM) {
        for (let q = first; q >= 0; q = this.sameWrittenNext[q]) {
          if (this.types[q] === P_FORM && this.matches[q] === match && this.cases[q] === caseRule && (this.flags[q] & ~F_WRITTEN) === flags) {
            p = q;
            break;
          }
        }
      }
      if (p < 0) p = this.newPattern(type, target, match, caseRule, flags | (this.flags[first] & F_WRITTEN), written, first, hash);
    } else {
      p = this.newPattern(type, target, match, caseRule, flags, written, -1, hash);
      if (p < 0) return;
    }
    if (type === P_FORM) {
      this.pairPattern.push(p);
      this.pairTarget.push(target);
    }
    this.lastSequence[p] = this.sequence++;
  }

  /** A new pattern (its keys copied from `sameAs`, written alike, when given); -1 when the form cannot match. */
  private newPattern(type: number, target: number, match: number, caseRule: number, flags: number, written: string, sameAs: number, hash: number): number {
    const { keys } = this;
    if (sameAs >= 0) {
      for (let k = this.keyStart[sameAs]; k < this.keyStart[sameAs + 1]; k++) keys.push(keys[k]);
    } else {
      const { scratch } = this;
      scratch.reset();
      tokenize(written, 0, written.length, scratch);
      if (scratch.count === 0 || scratch.count > 255) return -1;
      const firstKey = keys.length;
      for (let k = 0; k < scratch.count; k++) {
        let separator = 0;
        if (k > 0) {
          const gapStart = scratch.end[k - 1];
          const gapEnd = scratch.start[k];
          separator = separatorClass(written, gapStart, gapEnd);
          if (separator === SEP_OTHER) {
            const gap = written.slice(gapStart, gapEnd);
            let id = this.separatorIds.get(gap);
            if (id === undefined) {
              // Beyond the space of ids a form with an unusual separator cannot match; none needs that many.
              if (this.separatorIds.size + SEP_OTHER >= SEPARATOR_SPACE) {
                keys.length = firstKey;
                return -1;
              }
              id = SEP_OTHER + this.separatorIds.size;
              this.separatorIds.set(gap, id);
            }
            separator = id;
          }
        }
        keys.push(this.dictionary.idOf(written, scratch.start[k], scratch.end[k], scratch.hash[k]) * SEPARATOR_SPACE + separator);
      }
      if (firstIsUpper(written)) flags |= F_FIRST_UPPER;
      for (let k = scratch.start[0]; k < scratch.end[0]; k++) {
        if (written.charCodeAt(k) > 127) {
          flags |= F_FIRST_NON_ASCII;
          break;
        }
      }
    }
    const p = this.types.length;
    this.keyStart.push(keys.length);
    this.types.push(type);
    this.targets.push(target);
    this.matches.push(match);
    this.cases.push(caseRule);
    this.flags.push(flags);
    this.written.push(written);
    this.sameWrittenNext.push(-1);
    this.lastSequence.push(0);
    this.writtenHash.push(hash);
    if (sameAs >= 0) {
      let q = sameAs;
      while (this.sameWrittenNext[q] >= 0) q = this.sameWrittenNext[q];
      this.sameWrittenNext[q] = p;
    } else this.addWritten(p, hash);
    return p;
  }

  /** The first pattern written exactly as `written`, or -1. */
  private firstWritten(written: string, hash: number): number {
    const slots = this.writtenSlots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const v = slots[slot];
      if (v === 0) return -1;
      if (this.writtenHash[v - 1] === hash && this.written[v - 1] === written) return v - 1;
    }
  }

  private addWritten(p: number, hash: number): void {
    let slots = this.writtenSlots;
    if (++this.writtenCount * 2 > slots.length) {
      const grown = new Int32Array(slots.length * 2);
      const mask = grown.length - 1;
      for (let k = 0; k < slots.length; k++) {
        const v = slots[k];
        if (v === 0) continue;
        let slot = this.writtenHash[v - 1] & mask;
        while (grown[slot] !== 0) slot = (slot + 1) & mask;
        grown[slot] = v;
      }
      this.writtenSlots = slots = grown;
    }
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = p + 1;
  }
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
