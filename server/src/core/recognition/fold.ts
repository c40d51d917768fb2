import { charInfo, foldCharacter, FOLD_MASK, MARK, MULTI, MULTI_FOLDS, WORD } from './chars';

const COMBINING = /\p{M}/gu;
const D_LIKE = /[ĐÐ]/g;
const D_LIKE_LOWER = /[đð]/g;

/**
 * Folds text for comparison: strips diacritics (Đ/đ too, which NFD does not decompose) and lower-cases.
 * Returns the folded string and, for each folded code unit, the offset of the source code unit it came from,
 * so that matches in folded text map back to exact ranges in the original.
 */
export function foldWithMap(text: string): { folded: string; sourceOffsets: Uint32Array } {
  const units: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const info = charInfo(code);
    if (info & MARK) continue;
    if (info & WORD) {
      if (info & MULTI) {
        const multi = MULTI_FOLDS[info & FOLD_MASK];
        for (let k = 0; k < multi.length; k++) {
          units.push(multi.charCodeAt(k));
          offsets.push(i);
        }
      } else {
        units.push(info & FOLD_MASK);
        offsets.push(i);
      }
    } else {
      // Separators and astral characters keep their own (lower-cased) units.
      const lower = String.fromCharCode(code).toLowerCase();
      units.push(lower.length === 1 ? lower.charCodeAt(0) : code);
      offsets.push(i);
    }
  }
  offsets.push(text.length);
  let folded = '';
  for (let i = 0; i < units.length; i += 8192) folded += String.fromCharCode(...units.slice(i, i + 8192));
  return { folded, sourceOffsets: Uint32Array.from(offsets) };
}

export function foldChar(ch: string): string {
  return foldCharacter(ch);
}

/** Folds a whole string: no diacritics, `Đ` as `d`, lower case. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(D_LIKE, 'd').replace(D_LIKE_LOWER, 'd').toLowerCase();
}

/** Strips diacritics but keeps case (`Nguyễn` -> `Nguyen`, `Đổi` -> `Doi`): the comparison of case-sensitive forms. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(D_LIKE, 'D').replace(D_LIKE_LOWER, 'd');
}
