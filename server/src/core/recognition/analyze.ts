import { LineMap } from '../text';
import type { EntryKind } from '../glossary/model';
import type { Position, Range } from '../types';
import { significantWords, titleWordsNameRole, type TitleWords } from '../titles';
import { findAnnotations, type RawAnnotation } from './annotations';
import { charInfo, VIET, WORD } from './chars';
import {
  CASE_ANY,
  CASE_WRITTEN_OR_CAPS,
  hashWord,
  F_DIACRITICS,
  F_FIRST_UPPER,
  FIRST_NEEDS_EITHER,
  FIRST_NEEDS_NON_ASCII,
  FIRST_NEEDS_UPPER,
  F_VIETNAMESE,
  MATCH_KINDS,
  P_FORM,
  P_HONORIFIC,
  P_SURNAME,
  P_TITLE,
  P_TYPE_WORD,
  SEPARATOR_SPACE,
  type CompiledGlossary,
  type PatternWords,
  type WordTable,
} from './compile';
import { detectDocumentDate, readFrontMatter } from './documentDate';
import { DOCUMENT_TYPE_WORDS, readDocumentNumberAt, serialKey, typeCodesOf } from './documentNumber';
import { fold, stripDiacritics } from './fold';
import { isInsideLink } from './links';
import type {
  AmbiguousReference,
  Annotation,
  Candidate,
  DocumentAnalysis,
  DocumentCitation,
  DocumentLanguage,
  LanguageSpan,
  MatchKind,
  Mention,
  TextSpan,
  TitleContext,
} from './mention';
import {
  HISTORICAL_PREFIXES,
  NAME_PARTICLES,
  INSTITUTION_WORDS,
  NOT_NAME_WORDS,
  TITLES_WITH_POSTING,
  TWO_WORD_COUNTRIES,
  VIETNAMESE_SURNAMES,
} from './titleWords';
import {
  foldedWord,
  letterCount,
  ownCopy,
  separatorClass,
  SEP_JOIN,
  SEP_OTHER,
  T_ALL_DIGITS,
  T_DIGIT,
  T_LOWER,
  T_MARKS,
  T_NON_ASCII,
  T_PARAGRAPH,
  T_UPPER,
  caseBits,
  TokenList,
  tokenize,
  wordEqualsUnits,
} from './tokens';

export interface AnalyzeOptions {
  /** The document's line map, when the caller has one already. */
  lineMap?: LineMap;
  /**
   * Where mentions go as rows of numbers instead of `mentions` (which stays empty): for a caller that keeps
   * only numbers (the index) and so makes no Mention, range or position objects.
   */
  mentionRows?: MentionRowSink;
}

/** Takes mentions as numbers (see AnalyzeOptions.mentionRows); `text` may be a view on the document. */
export interface MentionRowSink {
  add(start: number, end: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number, entryId: string, kind: EntryKind, match: MatchKind, text: string): void;
}

/** Share of Vietnamese-only letters above which a paragraph is Vietnamese (about 0.3 in Vietnamese prose). */
const VIETNAMESE_SHARE = 0.1;
/** Shares of Vietnamese-only letters that settle a paragraph's language without counting words. */
const VIETNAMESE_SHARE_CLEAR = 0.22;
const ENGLISH_SHARE_CLEAR = 0.03;
/** Paragraphs shorter than this (in letters) take the document's language. */
const MIN_PARAGRAPH_LETTERS = 40;
const MAX_NAME_WORDS = 5;

/** Reused between documents: the words of the document being analysed. */
let documentWords = new TokenList();
/** Beyond this many words the buffer of a huge document is let go after its scan. */
const KEEP_WORD_CAPACITY = 1 << 20;
const patternScratch = new TokenList();

/** Finds everything the glossary knows or lacks in one document, in one pass over its words. */
export function analyzeDocument(text: string, compiled: CompiledGlossary, options: AnalyzeOptions = {}): DocumentAnalysis {
  // No line map is made unless the text has a lone carriage return (see rangeOf).
  const analysis = new DocumentScan(text, compiled, options.lineMap, undefined, options.mentionRows).run();
  if (documentWords.start.length > KEEP_WORD_CAPACITY) documentWords = new TokenList();
  return analysis;
}

/** Every mention of the glossary in a text (the mentions of analyzeDocument). */
export function findMentions(text: string, compiled: CompiledGlossary, lineMap?: LineMap): Mention[] {
  return analyzeDocument(text, compiled, { lineMap }).mentions;
}

// --- analysis in segments -------------------------------------------------------------------------
// A document split at blank lines can be scanned one segment at a time: what crosses a blank line is
// passed in and out (no pending title, link, number or annotation does).

/** What the scan of the text before a segment leaves behind. */
export interface ScanState {
  /** Entry index -> offset of its latest full mention, relative to the segment (before it: negative). */
  lastFullMention: ReadonlyMap<number, number>;
  /** The last word before the segment when it makes a title historical (`former`) and only white space follows it. */
  historicalWordBefore?: string;
}

export interface SegmentOptions {
  state: ScanState;
  /** The document's language (front matter `lang:`, else that of most of its letters). */
  documentLanguage: DocumentLanguage;
  /** The document's front matter `lang:`, if any. */
  declaredLanguage?: string;
}

/** The scan of one segment: its findings (offsets and lines relative to the segment) and what it passes on. */
export interface SegmentScan {
  /** No date (a document's date comes from its head); `lang` is the document's. */
  analysis: DocumentAnalysis;
  /** Entry index -> offset of its latest full mention in the segment. */
  fullMentions: Map<number, number>;
  /** Entries a short name in the segment could refer to: its findings depend on their order in the state. */
  shortTargets: number[];
  historicalWordAfter?: string;
  /** Letters in the segment's English and Vietnamese paragraphs (the document's language is the one with more). */
  letters: { vi: number; en: number };
  paragraphs: number;
  /** Whether the first and last paragraphs differ from the document's language (their spans join neighbours'). */
  firstParagraphOther: boolean;
  lastParagraphOther: boolean;
}

/** Scans a segment of a document (a text that starts after a blank line, or the document's start). */
export function scanSegment(text: string, compiled: CompiledGlossary, options: SegmentOptions): SegmentScan {
  const scan = new DocumentScan(text, compiled, new LineMap(text), options);
  const analysis = scan.run();
  const result = scan.segmentResult(analysis);
  if (documentWords.start.length > KEEP_WORD_CAPACITY) documentWords = new TokenList();
  return result;
}

/** A document's language from its front matter `lang:` and the letters of its paragraphs of each language. */
export function documentLanguageOf(declared: string | undefined, letters: { vi: number; en: number }): DocumentLanguage {
  const override = declaredLanguage(declared);
  return LANGS[override ?? (letters.vi > letters.en ? LANG_VI : LANG_EN)];
}

/**
 * Above this share of Vietnamese-only letters in the whole text, a document is first taken to be
 * Vietnamese: Vietnamese prose has about 0.3, so a document whose letters are half in Vietnamese
 * paragraphs has about 0.15; English with Vietnamese names stays near 0.02.
 */
const VIETNAMESE_GUESS_SHARE = 0.15;

/**
 * A first guess of `documentLanguageOf` before any paragraph has been read: the declared language, else
 * the share of Vietnamese-only letters in the text. Whoever guesses scans again when the letters of the
 * paragraphs say otherwise; a good guess only saves that second scan.
 */
export function guessDocumentLanguage(text: string, declared: string | undefined): DocumentLanguage {
  const override = declaredLanguage(declared);
  if (override !== undefined) return LANGS[override];
  let letters = 0;
  let vietnamese = 0;
  for (let i = 0; i < text.length; i++) {
    const info = charInfo(text.charCodeAt(i));
    if (info & WORD) {
      letters++;
      if (info & VIET) vietnamese++;
    }
  }
  return vietnamese > letters * VIETNAMESE_GUESS_SHARE ? 'vi' : 'en';
}

