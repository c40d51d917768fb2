import type { Position, Range } from '../types';

/**
 * Offsets to positions (0-based lines, UTF-16 characters; `\n`, `\r\n` and `\r` end lines, as in the
 * editor). Like LineMap, plus a cursor: lookups in increasing order, as a loader makes them, step
 * forward instead of searching.
 */
/** Lookups this many lines away from the last one step there instead of searching. */
const NEARBY_LINES = 16;

/**
 * The offset after every `\n` of `text`, after 0: the line starts when lines end with `\n` or `\r\n`.
 * One pass, into a growing array (the lines of a large glossary are counted in the same pass).
 */
export function newlineStarts(text: string): Int32Array {
  let starts = new Int32Array(Math.max(16, text.length >>> 5));
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (count === starts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = i + 1;
  }
  return starts.slice(0, count);
}

export class PositionIndex {
  private readonly lineStarts: Int32Array;
  private cursor = 0;
  /** The line starts when every line break is `\n` or `\r\n` (what newlineStarts gives), else undefined. */
  readonly newlineStarts: Int32Array | undefined;

  constructor(private readonly text: string) {
    if (text.includes('\r')) {
      const starts: number[] = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) starts.push(i + 1);
      }
      this.lineStarts = Int32Array.from(starts);
    } else {
      this.lineStarts = newlineStarts(text);
      this.newlineStarts = this.lineStarts;
    }
  }

  positionAt(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: this.characterOf(offset, line) };
  }

  /** Appends the line and character of `offset` to `out` (no object allocated). */
  pushPosition(offset: number, out: number[]): void {
    const line = this.lineOf(offset);
    out.push(line, this.characterOf(offset, line));
  }

  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    let line = this.cursor;
    if (offset >= starts[line] && (line + 1 >= starts.length || offset < starts[line + 1])) {
      // same line as the last lookup
    } else if (offset >= starts[line] && line + NEARBY_LINES < starts.length && offset < starts[line + NEARBY_LINES]) {
      while (starts[line + 1] <= offset) line++;
    } else if (offset < starts[line] && line >= NEARBY_LINES && offset >= starts[line - NEARBY_LINES]) {
      // A little back (an entry's id after its end): step back too.
      while (starts[line] > offset) line--;
    } else {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) low = mid;
        else high = mid - 1;
      }
      line = low;
    }
    this.cursor = line;
    return line;
  }

  private characterOf(offset: number, line: number): number {
    const starts = this.lineStarts;
    let character = offset - starts[line];
    // An offset inside a line break (between `\r` and `\n`, or past the end) stays at the line's end.
    const next = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    if (offset >= next - 2) {
      let end = next;
      if (end > starts[line] && this.text[end - 1] === '\n') end--;
      if (end > starts[line] && this.text[end - 1] === '\r') end--;
      character = Math.min(character, end - starts[line]);
    }
    return Math.max(0, character);
  }

  /** The offset of a position, clamped to its line (a character past the line's end gives the end). */
  offsetAt(position: Position, text: string): number {
    const starts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return text.length;
    const start = starts[position.line];
    let end = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
    if (end > start && text[end - 1] === '\n') end--;
    if (end > start && text[end - 1] === '\r') end--;
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
