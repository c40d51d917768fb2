import {
  APOSTROPHE,
  astralCharInfo,
  CHAR_INFO,
  computeCharInfo,
  DASH,
  DIGIT,
  FOLD_MASK,
  HIGH_SURROGATE,
  isVietnameseLetter,
  LOWER,
  MARK,
  MULTI,
  MULTI_FOLDS,
  NEWLINE,
  SPACE,
  NON_ASCII,
  NON_DIGIT,
  UPPER,
  VIET,
  WORD,
} from './chars';

// A word is a maximal run of letters, digits and combining marks. Each word is hashed over its folded
// code units while it is scanned, so that looking it up in the glossary's dictionary needs no string.

/** First character is a digit. */
export const T_DIGIT = 1;
/** Every character is a digit. */
export const T_ALL_DIGITS = 2;
/** First character is upper case. */
export const T_UPPER = 4;
/** Has a lower-case letter. */
export const T_LOWER = 8;
/** Has a character outside ASCII. */
export const T_NON_ASCII = 16;
/** A blank line separates this word from the previous one (a new paragraph). */
export const T_PARAGRAPH = 32;
/** Has a combining mark (or is outside the Basic Multilingual Plane): its letters are fewer than its units. */
export const T_MARKS = 64;

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 16777619;

/** The words of a text: parallel typed arrays, reused between scans. */
export class TokenList {
  start = new Int32Array(256);
  end = new Int32Array(256);
  hash = new Int32Array(256);
  flags = new Uint8Array(256);
  /** How many Vietnamese-only letters and marks the word has (capped at 255). */
  viet = new Uint8Array(256);
  count = 0;
  /** Offsets just after each line feed seen, in order (positions are computed from them). */
  lineFeeds = new Int32Array(64);
  lineFeedCount = 0;

  reset(): void {
    this.count = 0;
    this.lineFeedCount = 0;
  }

  pushLineFeed(offset: number): void {
    if (this.lineFeedCount === this.lineFeeds.length) {
      const grown = new Int32Array(this.lineFeeds.length * 2);
      grown.set(this.lineFeeds);
      this.lineFeeds = grown;
    }
    this.lineFeeds[this.lineFeedCount++] = offset;
  }

  push(start: number, end: number, hash: number, flags: number, viet: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.hash[i] = hash;
    this.flags[i] = flags;
    this.viet[i] = viet > 255 ? 255 : viet;
  }

  grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = copy(this.start, (n) => new Int32Array(n));
    this.end = copy(this.end, (n) => new Int32Array(n));
    this.hash = copy(this.hash, (n) => new Int32Array(n));
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
    this.viet = copy(this.viet, (n) => new Uint8Array(n));
  }
}