/** A title (or form of address) just recognised, waiting for the name after it. */
interface PendingTitle {
  firstWord: number;
  lastWord: number;
  honorific: boolean;
  lang: DocumentLanguage;
}

class DocumentScan {
  private readonly words: TokenList = documentWords;
  private readonly mentions: Mention[] = [];
  private readonly ambiguous: AmbiguousReference[] = [];
  private readonly candidates: Candidate[] = [];
  private readonly annotations: Annotation[] = [];
  /** Entry index -> start of its latest full mention (for short names); set through noteFullMention. */
  private readonly lastFullMention = new Map<number, number>();
  /** Short-form pattern -> the entry of its targets with the latest full mention (made when first needed). */
  private shortLatest: Map<number, number> | undefined;
  private wordLang = new Uint8Array(0);
  private pendingTitle: PendingTitle | undefined;
  /** Trie hits of the current walk: pattern and the word it ends at, in walk order. */
  private hitPattern: number[] = [];
  private hitEnd: number[] = [];
  private hitCount = 0;
  private caseBitsStart = -1;
  private caseBitsKnown = 0;
  private readonly caseBitsCache = new Int32Array(64);
  private readonly fullScratch: number[] = [];
  private readonly shortScratch: number[] = [];
  private readonly tables: ScanTables;
  /** Word ids along the current walk. */
  private pathWords: number[] = [];
  /** Whether positions come from the scan's line feeds (no lone carriage return in the text). */
  private ownLines = false;
  private lineCursor = 0;

  // --- scans of one segment (see scanSegment) ---
  /** Entries a short name in the text could refer to (their order in the state decides it). */
  readonly shortTargets: number[] = [];
  letters = { vi: 0, en: 0 };
  paragraphCount = 0;
  firstParagraphOther = false;
  lastParagraphOther = false;

  constructor(
    private readonly text: string,
    private readonly c: CompiledGlossary,
    private lineMap: LineMap | undefined,
    private readonly segment?: SegmentOptions,
    private readonly mentionRows?: MentionRowSink,
  ) {
    this.tables = scanTablesOf(c);
  }

  run(): DocumentAnalysis {
    const { text, words } = this;
    const segment = this.segment;
    // A segment is scanned without its document's head: the caller passes what the head says.
    const front = segment ? undefined : readFrontMatter(text);
    if (segment) for (const [entry, at] of segment.state.lastFullMention) this.lastFullMention.set(entry, at);
    const rawAnnotations = findAnnotations(text);
    // Words between annotations only: text inside `[[...]]` is not matched again.
    words.reset();
    const annotationAt: number[] = [];
    let from = 0;
    for (const a of rawAnnotations) {
      tokenize(text, from, a.start, words);
      annotationAt.push(words.count);
      from = a.end;
    }
    tokenize(text, from, text.length, words);
    // Lines end at CR LF or LF here; a lone CR also ends one for the line map: then it decides.
    this.ownLines = text.indexOf('\r') < 0 || !/\r(?!\n)/.test(text);
    const { lang, spans } = this.detectLanguages(segment ? segment.declaredLanguage : front?.values.get('lang'));

    let nextAnnotation = 0;
    let annotationWord = rawAnnotations.length ? annotationAt[0] : -1;
    // Most words start nothing: a probe of the first-word table by hash alone (no string compared)
    // skips them; step() looks closer at the rest.
    const { slots, slotHashes, mask } = this.c.firstWords;
    const { sharedHash, firstWordRule, firstWordBits } = this.c;
    const bitMask = (firstWordBits.length << 5) - 1;
    const hashes = words.hash;
    const flags = words.flags;
    const count = words.count;
    for (let i = 0; i < count; ) {
      if (i >= annotationWord && annotationWord >= 0) {
        while (nextAnnotation < rawAnnotations.length && annotationAt[nextAnnotation] <= i) this.addAnnotation(rawAnnotations[nextAnnotation++]);
        annotationWord = nextAnnotation < rawAnnotations.length ? annotationAt[nextAnnotation] : -1;
      }
      const hash = hashes[i];
      const bit = hash & bitMask;
      // The first word's id for the walk: -1 none, -2 to be looked up (words that share a hash).
      let first = -1;
      if ((firstWordBits[bit >>> 5] & (1 << (bit & 31))) !== 0) {
        for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
          const v = slots[slot];
          if (v === 0) break;
          if (slotHashes[slot] === hash) {
            if (sharedHash[v - 1] === 1) first = -2;
            // A word none of whose forms can match as written starts nothing: `to` (of `To Lam`) in lower
            // case, `on` (of `ổn định`) without diacritics.
            else {
              const rule = firstWordRule[v - 1];
              const lower = (flags[i] & T_UPPER) === 0;
              const ascii = (flags[i] & T_NON_ASCII) === 0;
              if (!((rule & FIRST_NEEDS_UPPER && lower) || (rule & FIRST_NEEDS_NON_ASCII && ascii) || (rule & FIRST_NEEDS_EITHER && lower && ascii))) first = v - 1;
            }
            break;
          }
        }
      }
      if (first === -1 && !(flags[i] & T_DIGIT) && (this.pendingTitle === undefined || this.pendingTitle.lastWord !== i - 1)) {
        i++;
        continue;
      }
      i = this.step(i, first);
    }
    while (nextAnnotation < rawAnnotations.length) this.addAnnotation(rawAnnotations[nextAnnotation++]);

