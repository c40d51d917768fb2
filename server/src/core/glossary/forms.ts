import { fold, foldChar } from '../recognition/fold';

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const ASCII_ALNUM = /[A-Za-z0-9]/;

/**
 * Folded ASCII letter (char code) of each code unit below FOLD_TABLE_SIZE whose fold is a single ASCII
 * letter or digit (Latin-1, Latin Extended and the Vietnamese letters of Latin Extended Additional);
 * DROP for combining marks; SEPARATOR for ASCII and general punctuation (dashes, curly quotes) that
 * separates words; OTHER for anything else, which takes the general path.
 */
const FOLD_TABLE_SIZE = 0x2070;
const GENERAL_PUNCTUATION = 0x2000;
const DROP = 0;
const OTHER = -1;
const SEPARATOR = -2;
const FOLD_TABLE = buildFoldTable();

function buildFoldTable(): Int16Array {
  const table = new Int16Array(FOLD_TABLE_SIZE).fill(OTHER);
  for (let c = 0; c < 128; c++) {
    const isAlnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    table[c] = isAlnum ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : SEPARATOR;
  }
  for (let c = 0x300; c <= 0x36f; c++) table[c] = DROP;
  const ranges: [number, number][] = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const folded = foldChar(String.fromCharCode(c));
      if (folded.length === 1 && /[a-z0-9]/.test(folded)) table[c] = folded.charCodeAt(0);
    }
  }
  // Taken from the general definition itself: a character between two words either separates them or
  // is dropped; any other outcome keeps the general path.
  for (let c = GENERAL_PUNCTUATION; c < FOLD_TABLE_SIZE; c++) {
    const key = generalFormKey(`a${String.fromCharCode(c)}b`);
    if (key === 'a b') table[c] = SEPARATOR;
    else if (key === 'ab') table[c] = DROP;
  }
  return table;
}

const SIMPLE_ASCII = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
let buffer = new Uint16Array(256);

/**
 * The comparison key of a written form, as recognition compares forms: diacritics and case folded
 * (`fold`), only the words kept (`Nguyễn Mạnh Cường` and `nguyen manh cuong` give `nguyen manh cuong`,
 * `people-to-people` gives `people to people`). Empty when the form has no word at all.
 */
export function formKey(form: string): string {
  if (SIMPLE_ASCII.test(form)) return form.toLowerCase();
  if (buffer.length < form.length * 2) buffer = new Uint16Array(form.length * 2);
  const length = foldIntoBuffer(form);
  if (length < 0) return generalFormKey(form);
  let key = '';
  for (let i = 0; i < length; i += 4096) key += String.fromCharCode(...buffer.subarray(i, Math.min(length, i + 4096)));
  return key;
}

/** Whether formKey(a) === formKey(b), without building the keys for Latin text. */
export function formKeysEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (buffer.length < a.length * 2) buffer = new Uint16Array(a.length * 2);
  if (otherBuffer.length < b.length * 2) otherBuffer = new Uint16Array(b.length * 2);
  const lengthA = foldIntoBuffer(a);
  const lengthB = foldIntoBuffer(b, otherBuffer);
  if (lengthA < 0 || lengthB < 0) return formKey(a) === formKey(b);
  if (lengthA !== lengthB) return false;
  for (let i = 0; i < lengthA; i++) if (buffer[i] !== otherBuffer[i]) return false;
  return true;
}

let otherBuffer = new Uint16Array(256);

/** Writes the key of `form` into `out` through the table; -1 when a character needs the general path. */
function foldIntoBuffer(form: string, out: Uint16Array = buffer): number {
  let length = 0;
  let pendingSeparator = false;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    const f = c < FOLD_TABLE_SIZE ? FOLD_TABLE[c] : OTHER;
    if (f > 0) {
      if (pendingSeparator && length > 0) out[length++] = 32;
      out[length++] = f;
      pendingSeparator = false;
    } else if (f === SEPARATOR) {
      pendingSeparator = true;
    } else if (f === OTHER) {
      return -1;
    }
  }
  return length;
}

/** 31-bit FNV-1a hash of formKey(form), without building the key for Latin text; -1 when the key is empty. */
export function formKeyHash(form: string): number {
  if (buffer.length < form.length * 2) buffer = new Uint16Array(form.length * 2);
  let length = foldIntoBuffer(form);
  let units: Uint16Array | string = buffer;
  if (length < 0) {
    units = generalFormKey(form);
    length = units.length;
  }
  if (length === 0) return -1;
  let hash = 0x811c9dc5;
  if (typeof units === 'string') {
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ units.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ units[i], 0x01000193);
  }
  return hash & 0x7fffffff;
}

/** formKey without the table: the definition the table must agree with. */
export function generalFormKey(form: string): string {
  const words = fold(form).match(WORD);
  return words ? words.join(' ') : '';
}

/** Whether a form has a letter or digit, i.e. a non-empty formKey. */
export function hasWord(form: string): boolean {
  return ASCII_ALNUM.test(form) || HAS_WORD.test(form);
}
