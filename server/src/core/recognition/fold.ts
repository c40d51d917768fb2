/**
 * Folds text for comparison: strips diacritics (Đ/đ too, which NFD does not decompose) and lower-cases.
 * Returns the folded string and, for each folded code unit, the offset of the source code unit it came from,
 * so that matches in folded text map back to exact ranges in the original.
 */
export function foldWithMap(text: string): { folded: string; sourceOffsets: Uint32Array } {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) offsets.push(i);
    folded += f;
    i += ch.length;
  }
  offsets.push(text.length);
  return { folded, sourceOffsets: Uint32Array.from(offsets) };
}

const COMBINING = /\p{M}/gu;

export function foldChar(ch: string): string {
  if (ch === 'Đ' || ch === 'đ') return 'd';
  const base = ch.normalize('NFD').replace(COMBINING, '');
  return base.toLowerCase();
}

/** Folds a whole string (no offset map). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[Đđ]/g, 'd').toLowerCase();
}