    const byStart = (a: TextSpan, b: TextSpan) => a.start - b.start || a.end - b.end;
    const analysis: DocumentAnalysis = {
      // Mentions are found mostly in text order: the sort is skipped when they already are.
      mentions: inOrder(this.mentions) ? this.mentions : this.mentions.sort(byStart),
      ambiguous: this.ambiguous,
      candidates: this.candidates,
      annotations: this.annotations,
      lang,
    };
    const date = segment ? undefined : detectDocumentDate(text, front ?? null);
    if (date) analysis.date = date;
    if (spans.length) analysis.languageSpans = spans;
    return analysis;
  }

  segmentResult(analysis: DocumentAnalysis): SegmentScan {
    const fullMentions = new Map<number, number>();
    for (const [entry, at] of this.lastFullMention) if (at >= 0) fullMentions.set(entry, at);
    const result: SegmentScan = {
      analysis,
      fullMentions,
      shortTargets: this.shortTargets,
      letters: this.letters,
      paragraphs: this.paragraphCount,
      firstParagraphOther: this.firstParagraphOther,
      lastParagraphOther: this.lastParagraphOther,
    };
    const after = this.historicalWordAfter();
    if (after !== undefined) result.historicalWordAfter = after;
    return result;
  }

  /** The segment's last word, if it makes a title in the next segment historical (see isHistorical). */
  private historicalWordAfter(): string | undefined {
    const { words, text } = this;
    if (words.count === 0) return /^\s*$/.test(text) ? this.segment?.state.historicalWordBefore : undefined;
    const last = words.count - 1;
    if (!/^\s*$/.test(text.slice(words.end[last]))) return undefined;
    const word = text.slice(words.start[last], words.end[last]).normalize('NFC').toLowerCase();
    // `then-` and `ex-` need a hyphen, which no blank line is.
    return HISTORICAL_PREFIXES.includes(word) && word !== 'then' && word !== 'ex' ? word : undefined;
  }

  // --- one step of the scan -------------------------------------------------------------------------

  /** Recognises what starts at word i; returns the next word to look at. */
  private step(i: number, first: number): number {
    const { words } = this;
    this.walk(i, first);
    if (this.hitCount === 0) {
      if (words.flags[i] & T_DIGIT) {
        const next = this.readNumber(i, undefined);
        if (next >= 0) return next;
      }
      if (this.pendingTitle && this.titleBefore(i)) {
        const next = this.readUnknownOfficial(i);
        if (next >= 0) return next;
      }
      return i + 1;
    }
    let formEnd = -1;
    let formHits: number[] = NO_HITS;
    let shortChoice: number | number[] | undefined;
    let titleEnd = -1;
    let titlePattern = -1;
    let typeEnd = -1;
    let typePattern = -1;
    let surname = false;
    // Hits come in walk order (shallow to deep): look from the deepest.
    for (let h = this.hitCount - 1; h >= 0; ) {
      const end = this.hitEnd[h];
      // Scratch lists (emitForm and chooseShort do not keep them).
      let full: number[] | undefined;
      let shorts: number[] | undefined;
      for (; h >= 0 && this.hitEnd[h] === end; h--) {
        const p = this.hitPattern[h];
        const type = this.c.patternType[p];
        if (type === P_FORM) {
          // Once a deeper form is taken, shallower ones are not looked at (nor the scratch lists touched).
          if (formEnd >= 0) continue;
          if (this.c.patternMatch[p] === MATCH_SHORT) {
            if (!shorts) (shorts = this.shortScratch).length = 0;
            shorts.push(p);
          } else {
            if (!full) (full = this.fullScratch).length = 0;
            full.push(p);
          }
        } else if (type === P_TITLE || type === P_HONORIFIC) {
          if (titleEnd < 0) {
            titleEnd = end;
            titlePattern = p;
          }
        } else if (type === P_TYPE_WORD && typeEnd < 0) {
          typeEnd = end;
          typePattern = p;
        } else if (type === P_SURNAME) surname = true;
      }
      if (formEnd >= 0) continue;
      if (full) {
        formEnd = end;
        formHits = full;
      } else if (shorts) {
        if (this.segment) for (const p of shorts) for (let k = this.c.patternTargetStart[p]; k < this.c.patternTargetStart[p + 1]; k++) this.shortTargets.push(this.c.patternTargets[k]);
        const choice = this.chooseShort(shorts, i);
        if (choice !== undefined) {
          formEnd = end;
          formHits = shorts;
          shortChoice = choice;
        }
      }
    }

    const formLength = formEnd - i;
    if (typeEnd >= 0 && typeEnd - i >= formLength && typeEnd >= titleEnd) {
      const next = this.readReference(i, typeEnd, typePattern);
      if (next >= 0) return next;
    }
    if (titleEnd >= 0 && titleEnd > formEnd) {
      // A shorter form inside the title is still a mention (`National Assembly` in `National Assembly Chairman`).
      if (formEnd >= 0) this.emitForm(i, formEnd, formHits, shortChoice);
      return this.startTitle(i, titleEnd, titlePattern);
    }
    if (formEnd >= 0) return this.emitForm(i, formEnd, formHits, shortChoice);
    if (words.flags[i] & T_DIGIT) {
      const next = this.readNumber(i, undefined);
      if (next >= 0) return next;
    }
    if (this.titleBefore(i)) {
      const next = this.readUnknownOfficial(i);
      if (next >= 0) return next;
    }
    if (surname) {
      const next = this.readAppositionOfficial(i);
      if (next >= 0) return next;
    }
    return i + 1;
  }

  /** Walks the trie from word i, collecting every pattern that ends on the way and passes its checks. */
  private walk(i: number, firstWord = -2): void {
    const { c, words, text } = this;
    this.hitCount = 0;
    this.caseBitsStart = -1;
    const first = firstWord === -2 ? this.probe(c.firstWords, i) : firstWord;
    if (first < 0) return;
    let node = c.rootChild[first];
    // Words are found by hash alone while walking; they are compared as strings only where a pattern
    // ends, so the many walks that lead nowhere compare nothing.
    const path = this.pathWords;
    path[0] = first;
    let verified = i - 1;
    for (let j = i; ; ) {
      if (c.nodePattern[node] >= 0) {
        for (; verified < j; verified++) {
          const k = verified + 1;
          if (!wordMatchesId(text, words.start[k], words.end[k], this.tables, path[k - i])) return;
        }
        for (let p = c.nodePattern[node]; p >= 0; p = c.patternNext[p]) {
          if (this.accepts(p, i, j)) {
            this.hitPattern[this.hitCount] = p;
            this.hitEnd[this.hitCount] = j;
            this.hitCount++;
          }
        }
      }
      // A leaf (most forms are one or two words) ends the walk before the next word is looked at.
      if (j + 1 >= words.count || c.childStart[node] === c.childStart[node + 1]) return;
      const separator = this.separatorKey(j);
      if (separator < 0) return;
      const word = this.probe(c.allWords, j + 1);
      if (word < 0) return;
      node = this.child(node, word * SEPARATOR_SPACE + separator);
      if (node === 0) return;
      j++;
      path[j - i] = word;
    }
  }

  /**
   * The id of the dictionary word with word k's hash, or -1. The word itself is not compared (the walk
   * does that where it matters) unless two dictionary words share the hash.
   */
  private probe(table: WordTable, k: number): number {
    const { c } = this;
    const hash = this.words.hash[k];
    const { slots, slotHashes, mask } = table;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const v = slots[slot];
      if (v === 0) return -1;
      if (slotHashes[slot] === hash) return c.sharedHash[v - 1] ? this.lookup(table, k) : v - 1;
    }
  }

  private lookup(table: WordTable, k: number): number {
    const { words, c, text } = this;
    const hash = words.hash[k];
    const { slots, mask } = table;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const v = slots[slot];
      if (v === 0) return -1;
      const id = v - 1;
      if (c.wordHashes[id] === hash && wordMatchesId(text, words.start[k], words.end[k], this.tables, id)) return id;
    }
  }

  private child(node: number, key: number): number {
    const { childStart, childKey, childNode } = this.c;
    let low = childStart[node];
    let high = childStart[node + 1] - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const k = childKey[mid];
      if (k === key) return childNode[mid];
      if (k < key) low = mid + 1;
      else high = mid - 1;
    }
    return 0;
  }

  /** The separator id between word j and word j + 1, or -1 when no form has it. */
  private separatorKey(j: number): number {
    const a = this.words.end[j];
    const b = this.words.start[j + 1];
    if (b - a === 1 && this.text.charCodeAt(a) === 32) return SEP_JOIN;
    const kind = separatorClass(this.text, a, b);
    if (kind !== SEP_OTHER) return kind;
    if (this.c.separatorIds.size === 0 || b - a > 8) return -1;
    return this.c.separatorIds.get(this.text.slice(a, b)) ?? -1;
  }

  // --- checks of case and diacritics -----------------------------------------------------------------

  /** Whether words i..j, which fold to pattern p, are written as p requires. */
  private accepts(p: number, i: number, j: number): boolean {
    const { c, words, text } = this;
    const caseRule = c.patternCase[p];
    const flags = c.patternFlags[p];
    // A family name only ever starts a capitalised name (readAppositionOfficial): `to` in lower case
    // is no hit, and the step after the walk has nothing to look at.
    if (c.patternType[p] === P_SURNAME) return (words.flags[i] & T_UPPER) !== 0;
    if (caseRule === CASE_ANY && !(flags & F_DIACRITICS)) return true;
    // Cheap rejection first: `an`, `long`, `who` against `An`, `Long`, `WHO`.
    if (flags & F_FIRST_UPPER && caseRule !== CASE_ANY && !(words.flags[i] & T_UPPER)) return false;
    const written = this.patternWords(p);
    if (written.lower.length !== j - i + 1) return false;
    if (flags & F_DIACRITICS) {
      for (let k = i; k <= j; k++) {
        if (sameText(text, words.start[k], words.end[k], written.raw[k - i])) continue;
        if (text.slice(words.start[k], words.end[k]).normalize('NFC').toLowerCase() !== written.lower[k - i]) return false;
      }
    }
    if (caseRule === CASE_ANY) return true;
    let asWritten = true;
    for (let k = i; k <= j && asWritten; k++) {
      const expected = written.caseBits[k - i];
      const bits = expected >= 0 ? this.caseBitsOf(i, k) : -1;
      if (bits >= 0) asWritten = bits === expected;
      else asWritten = stripDiacritics(text.slice(words.start[k], words.end[k])) === written.stripped[k - i];
    }
    if (asWritten) return true;
    if (caseRule !== CASE_WRITTEN_OR_CAPS) return false;
    for (let k = i; k <= j; k++) if (words.flags[k] & T_LOWER) return false;
    return true;
  }

  /** caseBits of word k, remembered for the walk from word i (several patterns check the same words). */
  private caseBitsOf(i: number, k: number): number {
    if (this.caseBitsStart !== i) {
      this.caseBitsStart = i;
      this.caseBitsKnown = 0;
    }
    const index = k - i;
    if (index < this.caseBitsKnown) return this.caseBitsCache[index];
    const bits = caseBits(this.text, this.words.start[k], this.words.end[k]);
    if (index === this.caseBitsKnown && index < this.caseBitsCache.length) {
      this.caseBitsCache[index] = bits;
      this.caseBitsKnown++;
    }
    return bits;
  }

  private patternWords(p: number): PatternWords {
    let cached = this.c.patternWords[p];
    if (!cached) {
      const written = this.c.patternWritten[p];
      patternScratch.reset();
      tokenize(written, 0, written.length, patternScratch);
      cached = { raw: [], stripped: [], lower: [], caseBits: [] };
      for (let k = 0; k < patternScratch.count; k++) {
        const start = patternScratch.start[k];
        const end = patternScratch.end[k];
        const word = written.slice(start, end);
        cached.raw.push(word);
        cached.stripped.push(stripDiacritics(word));
        cached.lower.push(word.normalize('NFC').toLowerCase());
        cached.caseBits.push(caseBits(written, start, end));
      }
      this.c.patternWords[p] = cached;
    }
    return cached;
  }

  // --- mentions of entries ---------------------------------------------------------------------------

  private emitForm(i: number, end: number, hits: number[], shortChoice: number | number[] | undefined): number {
    const { c, words, text } = this;
    const start = words.start[i];
    const stop = words.end[end];
    if (isInsideLink(text, start, stop)) return i + 1;
    // The one entry meant, or several.
    let target = -1;
    let targets: number[] | undefined;
    if (shortChoice !== undefined) {
      if (typeof shortChoice === 'number') target = shortChoice;
      else targets = shortChoice;
    } else if (hits.length === 1 && c.patternTargetStart[hits[0] + 1] - c.patternTargetStart[hits[0]] === 1) {
      target = c.patternTargets[c.patternTargetStart[hits[0]]];
    } else {
      targets = distinctTargets(c, hits);
      if (targets.length > 1) {
        // A form shared by several entries: those that match exactly as written come first.
        const exact = distinctTargets(c, hits.filter((p) => this.writtenExactly(p, i, end)));
        if (exact.length >= 1) targets = exact;
      }
      if (targets.length === 1) target = targets[0];
    }
    if (target < 0) {
      const matchKind = MATCH_KINDS[c.patternMatch[hits[0]]];
      this.ambiguous.push(this.ambiguousAt(start, stop, targets!, matchKind, undefined));
      this.pendingTitle = undefined;
      return end + 1;
    }
    const title = this.titleBefore(i);
    // Several forms of the entry may fold alike (`Doi Moi` and `Đổi mới`): the one spelt as in the text
    // says how it matched, else name before alias before native.
    let matchIndex = 255;
    let spelt = false;
    // One pattern: the target is one of its own (that is how it was chosen).
    if (hits.length === 1) matchIndex = c.patternMatch[hits[0]];
    else {
      for (const p of hits) {
        if (!patternHasTarget(c, p, target)) continue;
        const exact = this.speltAsWritten(p, i, end);
        if ((exact && !spelt) || (exact === spelt && c.patternMatch[p] < matchIndex)) {
          matchIndex = c.patternMatch[p];
          spelt = exact;
        }
      }
    }
    const match = MATCH_KINDS[matchIndex];
    const mention = this.report(start, stop, target, match, undefined, this.writtenAs(hits, start, stop));
    if (mention && title && this.tables.entryKinds[target] === 'official') mention.title = this.titleContext(title);
    if (match !== 'short') this.noteFullMention(target, start);
    this.pendingTitle = undefined;
    return end + 1;
  }

  /**
   * The written form of one of the patterns when text[start, stop) is exactly that form (the usual
   * case): the mention's text can then be that string instead of a copy of the document's.
   */
  private writtenAs(hits: number[], start: number, stop: number): string | undefined {
    // A short slice is a copy of its own anyway (see ownCopy).
    if (stop - start < 13) return undefined;
    const { writtenUnits, writtenStart } = this.tables;
    for (const p of hits) {
      const from = writtenStart[p];
      if (writtenStart[p + 1] - from === stop - start && sameUnits(this.text, start, writtenUnits, from, stop - start)) return this.c.patternWritten[p];
    }
    return undefined;
  }

  /** Whether words i..j are spelt as pattern p is written, diacritics included (case aside). */
  private speltAsWritten(p: number, i: number, j: number): boolean {
    const written = this.patternWords(p);
    for (let k = i; k <= j; k++) {
      const start = this.words.start[k];
      const end = this.words.end[k];
      const expected = written.lower[k - i];
      if (!(this.words.flags[k] & T_NON_ASCII)) {
        // ASCII: compare lower-cased units without making strings.
        if (end - start !== expected.length) return false;
        for (let n = 0; n < expected.length; n++) {
          let code = this.text.charCodeAt(start + n);
          if (code >= 65 && code <= 90) code += 32;
          if (code !== expected.charCodeAt(n)) return false;
        }
      } else if (!sameText(this.text, start, end, written.raw[k - i])) {
        // A word with letters outside ASCII is never spelt as an ASCII form: no need to normalise it.
        if (isAscii(expected) && !mayFoldToAscii(this.text, start, end)) return false;
        if (this.text.slice(start, end).normalize('NFC').toLowerCase() !== expected) return false;
      }
    }
    return true;
  }

  private writtenExactly(p: number, i: number, j: number): boolean {
    const written = this.patternWords(p);
    for (let k = i; k <= j; k++) {
      const bits = caseBits(this.text, this.words.start[k], this.words.end[k]);
      if (bits < 0 || bits !== written.caseBits[k - i]) return false;
    }
    return true;
  }

  /**
   * Which entry a short name (`Cuong`) refers to: one whose role title stands right before it, else the
   * entry mentioned in full most recently. In Vietnamese text a bare short name is not taken (`Chính`
   * starts `Chính phủ`): a title or a form of address (`ông Cường`) must precede it.
   */
  private chooseShort(shorts: number[], i: number): number | number[] | undefined {
    const title = this.titleBefore(i);
    if (this.wordLang[i] === LANG_VI && !title) return undefined;
    if (title && !title.honorific) {
      const titleText = this.text.slice(this.words.start[title.firstWord], this.words.end[title.lastWord]);
      const fitting = this.fittingTargets(shorts, titleText);
      if (fitting.length === 1) return fitting[0];
      if (fitting.length > 1) return this.nearest(fitting) ?? fitting;
    }
    // The entry of these short forms mentioned in full most recently: kept per short-form pattern.
    let best: number | undefined;
    // Mentions before a segment have negative offsets (see ScanState).
    let bestAt = Number.NEGATIVE_INFINITY;
    for (const p of shorts) {
      const t = this.latestFullOf(p);
      if (t < 0) continue;
      const at = this.lastFullMention.get(t)!;
      if (at > bestAt) {
        best = t;
        bestAt = at;
      }
    }
    return best;
  }

  /** Of the given entries, the one mentioned in full most recently (undefined when none was). */
  private nearest(list: readonly number[]): number | undefined {
    let best: number | undefined;
    // Mentions before a segment have negative offsets (see ScanState).
    let bestAt = Number.NEGATIVE_INFINITY;
    for (const t of list) {
      const at = this.lastFullMention.get(t);
      if (at !== undefined && at > bestAt) {
        best = t;
        bestAt = at;
      }
    }
    return best;
  }

  /** The entries of the short-form patterns one of whose roles the written title names (each once). */
  private fittingTargets(shorts: number[], titleText: string): number[] {
    const { c } = this;
    let fits = c.titledShortFits.get(titleText);
    if (!fits) {
      if (c.titledShortFits.size >= TITLED_SHORT_FITS_LIMIT) c.titledShortFits.clear();
      c.titledShortFits.set(ownCopy(titleText), (fits = new Map()));
    }
    const out: number[] = [];
    const stamp = c.entryStamps.next();
    for (const p of shorts) {
      let list = fits.get(p);
      if (!list) {
        const written = significantWords(titleText);
        const found: number[] = [];
        for (let k = c.patternTargetStart[p]; k < c.patternTargetStart[p + 1]; k++) {
          const t = c.patternTargets[k];
          for (const role of this.roleWordsOf(t)) {
            if (titleWordsNameRole(written, role)) {
              found.push(t);
              break;
            }
          }
        }
        fits.set(p, (list = found));
      }
      for (const t of list) if (c.entryStamps.add(t, stamp)) out.push(t);
    }
    return out;
  }

  /** The significant words of entry t's role titles, English and native. */
  private roleWordsOf(t: number): readonly TitleWords[] {
    let words = this.c.entryRoleWords[t];
    if (!words) {
      const list: TitleWords[] = [];
      for (const role of this.c.entries[t].roles) {
        list.push(significantWords(role.title));
        if (role.native !== undefined) list.push(significantWords(role.native));
      }
      this.c.entryRoleWords[t] = words = list;
    }
    return words;
  }

  /**
   * Records a full mention of entry `target` at `start`. Whatever sets lastFullMention during the scan
   * goes through here, so that the latest entry per short-form pattern stays right.
   */
  private noteFullMention(target: number, start: number): void {
    this.lastFullMention.set(target, start);
    if (this.shortLatest) this.updateShortLatest(target, start);
  }

  /** The entry of short-form pattern p mentioned in full most recently, or -1. */
  private latestFullOf(p: number): number {
    if (!this.shortLatest) {
      // Made from lastFullMention when first needed (it may hold the state of the text before a segment).
      this.shortLatest = new Map();
      for (const [target, at] of this.lastFullMention) this.updateShortLatest(target, at);
    }
    return this.shortLatest.get(p) ?? -1;
  }

  private updateShortLatest(target: number, at: number): void {
    const { c } = this;
    const latest = this.shortLatest!;
    for (let k = c.entryShortStart[target]; k < c.entryShortStart[target + 1]; k++) {
      const p = c.entryShortPatterns[k];
      const previous = latest.get(p);
      if (previous === undefined || previous === target || this.lastFullMention.get(previous)! < at) latest.set(p, target);
    }
  }

  // --- titles ----------------------------------------------------------------------------------------

  private startTitle(i: number, end: number, pattern: number): number {
    const { words, c } = this;
    let last = end;
    // `Ambassador to Vietnam Caroline Beresford`: the posting belongs to the title.
    if (POSTING_HASHES.has(words.hash[end]) && last + 2 < words.count && TITLES_WITH_POSTING.has(foldedWord(this.text, words.start[end], words.end[end]))) {
      const to = last + 1;
      if (this.spaceBetween(last, to) && foldedWord(this.text, words.start[to], words.end[to]) === 'to' && words.flags[to + 1] & T_UPPER && this.spaceBetween(to, to + 1)) {
        last = to + 1;
        if (last + 1 < words.count && this.spaceBetween(last, last + 1)) {
          const pair = `${foldedWord(this.text, words.start[last], words.end[last])} ${foldedWord(this.text, words.start[last + 1], words.end[last + 1])}`;
          if (TWO_WORD_COUNTRIES.has(pair)) last++;
        }
      }
    }
    this.pendingTitle = {
      firstWord: i,
      lastWord: last,
      honorific: c.patternType[pattern] === P_HONORIFIC,
      lang: c.patternFlags[pattern] & F_VIETNAMESE ? 'vi' : 'en',
    };
    return last + 1;
  }

  /** The pending title if it stands right before word i (separated by spaces only). */
  private titleBefore(i: number): PendingTitle | undefined {
    const title = this.pendingTitle;
    if (!title || title.lastWord !== i - 1 || !this.spaceBetween(i - 1, i)) return undefined;
    return title;
  }

  private titleContext(title: PendingTitle): TitleContext {
    const { words } = this;
    return this.titleAt(words.start[title.firstWord], words.end[title.lastWord], title);
  }

  /** `former`, `the late`, `then-`, `ex-`, `nguyên`, `cố` right before the title. */
  private isHistorical(firstWord: number): boolean {
    if (firstWord === 0) {
      // The word before a segment, when only white space separates it from the title.
      return this.segment?.state.historicalWordBefore !== undefined && /^\s*$/.test(this.text.slice(0, this.words.start[0]));
    }
    const { words, text } = this;
    const prev = firstWord - 1;
    if (!HISTORICAL_HASHES.has(words.hash[prev])) return false;
    const word = text.slice(words.start[prev], words.end[prev]).normalize('NFC').toLowerCase();
    if (!HISTORICAL_PREFIXES.includes(word)) return false;
    const gap = text.slice(words.end[prev], words.start[firstWord]);
    if (word === 'then' || word === 'ex') return /^[-‐‑–]$/.test(gap);
    return /^\s+$/.test(gap);
  }

  /** True when only whitespace (at most one line break) separates word a from word b. */
  private spaceBetween(a: number, b: number): boolean {
    const from = this.words.end[a];
    const to = this.words.start[b];
    let newlines = 0;
    for (let k = from; k < to; k++) {
      const code = this.text.charCodeAt(k);
      if (code === 10) {
        if (++newlines > 1) return false;
      } else if (code !== 32 && code !== 9 && code !== 13 && code !== 0xa0) return false;
    }
    return to > from;
  }

  // --- officials the glossary lacks ------------------------------------------------------------------

  /**
   * After a title, a capitalised name that is no entry's: `Deputy Prime Minister Ho Duc Phoc`. Only
   * names that look like names (2 to 5 capitalised words; in Vietnamese text starting with a family name)
   * are proposed: each candidate becomes an "Add to glossary" suggestion.
   */
  private readUnknownOfficial(i: number): number {
    const { words, text } = this;
    const title = this.titleBefore(i)!;
    const titleWord = title.firstWord;
    const titleText = text.slice(words.start[titleWord], words.end[title.lastWord]);
    if (title.honorific && titleText.normalize('NFC').toLowerCase() !== 'đồng chí') return -1;
    if (!title.honorific && !(words.flags[titleWord] & T_UPPER)) return -1;
    const vietnamese = this.wordLang[i] === LANG_VI;
    const run: number[] = [];
    for (let k = i; k < words.count && run.length < 8; k++) {
      if (k > i && !this.spaceBetween(k - 1, k) && !this.hyphenBetween(k - 1, k)) break;
      const flags = words.flags[k];
      const folded = foldedWord(text, words.start[k], words.end[k]);
      // After a Vietnamese family name, English function words are syllables (`Nguyễn Văn An`).
      const stopWords = vietnamese || (run.length > 0 && VIETNAMESE_SURNAMES.has(foldedWord(text, words.start[run[0]], words.end[run[0]]))) ? INSTITUTION_WORDS : NOT_NAME_WORDS;
      if (flags & T_UPPER && flags & T_LOWER && !(flags & T_DIGIT) && !stopWords.has(folded)) {
        run.push(k);
        continue;
      }
      if (!vietnamese && !(flags & T_UPPER) && NAME_PARTICLES.has(folded) && run.length > 0) {
        run.push(k);
        continue;
      }
      break;
    }
    while (run.length && !(words.flags[run[run.length - 1]] & T_UPPER)) run.pop();
    let first = 0;
    if (vietnamese) {
      first = run.findIndex((k, n) => VIETNAMESE_SURNAMES.has(foldedWord(text, words.start[k], words.end[k])) && run.length - n >= 2 && run.length - n <= 4);
      if (first < 0 || first > 4) return -1;
    } else if (run.length < 2 || run.length > MAX_NAME_WORDS) return -1;
    const nameStart = words.start[run[first]];
    const nameEnd = words.end[run[run.length - 1]];
    if (isInsideLink(text, nameStart, nameEnd)) return -1;
    const titleEnd = first > 0 ? words.end[run[first - 1]] : words.end[title.lastWord];
    const titleSpan = this.titleAt(words.start[titleWord], titleEnd, title);
    const name = text.slice(nameStart, nameEnd);
    this.candidates.push({ start: nameStart, end: nameEnd, range: this.rangeOf(nameStart, nameEnd), text: name, kind: 'official', title: titleSpan.text, name, titleSpan });
    this.pendingTitle = undefined;
    return run[run.length - 1] + 1;
  }

  /**
   * A Vietnamese name followed by a comma and a title: `Ngo Tien Long, former Director-General at ...`,
   * `Nguyễn Văn An, Thứ trưởng Bộ Ngoại giao, cho biết`. The name must start with a family name and have
   * two to four capitalised words; the title must be one the engine knows, capitalised.
   */
  private readAppositionOfficial(i: number): number {
    const { words, text, c } = this;
    if (!(words.flags[i] & T_UPPER) || !(words.flags[i] & T_LOWER)) return -1;
    let last = i;
    while (last + 1 < words.count && last - i < 3 && this.spaceBetween(last, last + 1)) {
      const flags = words.flags[last + 1];
      if (!(flags & T_UPPER && flags & T_LOWER) || INSTITUTION_WORDS.has(foldedWord(text, words.start[last + 1], words.end[last + 1]))) break;
      last++;
    }
    if (last === i || last + 1 >= words.count) return -1;
    const gap = text.slice(words.end[last], words.start[last + 1]);
    if (gap !== ', ') return -1;
    let titleWord = last + 1;
    const article = foldedWord(text, words.start[titleWord], words.end[titleWord]);
    const historical = article === 'former';
    if ((historical || article === 'the') && titleWord + 1 < words.count && this.spaceBetween(titleWord, titleWord + 1)) titleWord++;
    if (!(words.flags[titleWord] & T_UPPER)) return -1;
    this.walk(titleWord);
    let titleEnd = -1;
    let titlePattern = -1;
    for (let h = 0; h < this.hitCount; h++) {
      const p = this.hitPattern[h];
      if (c.patternType[p] === P_TITLE && this.hitEnd[h] > titleEnd) {
        titleEnd = this.hitEnd[h];
        titlePattern = p;
      }
    }
    if (titleEnd < 0) return -1;
    const nameStart = words.start[i];
    const nameEnd = words.end[last];
    if (isInsideLink(text, nameStart, nameEnd)) return -1;
    const lang = c.patternFlags[titlePattern] & F_VIETNAMESE ? 'vi' : 'en';
    const titleStart = words.start[titleWord];
    const titleStop = words.end[titleEnd];
    const titleSpan: TitleContext = { start: titleStart, end: titleStop, range: this.rangeOf(titleStart, titleStop), text: text.slice(titleStart, titleStop), historical, lang };
    const name = text.slice(nameStart, nameEnd);
    this.candidates.push({ start: nameStart, end: nameEnd, range: this.rangeOf(nameStart, nameEnd), text: name, kind: 'official', title: titleSpan.text, name, titleSpan });
    this.pendingTitle = undefined;
    return titleEnd + 1;
  }

  private hyphenBetween(a: number, b: number): boolean {
    const from = this.words.end[a];
    return this.words.start[b] - from === 1 && /[-‐‑]/.test(this.text[from]);
  }

  // --- documents -------------------------------------------------------------------------------------

  /**
   * After a type word (`Resolution`, `Nghị quyết`), optionally `No.`/`số`: a full number (checked
   * against the type word) or a short reference (`Resolution 59`) to the one entry of that type and
   * serial number.
   */
  private readReference(i: number, typeEnd: number, pattern: number): number {
    const { words, text, c } = this;
    const typeWord = DOCUMENT_TYPE_WORDS[c.patternTarget[pattern]];
    let k = typeEnd + 1;
    if (k >= words.count || !this.spaceBetween(typeEnd, k)) return -1;
    let numbered = false;
    let word = '';
    if (NUMBER_WORD_HASHES.has(words.hash[k])) {
      word = text.slice(words.start[k], words.end[k]);
      word = (words.flags[k] & T_NON_ASCII ? word.normalize('NFC') : word).toLowerCase();
    }
    if (word === 'no' || word === 'number' || word === 'số' || word === 'so') {
      const gap = text.slice(words.end[k], k + 1 < words.count ? words.start[k + 1] : words.end[k]);
      if (!/^\.?:?[ \u00a0]{0,2}$/.test(gap) || gap.length === 0) return -1;
      numbered = true;
      k++;
    }
    if (k >= words.count || !(words.flags[k] & T_DIGIT)) return -1;
    const typeSpan = { first: i, last: typeEnd, codes: typeWord.codes };
    const full = this.readNumber(k, typeSpan);
    if (full >= 0) return full;
    if (!(words.flags[k] & T_ALL_DIGITS) || words.end[k] - words.start[k] > 5) return -1;
    // English type words are names here: `Resolution 59`, `RESOLUTION 59`, or any case with `No.`.
    if (typeWord.lang === 'en' && !numbered && !(words.flags[i] & T_UPPER)) return -1;
    const after = text.charCodeAt(words.end[k]);
    const afterNext = text.charCodeAt(words.end[k] + 1);
    const continues = (code: number) => code === 0x2f || code === 0x2d || code === 0x2010 || code === 0x2011 || code === 0x2013;
    if (continues(after) && /[\p{L}\p{N}]/u.test(String.fromCharCode(afterNext || 32))) return -1;
    if (after === 0x2e && afterNext >= 0x30 && afterNext <= 0x39) return -1;
    const serial = serialKey(text.slice(words.start[k], words.end[k]));
    const targets: number[] = [];
    for (const code of typeWord.codes) for (const t of c.shortReferences.get(`${code}:${serial}`) ?? []) if (!targets.includes(t)) targets.push(t);
    if (targets.length === 0) return -1;
    const start = words.start[i];
    const end = words.end[k];
    if (isInsideLink(text, start, end)) return k + 1;
    const document: DocumentCitation = { typeWord: this.span(start, words.end[typeEnd]), typeWordCodes: typeWord.codes };
    if (targets.length > 1) {
      this.ambiguous.push(this.ambiguousAt(start, end, targets, 'number', document));
    } else {
      this.report(start, end, targets[0], 'number', document);
    }
    this.pendingTitle = undefined;
    return k + 1;
  }

  /** A full document number at word i; returns the first word after it, or -1. */
  private readNumber(i: number, typeWord: { first: number; last: number; codes: readonly string[] } | undefined): number {
    const { words, text, c } = this;
    if (!(words.flags[i] & T_ALL_DIGITS)) return -1;
    // Cheap check before the pattern: a number goes on with a dash or a slash.
    let next = words.end[i];
    if (text.charCodeAt(next) === 32) next++;
    const code = text.charCodeAt(next);
    if (code !== 0x2d && code !== 0x2f && !(code >= 0x2010 && code <= 0x2014)) return -1;
    const start = words.start[i];
    const number = readDocumentNumberAt(text, start);
    if (!number) return -1;
    const end = start + number.text.length;
    let after = i + 1;
    while (after < words.count && words.start[after] < end) after++;
    if (isInsideLink(text, start, end)) return after;
    const document: DocumentCitation = { number };
    let kindCodes = typeCodesOf(number);
    if (typeWord) {
      document.typeWord = this.span(words.start[typeWord.first], words.end[typeWord.last]);
      document.typeWordCodes = typeWord.codes;
      if (kindCodes.length && !typeWord.codes.some((code) => kindCodes.includes(code))) document.typeMismatch = true;
      if (!number.typeCode) kindCodes = kindCodes.filter((code) => typeWord.codes.includes(code));
    }
    const targets = c.numbers.get(number.normalized) ?? [];
    if (targets.length === 1) this.report(start, end, targets[0], 'number', document);
    else if (targets.length > 1) this.ambiguous.push(this.ambiguousAt(start, end, targets, 'number', document));
    else {
      const resolution = number.typeCode ? kindCodes[0] === 'NQ' : kindCodes.length === 1 && kindCodes[0] === 'NQ';
      this.candidates.push({ start, end, range: this.rangeOf(start, end), text: text.slice(start, end), kind: resolution ? 'resolution' : 'document', document });
    }
    this.pendingTitle = undefined;
    return after;
  }

  // --- annotations -----------------------------------------------------------------------------------

  private addAnnotation(raw: RawAnnotation): void {
    const entry = this.c.glossary.byId.get(raw.id);
    const annotation: Annotation = {
      start: raw.start,
      end: raw.end,
      range: this.rangeOf(raw.start, raw.end),
      text: this.text.slice(raw.start, raw.end),
      id: raw.id,
      idSpan: this.span(raw.idStart, raw.idEnd),
      known: entry !== undefined,
    };
    if (raw.shown !== undefined) annotation.shown = raw.shown;
    this.annotations.push(annotation);
    if (entry) {
      const index = this.c.entryIndex.get(entry.id)!;
      this.report(raw.start, raw.end, index, 'annotation', undefined);
      this.noteFullMention(index, raw.start);
    }
    this.pendingTitle = undefined;
  }

  // --- language ---------------------------------------------------------------------------------------

  /**
   * The language of each paragraph. A paragraph without a Vietnamese-only letter is English; one with
   * them is Vietnamese when it has more Vietnamese function words (`của`, `và`, `được`) than English
   * ones (`the`, `and`, `of`), or, with too few of either, when such letters are frequent. The document's
   * language is front matter `lang:`, else the language of most of its letters.
   */
  private detectLanguages(declared: string | undefined): { lang: DocumentLanguage; spans: LanguageSpan[] } {
    const { words, text } = this;
    const n = words.count;
    this.wordLang = new Uint8Array(n);
    const paragraphs: { first: number; last: number; lang: number }[] = [];
    let viLetters = 0;
    let enLetters = 0;
    const { flags, start: starts, end: ends, viet: viets } = words;
    for (let first = 0; first < n; ) {
      // The paragraph's words and their letters in one pass.
      let letters = 0;
      let viet = 0;
      let last = first;
      for (let k = first; ; ) {
        // Without combining marks a word has as many letters as units (NFC text).
        letters += flags[k] & T_MARKS ? letterCount(text, starts[k], ends[k]) : ends[k] - starts[k];
        viet += viets[k];
        last = k;
        if (++k >= n || flags[k] & T_PARAGRAPH) break;
      }
      let lang = LANG_EN;
      // Vietnamese names in English text stay far below the share of Vietnamese prose (about 0.3);
      // function words decide only in between.
      if (viet >= letters * VIETNAMESE_SHARE_CLEAR) lang = LANG_VI;
      else if (viet >= letters * ENGLISH_SHARE_CLEAR) {
        let viWords = 0;
        let enWords = 0;
        for (let k = first; k <= last; k++) {
          const hash = words.hash[k];
          if (words.viet[k] > 0 ? VI_MARKED_WORDS.has(hash) : VI_PLAIN_WORDS.has(hash)) viWords++;
          else if (words.viet[k] === 0 && EN_WORDS.has(hash)) enWords++;
        }
        if (viWords + enWords >= 3) lang = viWords > enWords ? LANG_VI : LANG_EN;
        else lang = letters < MIN_PARAGRAPH_LETTERS ? LANG_UNKNOWN : viet >= letters * VIETNAMESE_SHARE ? LANG_VI : LANG_EN;
      } else if (letters < MIN_PARAGRAPH_LETTERS) lang = LANG_UNKNOWN;
      if (lang === LANG_VI) viLetters += letters;
      else if (lang === LANG_EN) enLetters += letters;
      paragraphs.push({ first, last, lang });
      first = last + 1;
    }
    const override = declaredLanguage(declared);
    const docLang = override ?? (this.segment ? LANGS.indexOf(this.segment.documentLanguage) : viLetters > enLetters ? LANG_VI : LANG_EN);
    this.letters = { vi: viLetters, en: enLetters };
    this.paragraphCount = paragraphs.length;
    const spans: LanguageSpan[] = [];
    let previousOther = -2;
    paragraphs.forEach((p, index) => {
      const lang = override ?? (p.lang === LANG_UNKNOWN ? docLang : p.lang);
      this.wordLang.fill(lang, p.first, p.last + 1);
      if (lang === docLang) return;
      // The paragraph runs to the end of its last line (closing punctuation included).
      let end = words.end[p.last];
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      while (end > words.end[p.last] && /\s/.test(text[end - 1])) end--;
      const previous = spans[spans.length - 1];
      if (previous && previousOther === index - 1 && previous.lang === LANGS[lang]) previous.end = end;
      else spans.push({ start: words.start[p.first], end, lang: LANGS[lang] });
      previousOther = index;
      if (index === 0) this.firstParagraphOther = true;
      if (index === paragraphs.length - 1) this.lastParagraphOther = true;
    });
    return { lang: LANGS[docLang], spans };
  }

  /**
   * Reports a mention: as a Mention, which it returns, or as a row of numbers when the caller takes rows
   * (then a title or document citation is not kept: the index keeps neither).
   */
  private report(start: number, end: number, target: number, match: MatchKind, document: DocumentCitation | undefined, written?: string): Mention | undefined {
    const rows = this.mentionRows;
    if (!rows) {
      const mention = this.mentionAt(start, end, target, match, document, written);
      this.mentions.push(mention);
      return mention;
    }
    const text = written ?? this.text.slice(start, end);
    const { entryIds, entryKinds } = this.tables;
    if (!this.ownLines) {
      const range = this.rangeOf(start, end);
      rows.add(start, end, range.start.line, range.start.character, range.end.line, range.end.character, entryIds[target], entryKinds[target], match, text);
      return undefined;
    }
    const startLine = this.lineAt(start);
    const startCharacter = start - this.lineStart(startLine);
    const endLine = this.lineAt(end);
    rows.add(start, end, startLine, startCharacter, endLine, end - this.lineStart(endLine), entryIds[target], entryKinds[target], match, text);
    return undefined;
  }

  // Result objects are built field by field: object spread is many times slower in this hot path.
  private mentionAt(start: number, end: number, target: number, match: MatchKind, document: DocumentCitation | undefined, written?: string): Mention {
    const { entryIds, entryKinds } = this.tables;
    const mention: Mention = { start, end, range: this.rangeOf(start, end), text: written ?? ownText(this.text, start, end), entryId: entryIds[target], kind: entryKinds[target], match };
    if (document) mention.document = document;
    return mention;
  }

  private ambiguousAt(start: number, end: number, targets: number[], match: MatchKind, document: DocumentCitation | undefined): AmbiguousReference {
    const entryIds = targets.slice().sort((a, b) => a - b).map((t) => this.c.entries[t].id);
    const reference: AmbiguousReference = { start, end, range: this.rangeOf(start, end), text: ownText(this.text, start, end), entryIds, match };
    if (document) reference.document = document;
    return reference;
  }

  private titleAt(start: number, end: number, title: PendingTitle): TitleContext {
    const context: TitleContext = { start, end, range: this.rangeOf(start, end), text: ownText(this.text, start, end), historical: this.isHistorical(title.firstWord), lang: title.lang };
    if (title.honorific) context.honorific = true;
    return context;
  }

  /**
   * The range of [start, end). Line starts come from the line feeds the scan saw (the same as the line
   * map's when the text has no lone carriage return), looked up with a cursor: spans come in order.
   */
  private rangeOf(start: number, end: number): Range {
    if (!this.ownLines) return (this.lineMap ??= new LineMap(this.text)).rangeOf(start, end);
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  private positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    return { line, character: offset - this.lineStart(line) };
  }

  /** Where line `line` starts (see lineAt). */
  private lineStart(line: number): number {
    return line === 0 ? 0 : this.words.lineFeeds[line - 1];
  }

  /** The line of `offset` from the line feeds the scan saw, with a cursor: spans come mostly in order. */
  private lineAt(offset: number): number {
    const feeds = this.words.lineFeeds;
    const count = this.words.lineFeedCount;
    let line = this.lineCursor;
    // lineStart(line) is 0 for line 0, else feeds[line - 1].
    if (line > 0 && feeds[line - 1] > offset) {
      let low = 0;
      let high = line - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (feeds[mid - 1] <= offset) low = mid;
        else high = mid - 1;
      }
      line = low;
    }
    while (line < count && feeds[line] <= offset) line++;
    this.lineCursor = line;
    return line;
  }

  private span(start: number, end: number): TextSpan {
    return { start, end, range: this.rangeOf(start, end), text: ownText(this.text, start, end) };
  }
}

