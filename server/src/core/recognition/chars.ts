// Character classes for the tokenizer: one Int32 per UTF-16 code unit, computed on first use and kept.
// The low 16 bits hold the folded code unit (diacritics stripped, lower case), the high bits the class.
// Scanning then costs one array read per character, with no regular expression and no string building.

export const FOLD_MASK = 0xffff;
/** A letter or digit: part of a word. */
export const WORD = 1 << 16;
/** A combining mark: continues a word and folds to nothing (NFD input). */
export const MARK = 1 << 17;
export const UPPER = 1 << 18;
export const LOWER = 1 << 19;
export const DIGIT = 1 << 20;
/** A letter or mark that only Vietnamese uses among the languages we read (ă, ơ, ư, tone marks...). */
export const VIET = 1 << 21;
/** Folds to several code units: the low bits index MULTI_FOLDS. */
export const MULTI = 1 << 22;
export const NEWLINE = 1 << 23;
/** Whitespace other than a line feed. */
export const SPACE = 1 << 24;
/** A hyphen or dash joining words (`UNESCO-recognised`, `ASEAN–EU`). */
export const DASH = 1 << 25;
/** A straight or curly apostrophe (`Vietnam’s`). */
export const APOSTROPHE = 1 << 26;
/** A high surrogate: the code point decides. */
export const HIGH_SURROGATE = 1 << 27;
/** A letter (or other word character) that is not a digit. */
export const NON_DIGIT = 1 << 28;
/** Outside ASCII. */
export const NON_ASCII = 1 << 29;

const UNKNOWN = -1;
export const CHAR_INFO = new Int32Array(0x10000).fill(UNKNOWN);
/** Folds of more than one code unit (rare: ligatures, Hangul syllables). */
export const MULTI_FOLDS: string[] = [];

const IS_MARK = /^\p{M}$/u;
const IS_WORD = /^[\p{L}\p{N}]$/u;
const IS_DIGIT = /^\p{Nd}$/u;
const IS_UPPER = /^[\p{Lu}\p{Lt}]$/u;
const IS_LOWER = /^\p{Ll}$/u;
const IS_SPACE = /^\s$/u;
const COMBINING = /\p{M}/gu;

/** Letters that fold to `d` although NFD does not decompose them. */
const D_LIKE = new Set(['Đ', 'đ', 'Ð', 'ð']);

/** Folds one character: diacritics stripped (Đ/đ to d), lower case. May return '' or several units. */
export function foldCharacter(ch: string): string {
  if (D_LIKE.has(ch)) return 'd';
  return ch.normalize('NFD').replace(COMBINING, '').toLowerCase().replace(COMBINING, '');
}

const VIETNAMESE_LETTERS = buildVietnameseLetters();
const VIETNAMESE_MARKS = new Set([0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x31b, 0x323]);

function buildVietnameseLetters(): Set<string> {
  const letters = new Set<string>(['đ', 'Đ']);
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  for (const base of bases) {
    for (const tone of tones) {
      const ch = (base + tone).normalize('NFC');
      if (ch === base && /^[aeiouy]$/.test(base)) continue;
      letters.add(ch);
      letters.add(ch.toUpperCase());
    }
  }
  return letters;
}

/** True for one Vietnamese letter (NFC): `ơ`, `ừ`, `Đ`, but not `ŕ`. */
export function isVietnameseLetter(ch: string): boolean {
  return VIETNAMESE_LETTERS.has(ch);
}

export function computeCharInfo(code: number): number {
  let info = code > 127 ? NON_ASCII : 0;
  if (code >= 0xd800 && code <= 0xdbff) info = HIGH_SURROGATE;
  else if (code >= 0xdc00 && code <= 0xdfff) info = NON_ASCII;
  else {
    const ch = String.fromCharCode(code);
    if (IS_MARK.test(ch)) {
      info |= MARK | (VIETNAMESE_MARKS.has(code) ? VIET : 0);
    } else if (IS_WORD.test(ch)) {
      info |= WORD;
      info |= IS_DIGIT.test(ch) ? DIGIT : NON_DIGIT;
      if (IS_UPPER.test(ch)) info |= UPPER;
      if (IS_LOWER.test(ch)) info |= LOWER;
      if (VIETNAMESE_LETTERS.has(ch)) info |= VIET;
      const folded = foldCharacter(ch);
      if (folded.length === 1) info |= folded.charCodeAt(0);
      else if (folded.length === 0) info = (info & ~(WORD | NON_DIGIT | DIGIT)) | MARK;
      else {
        MULTI_FOLDS.push(folded);
        info |= MULTI | (MULTI_FOLDS.length - 1);
      }
    } else if (code === 10 || code === 0x2028 || code === 0x2029) info |= NEWLINE;
    else if (IS_SPACE.test(ch)) info |= SPACE;
    else if (code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212) info |= DASH;
    else if (code === 0x27 || code === 0x2019) info |= APOSTROPHE;
  }
  CHAR_INFO[code] = info;
  return info;
}

for (let c = 0; c < 0x250; c++) computeCharInfo(c);

/** The class of an astral code point (letters of other scripts, emoji): cached per code point. */
const astralInfo = new Map<number, number>();
export function astralCharInfo(codePoint: number): number {
  let info = astralInfo.get(codePoint);
  if (info === undefined) {
    const ch = String.fromCodePoint(codePoint);
    info = /^[\p{L}\p{N}]$/u.test(ch) ? WORD | (/^[\p{Lu}\p{Lt}]$/u.test(ch) ? UPPER : 0) | (/^\p{Ll}$/u.test(ch) ? LOWER : 0) : /^\p{M}$/u.test(ch) ? MARK : 0;
    astralInfo.set(codePoint, info);
  }
  return info;
}

export function charInfo(code: number): number {
  const info = CHAR_INFO[code];
  return info === UNKNOWN ? computeCharInfo(code) : info;
}