/** Appends the words of `text[from, to)` to `tokens`. */
export function tokenize(text: string, from: number, to: number, tokens: TokenList): void {
  // Module constants copied into locals: in the per-character loop they then cost nothing.
  const table = CHAR_INFO;
  const wordBit = WORD;
  const wordOrMark = WORD | MARK;
  const markOrMulti = MARK | MULTI;
  const multiBit = MULTI;
  const markBit = MARK;
  const vietBit = VIET;
  const foldMask = FOLD_MASK;
  const prime = HASH_PRIME;
  let newlines = 0;
  let i = from;
  let count = tokens.count;
  let starts = tokens.start;
  let ends = tokens.end;
  let hashes = tokens.hash;
  let flagsOf = tokens.flags;
  let viets = tokens.viet;
  while (i < to) {
    // Between words: count line breaks to see paragraphs. A space (most of what lies between words)
    // changes nothing.
    let code = text.charCodeAt(i);
    if (code === 32) {
      i++;
      continue;
    }
    let info = table[code];
    if (info === -1) info = computeCharInfo(code);
    if (!(info & wordBit)) {
      if (info & HIGH_SURROGATE && i + 1 < to && astralCharInfo(text.codePointAt(i)!) & WORD) {
        tokens.count = count;
        i = astralWord(text, i, to, tokens, newlines);
        count = tokens.count;
        starts = tokens.start;
        ends = tokens.end;
        hashes = tokens.hash;
        flagsOf = tokens.flags;
        viets = tokens.viet;
        newlines = 0;
        continue;
      }
      if (info & NEWLINE) {
        newlines++;
        if (code === 10) tokens.pushLineFeed(i + 1);
      } else if (!(info & (SPACE | MARK))) newlines = 0;
      i++;
      continue;
    }
    // A word: hash its folded units and gather its properties in one tight loop.
    const wordStart = i;
    const firstInfo = info;
    let hash = HASH_SEED;
    let seen = 0;
    let viet = 0;
    // A Vietnamese letter counts once with its marks, so that NFC and NFD text count the same: a letter
    // followed by marks counts when they compose to a Vietnamese letter (`ơ` + grave, not `r` + acute).
    // The cluster (a letter and the marks after it) is looked at only when marks come (NFD text).
    let clusterStart = i;
    let clusterCounted = false;
    let clusterMarks = false;
    for (;;) {
      seen |= info;
      if (!(info & markOrMulti)) {
        hash = Math.imul(hash ^ (info & foldMask), prime);
        if (clusterMarks) {
          if (!clusterCounted && isVietnameseLetter(text.slice(clusterStart, i).normalize('NFC'))) viet++;
          clusterMarks = false;
        }
        if (info & vietBit) viet++;
      } else {
        if (info & multiBit) {
          const multi = MULTI_FOLDS[info & foldMask];
          for (let k = 0; k < multi.length; k++) hash = Math.imul(hash ^ multi.charCodeAt(k), prime);
        }
        if (!(info & markBit)) {
          if (clusterMarks) {
            if (!clusterCounted && isVietnameseLetter(text.slice(clusterStart, i).normalize('NFC'))) viet++;
            clusterMarks = false;
          }
          if (info & vietBit) viet++;
        } else if (!clusterMarks) {
          // A word starts with a letter: the first mark of a run follows its letter.
          clusterMarks = true;
          clusterStart = i - 1;
          clusterCounted = (charInfo(text.charCodeAt(i - 1)) & vietBit) !== 0;
        }
      }
      if (++i >= to) break;
      code = text.charCodeAt(i);
      info = table[code];
      if (info === -1) info = computeCharInfo(code);
      if (!(info & wordOrMark)) break;
    }
    if (clusterMarks && !clusterCounted && isVietnameseLetter(text.slice(clusterStart, i).normalize('NFC'))) viet++;
    let flags = newlines >= 2 ? T_PARAGRAPH : 0;
    if (firstInfo & DIGIT) flags |= seen & NON_DIGIT ? T_DIGIT : T_DIGIT | T_ALL_DIGITS;
    if (firstInfo & UPPER) flags |= T_UPPER;
    if (seen & LOWER) flags |= T_LOWER;
    if (seen & NON_ASCII) flags |= T_NON_ASCII;
    if (seen & MARK) flags |= T_MARKS;
    if (count === starts.length) {
      tokens.count = count;
      tokens.grow();
      starts = tokens.start;
      ends = tokens.end;
      hashes = tokens.hash;
      flagsOf = tokens.flags;
      viets = tokens.viet;
    }
    starts[count] = wordStart;
    ends[count] = i;
    hashes[count] = hash;
    flagsOf[count] = flags;
    viets[count] = viet > 255 ? 255 : viet;
    count++;
    newlines = 0;
  }
  tokens.count = count;
}

/** A word of letters outside the Basic Multilingual Plane (rare): hashed by its raw code units. */
function astralWord(text: string, i: number, to: number, tokens: TokenList, newlines: number): number {
  const wordStart = i;
  let hash = HASH_SEED;
  let flags = (astralCharInfo(text.codePointAt(i)!) & UPPER ? T_UPPER : 0) | (newlines >= 2 ? T_PARAGRAPH : 0) | T_NON_ASCII | T_MARKS;
  while (i < to) {
    const code = text.charCodeAt(i);
    let info = CHAR_INFO[code];
    if (info === -1) info = computeCharInfo(code);
    if (info & HIGH_SURROGATE && i + 1 < to) {
      const astral = astralCharInfo(text.codePointAt(i)!);
      if (!(astral & (WORD | MARK))) break;
      if (astral & LOWER) flags |= T_LOWER;
      hash = Math.imul(hash ^ code, HASH_PRIME);
      hash = Math.imul(hash ^ text.charCodeAt(i + 1), HASH_PRIME);
      i += 2;
      continue;
    }
    if (!(info & (WORD | MARK))) break;
    if (info & WORD) {
      if (info & MULTI) {
        const multi = MULTI_FOLDS[info & FOLD_MASK];
        for (let k = 0; k < multi.length; k++) hash = Math.imul(hash ^ multi.charCodeAt(k), HASH_PRIME);
      } else hash = Math.imul(hash ^ (info & FOLD_MASK), HASH_PRIME);
      if (info & LOWER) flags |= T_LOWER;
    }
    i++;
  }
  tokens.push(wordStart, i, hash, flags, 0);
  return i;
}

/** The letters of `text[start, end)` without its combining marks: NFC and NFD text weigh the same. */
export function letterCount(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let info = CHAR_INFO[code];
    if (info === -1) info = computeCharInfo(code);
    if (!(info & MARK)) count++;
  }
  return count;
}