const MATCH_SHORT = MATCH_KINDS.indexOf('short');
const NO_HITS: number[] = [];
const LANG_EN = 0;
const LANG_VI = 1;
const LANG_UNKNOWN = 2;
const LANGS: DocumentLanguage[] = ['en', 'vi', 'en'];

const hashes = (list: string) => new Set(list.split(' ').map((word) => hashWord(fold(word))));
/** Vietnamese function words written with diacritics (counted only when so written). */
const VI_MARKED_WORDS = hashes('của và các là được những với không người này đã có một đến từ tại về sự để nhiều cũng như đó thì mà đây việc nước');
/** Vietnamese function words without diacritics. */
const VI_PLAIN_WORDS = hashes('trong cho khi theo ra');
const HISTORICAL_HASHES = hashes(HISTORICAL_PREFIXES.join(' '));
const POSTING_HASHES = new Set([...TITLES_WITH_POSTING].map((word) => hashWord(word.split(' ').pop()!)));
const NUMBER_WORD_HASHES = hashes('no number so');
const EN_WORDS = hashes('the and of to in is was that for with on said by as are be has have it its this from will at an a were which would');

function declaredLanguage(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (/^(vi|vie|vietnamese|tiếng việt)([-_].*)?$/.test(v)) return LANG_VI;
  if (/^(en|eng|english)([-_].*)?$/.test(v)) return LANG_EN;
  return undefined;
}

