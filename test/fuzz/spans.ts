// Checks that ranges lie inside a text on sound boundaries, with a line model written independently of
// the server's (lines end at LF, CR LF or a lone CR, as LSP says).
import assert from 'node:assert/strict';
import type { Position, Range } from '../../server/src/core/types';

/** Line starts and line lengths (without the line break) of a text. */
export class ReferenceLines {
  readonly starts: number[] = [0];
  readonly lengths: number[] = [];

  constructor(readonly text: string) {
    const re = /\r\n|\r|\n/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      this.lengths.push(m.index - last);
      last = m.index + m[0].length;
      this.starts.push(last);
    }
    this.lengths.push(text.length - last);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  /** The offset of a position that lies inside the text (asserted). */
  offsetAt(position: Position, what: string): number {
    assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < this.lengths.length, `${what}: line ${position.line} outside the document (${this.lengths.length} lines)`);
    assert.ok(
      Number.isInteger(position.character) && position.character >= 0 && position.character <= this.lengths[position.line],
      `${what}: character ${position.character} outside line ${position.line} (length ${this.lengths[position.line]})`,
    );
    return this.starts[position.line] + position.character;
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** A range inside the text, not reversed, not splitting a surrogate pair; returns its offsets. */
export function assertRangeInside(lines: ReferenceLines, range: Range, what: string): { start: number; end: number } {
  const start = lines.offsetAt(range.start, `${what} start`);
  const end = lines.offsetAt(range.end, `${what} end`);
  assert.ok(start <= end, `${what}: reversed range ${JSON.stringify(range)}`);
  assert.ok(!splitsSurrogatePair(lines.text, start), `${what}: starts inside a surrogate pair at ${start}`);
  assert.ok(!splitsSurrogatePair(lines.text, end), `${what}: ends inside a surrogate pair at ${end}`);
  return { start, end };
}

/** A recognition span: offsets, range and text agree with each other and with the document. */
export function assertSpanInside(lines: ReferenceLines, span: { start: number; end: number; range: Range; text: string }, what: string): void {
  const { text } = lines;
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets are not integers`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what}: offsets ${span.start}..${span.end} outside 0..${text.length}`);
  assert.ok(!splitsSurrogatePair(text, span.start) && !splitsSurrogatePair(text, span.end), `${what}: splits a surrogate pair (${span.start}..${span.end})`);
  assert.deepEqual(span.range, { start: lines.positionAt(span.start), end: lines.positionAt(span.end) }, `${what}: range does not match offsets ${span.start}..${span.end}`);
  assertRangeInside(lines, span.range, what);
  assert.equal(span.text, text.slice(span.start, span.end), `${what}: text differs from the document's`);
}