/**
 * A copy of `text` that is a string of its own. V8 keeps a slice of 13 or more characters as a view on
 * the whole string it came from: a slice of a document kept in a cache would keep the document.
 */
export function ownCopy(text: string): string {
  // Slicing a concatenation flattens it into a new string first.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** The folded form of `text[start, end)` (one word). */
export function foldedWord(text: string, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.slice(start, end).toLowerCase();
  const units: number[] = [];
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let info = CHAR_INFO[code];
    if (info === -1) info = computeCharInfo(code);
    if (info & WORD) {
      if (info & MULTI) {
        const multi = MULTI_FOLDS[info & FOLD_MASK];
        for (let k = 0; k < multi.length; k++) units.push(multi.charCodeAt(k));
      } else units.push(info & FOLD_MASK);
    } else if (info & HIGH_SURROGATE) {
      units.push(code, text.charCodeAt(i + 1));
      i++;
    }
  }
  return String.fromCharCode(...units);
}

/** Scratch for wordEquals: a folded word copied to code units. */
const equalsScratch = new Uint16Array(256);

/** True when `text[start, end)` folds to exactly `folded`. */
export function wordEquals(text: string, start: number, end: number, folded: string): boolean {
  const n = folded.length;
  if (n > equalsScratch.length) return foldedWord(text, start, end) === folded;
  for (let k = 0; k < n; k++) equalsScratch[k] = folded.charCodeAt(k);
  return wordEqualsUnits(text, start, end, equalsScratch, 0, n);
}

/**
 * True when `text[start, end)` folds to exactly the code units `units[from, to)`: wordEquals against a
 * word kept in a typed array (reading a typed array costs less than reading a string of any kind).
 */
export function wordEqualsUnits(text: string, start: number, end: number, units: Uint16Array, from: number, to: number): boolean {
  let k = from;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let info = CHAR_INFO[code];
    if (info === -1) info = computeCharInfo(code);
    if (info & WORD) {
      if (info & MULTI) {
        const multi = MULTI_FOLDS[info & FOLD_MASK];
        for (let m = 0; m < multi.length; m++) if (k >= to || units[k++] !== multi.charCodeAt(m)) return false;
      } else if (k >= to || units[k++] !== (info & FOLD_MASK)) return false;
    } else if (info & HIGH_SURROGATE) {
      if (k + 1 >= to || units[k] !== code || units[k + 1] !== text.charCodeAt(i + 1)) return false;
      k += 2;
      i++;
    }
  }
  return k === to;
}

/** How two words are joined, as the matcher compares it. */
export const SEP_NONE = 0;
/** Whitespace with at most one line break, or one hyphen or dash: `Nguyen Manh\nCuong`, `people-to-people`. */
export const SEP_JOIN = 1;
/** One apostrophe, straight or curly: `people's`, `people’s`. */
export const SEP_APOSTROPHE = 2;
/** Anything else: compared as written (interned per glossary). */
export const SEP_OTHER = 3;

/** Classifies the text between two words. */
export function separatorClass(text: string, start: number, end: number): number {
  if (end - start === 1) {
    const info = charInfo(text.charCodeAt(start));
    if (info & (SPACE | NEWLINE | DASH)) return SEP_JOIN;
    if (info & APOSTROPHE) return SEP_APOSTROPHE;
    return SEP_OTHER;
  }
  let newlines = 0;
  for (let i = start; i < end; i++) {
    const info = charInfo(text.charCodeAt(i));
    if (info & NEWLINE) {
      if (++newlines > 1) return SEP_OTHER;
    } else if (!(info & SPACE)) return SEP_OTHER;
  }
  return SEP_JOIN;
}

function charInfo(code: number): number {
  const info = CHAR_INFO[code];
  return info === -1 ? computeCharInfo(code) : info;
}

/**
 * Which folded units of a word are upper case, as bits (bit k: unit k), or -1 for words too long to
 * say. Two words that fold alike are written alike but for diacritics exactly when their bits agree:
 * the case check of names costs no string.
 */
export function caseBits(text: string, start: number, end: number): number {
  let bits = 0;
  let unit = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let info = CHAR_INFO[code];
    if (info === -1) info = computeCharInfo(code);
    if (!(info & WORD)) {
      if (info & HIGH_SURROGATE) return -1;
      continue;
    }
    if (unit > 30) return -1;
    if (info & UPPER) bits |= 1 << unit;
    unit += info & MULTI ? MULTI_FOLDS[info & FOLD_MASK].length : 1;
  }
  return bits;
}