/** Whether the spans are sorted by start, then end (as byStart sorts them). */
function inOrder(spans: readonly TextSpan[]): boolean {
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1];
    const b = spans[k];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/** A text of the document as a string of its own, not a view that keeps the whole document (see ownCopy). */
function ownText(text: string, start: number, end: number): string {
  return ownCopy(text.slice(start, end));
}

/** The entries of the patterns, each once, in the order first met. */
function distinctTargets(c: CompiledGlossary, patterns: number[]): number[] {
  const out: number[] = [];
  const stamp = c.entryStamps.next();
  for (const p of patterns) {
    for (let k = c.patternTargetStart[p]; k < c.patternTargetStart[p + 1]; k++) {
      const t = c.patternTargets[k];
      if (c.entryStamps.add(t, stamp)) out.push(t);
    }
  }
  return out;
}

/** Whether entry `target` is one of pattern p's (their targets are in ascending order). */
function patternHasTarget(c: CompiledGlossary, p: number, target: number): boolean {
  const targets = c.patternTargets;
  let low = c.patternTargetStart[p];
  let high = c.patternTargetStart[p + 1] - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const t = targets[mid];
    if (t === target) return true;
    if (t < target) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Bound of the cache of titled short names (distinct titles): titles and names repeat. */
const TITLED_SHORT_FITS_LIMIT = 2000;

function isAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) > 127) return false;
  return true;
}

/**
 * Whether `text[start, end)` (a word) could be ASCII once in NFC and lower case: only if every unit
 * outside ASCII is the Kelvin sign (NFC `K`); other letters and marks stay outside ASCII.
 */
function mayFoldToAscii(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code > 127 && code !== 0x212a) return false;
  }
  return true;
}

/** True when `text[start, end)` is exactly `expected`, without making a string of it. */
function sameText(text: string, start: number, end: number, expected: string): boolean {
  if (end - start !== expected.length) return false;
  for (let k = 0; k < expected.length; k++) if (text.charCodeAt(start + k) !== expected.charCodeAt(k)) return false;
  return true;
}

/**
 * What the scan reads of a compiled glossary most often, laid out to be read with few memory accesses
 * (the words and entries themselves lie scattered over the heap).
 */
interface ScanTables {
  /** The folded words as code units in one array: word id w is units[start[w], start[w + 1]). */
  units: Uint16Array;
  start: Int32Array;
  /** The written forms of the patterns as code units: pattern p is writtenUnits[writtenStart[p], writtenStart[p + 1]). */
  writtenUnits: Uint16Array;
  writtenStart: Int32Array;
  /** Each entry's id and kind, by entry index. */
  entryIds: string[];
  entryKinds: EntryKind[];
}

const scanTablesByGlossary = new WeakMap<CompiledGlossary, ScanTables>();

function scanTablesOf(c: CompiledGlossary): ScanTables {
  let found = scanTablesByGlossary.get(c);
  // Made once per compiled glossary (again should it ever grow).
  if (!found || found.start.length !== c.words.length + 1 || found.writtenStart.length !== c.patternWritten.length + 1 || found.entryIds.length !== c.entries.length) {
    const words = packedUnits(c.words);
    const written = packedUnits(c.patternWritten);
    const entryIds = c.entries.map((entry) => entry.id);
    const entryKinds = c.entries.map((entry) => entry.kind);
    scanTablesByGlossary.set(c, (found = { units: words.units, start: words.start, writtenUnits: written.units, writtenStart: written.start, entryIds, entryKinds }));
  }
  return found;
}

/** Strings as code units in one array: string k is units[start[k], start[k + 1]). */
function packedUnits(strings: readonly string[]): { units: Uint16Array; start: Int32Array } {
  const start = new Int32Array(strings.length + 1);
  for (let k = 0; k < strings.length; k++) start[k + 1] = start[k] + strings[k].length;
  const units = new Uint16Array(start[strings.length]);
  for (let k = 0; k < strings.length; k++) {
    const s = strings[k];
    for (let n = 0; n < s.length; n++) units[start[k] + n] = s.charCodeAt(n);
  }
  return { units, start };
}

/** True when `text[start, start + length)` is exactly the code units `units[from, from + length)`. */
function sameUnits(text: string, start: number, units: Uint16Array, from: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(start + k) !== units[from + k]) return false;
  return true;
}

/** Whether `text[start, end)` folds to dictionary word `id` (see ScanTables). */
function wordMatchesId(text: string, start: number, end: number, words: ScanTables, id: number): boolean {
  const { units } = words;
  const from = words.start[id];
  const to = words.start[id + 1];
  // Most words are ASCII and as long as their fold: compare code units directly first.
  if (end - start === to - from) {
    let k = 0;
    const n = to - from;
    for (; k < n; k++) {
      let code = text.charCodeAt(start + k);
      if (code >= 65 && code <= 90) code += 32;
      if (code !== units[from + k]) break;
    }
    if (k === n) return true;
  }
  return wordEqualsUnits(text, start, end, units, from, to);
}
