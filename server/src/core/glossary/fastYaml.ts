// A fast reader for the block-style YAML subset glossaries are written in: block mappings and
// sequences, one-line plain and quoted scalars, one-line flow sequences of scalars, literal and folded
// block scalars, comments, LF or CRLF. The `yaml` package reads a 200k-entry glossary in tens of
// seconds; this reads it in well under one. On anything outside the subset (anchors, tags, flow
// mappings, multi-line plain or quoted scalars, tabs, directives...) it declines by returning
// undefined and the caller falls back to the `yaml` package, so it never has to report errors itself.
// Tests check that both readers give the same tree.
import { newlineStarts } from './positions';
import { resolvePlainScalar } from './scalars';
import { runToEnd, type Steps } from './steps';
import type { YamlIssue, YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from './syntax';

/** Thrown inside the reader to decline; caught at the top. */
const DECLINE = Symbol('decline');

// Characters the subset does not handle: tabs, control characters, BOM, NEL and Unicode line
// separators, and a CR that is not part of CRLF.
const OUTSIDE_SUBSET = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|\r(?!\n)/;

const RESERVED_KEYS = ['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'];

/** Whether text[p, q) is one of RESERVED_KEYS, without a string per key read (most keys are that short). */
function isReservedKey(text: string, p: number, q: number): boolean {
  const first = text.charCodeAt(p) | 0x20;
  if (first !== 110 && first !== 116 && first !== 102) return false;
  for (const key of RESERVED_KEYS) if (key.length === q - p && text.startsWith(key, p)) return true;
  return false;
}

// Keys of the format, returned as these constants instead of a new string per key read.
const KNOWN_KEYS = ['id', 'kind', 'name', 'aliases', 'native', 'short', 'roles', 'number', 'issuer', 'date', 'summary', 'source', 'related', 'status', 'use', 'case', 'title', 'entries', 'from', 'to'];
const KEYS_BY_LENGTH: string[][] = [];
for (const key of KNOWN_KEYS) (KEYS_BY_LENGTH[key.length] ??= []).push(key);

/** Items of a streamed list read between two pauses of readFastYamlSteps. */
const ITEMS_PER_STEP = 64;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * Hands the items of one top-level block sequence (the value of `key` in the root mapping) to
 * `onItem` as they are read instead of keeping them in the tree, so that a large glossary's entries
 * can be checked and dropped one by one. The sequence is then marked `streamed`.
 */
export interface ItemStream {
  key: string;
  onItem(item: YamlNode): void;
}

/**
 * Reads some whole lines of the text (`start` to `end`) on their own with the general reader, as a
 * document: one item of a top-level list, or one top-level key with its value. Gives the document's
 * root (offsets in the whole text) with any warnings, or the errors that make those lines unreadable,
 * or undefined when they cannot be read on their own (an alias to an anchor elsewhere...).
 */
export type SliceReader = (start: number, end: number, maxDepth: number) => { root: YamlNode | null; issues: YamlIssue[] } | { errors: YamlIssue[] } | undefined;

export interface FastResult {
  root: YamlNode | null;
  issues: YamlIssue[];
  readable: boolean;
}

/**
 * The tree of `text`, or undefined when the text is outside the subset (items already handed to
 * `stream` must then be discarded by the caller). With `readSlice`, an item of a top-level list, or a
 * top-level key, that is outside the subset is read by it alone, so one unusual entry does not send
 * a large glossary to the slow reader.
 */
export function readFastYaml(text: string, maxDepth: number, stream?: ItemStream, readSlice?: SliceReader): FastResult | undefined {
  return runToEnd(readFastYamlSteps(text, maxDepth, stream, readSlice));
}

/**
 * readFastYaml in steps: it pauses every few streamed items, so that a caller can interleave other work.
 * `lineStarts`, when the caller has them already, must be newlineStarts(text).
 */
export function* readFastYamlSteps(text: string, maxDepth: number, stream?: ItemStream, readSlice?: SliceReader, lineStarts?: Int32Array): Steps<FastResult | undefined> {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  // Both passes over the whole text take a while on a large glossary: a pause after each.
  yield;
  const reader = new FastReader(text, maxDepth, stream, readSlice, lineStarts ?? newlineStarts(text));
  yield;
  try {
    return { root: yield* reader.documentSteps(), issues: reader.issues, readable: true };
  } catch (error) {
    if (error === DECLINE) return undefined;
    if (error instanceof UnreadableItem) return { root: null, issues: error.errors, readable: false };
    throw error;
  }
}

class UnreadableItem {
  constructor(readonly errors: YamlIssue[]) {}
}

function decline(): never {
  throw DECLINE;
}

class FastReader {
  private readonly lineStart: Int32Array;
  /** Offset of the line's end, before `\r\n` or `\n`. */
  private readonly lineEnd: Int32Array;
  /** Leading spaces of a content line; -1 for blank and comment-only lines. */
  private readonly indent: Int32Array;
  private readonly lineCount: number;
  /** The current content line (or lineCount at the end). */
  private line = 0;
  /** Warnings from items read by readSlice. */
  readonly issues: YamlIssue[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private stream: ItemStream | undefined,
    private readonly readSlice: SliceReader | undefined,
    lineStarts: Int32Array,
  ) {
    // Shared with the caller (the loader's positions), read only.
    const count = lineStarts.length;
    this.lineStart = lineStarts;
    this.lineEnd = new Int32Array(count);
    this.indent = new Int32Array(count);
    for (let l = 0; l < count; l++) {
      const start = lineStarts[l];
      // The `\n` ending the line, just before the next line's start; the last line has none.
      const lf = l + 1 < count ? lineStarts[l + 1] - 1 : -1;
      const end = lf < 0 ? text.length : lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
      this.lineEnd[l] = end;
      let p = start;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      this.indent[l] = p === end || text.charCodeAt(p) === HASH ? -1 : p - start;
    }
    this.lineCount = count;
  }

  /** The document's root. Only the items of a streamed list pause in between: everything else is read in one go. */
  *documentSteps(): Steps<YamlNode | null> {
    this.line = this.nextContent(0);
    if (this.line < this.lineCount && this.isDocumentStart(this.line)) this.line = this.nextContent(this.line + 1);
    if (this.line >= this.lineCount) return null;
    const l = this.line;
    if (this.indent[l] !== 0) decline();
    let node: YamlNode;
    if (this.stream && 1 <= this.maxDepth && this.keyEnd(this.lineStart[l], this.lineEnd[l]) >= 0) node = yield* this.rootMapSteps(this.lineStart[l]);
    else node = this.blockNode(l, 0, 1);
    if (this.line !== this.lineCount) decline();
    return node;
  }

  /** A line that is exactly `---` (trailing spaces allowed). Any other marker or directive declines. */
  private isDocumentStart(l: number): boolean {
    const s = this.lineStart[l];
    if (!this.text.startsWith('---', s)) return false;
    for (let p = s + 3; p < this.lineEnd[l]; p++) if (this.text.charCodeAt(p) !== SPACE) decline();
    return true;
  }

  private nextContent(l: number): number {
    while (l < this.lineCount && this.indent[l] < 0) l++;
    return l;
  }

  private skipSpaces(p: number, end: number): number {
    while (p < end && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** A block collection starting on content line `l` at column `col`. */
  private blockNode(l: number, col: number, depth: number): YamlNode {
    if (depth > this.maxDepth) decline();
    const offset = this.lineStart[l] + col;
    const c = this.text.charCodeAt(offset);
    if (c === DASH && this.isIndicatorEnd(offset + 1, this.lineEnd[l])) return this.blockSeq(offset, col, depth);
    if (this.keyEnd(offset, this.lineEnd[l]) >= 0) return this.blockMap(offset, col, depth);
    return decline();
  }

  private isIndicatorEnd(p: number, end: number): boolean {
    return p === end || this.text.charCodeAt(p) === SPACE;
  }

  /**
   * The offset of the `:` ending a simple key at `p` (letters, digits, `_` and `-`, not starting with
   * a digit or `-`), or -1 when there is none.
   */
  private keyEnd(p: number, end: number): number {
    const text = this.text;
    const first = text.charCodeAt(p);
    if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) return -1;
    let q = p + 1;
    for (; q < end; q++) {
      const c = text.charCodeAt(q);
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === DASH)) break;
    }
    if (q >= end || text.charCodeAt(q) !== COLON || !this.isIndicatorEnd(q + 1, end)) return -1;
    if ((q - p === 4 || q - p === 5) && isReservedKey(text, p, q)) decline();
    return q;
  }

  /**
   * The root mapping (at column 0) when a list is streamed: blockMap, except that the value of the
   * streamed key is read by the pausing variants.
   */
  private *rootMapSteps(first: number): Steps<YamlMap> {
    const pairs: YamlPair[] = [];
    let keyStart = first;
    let end = first;
    for (;;) {
      const l = this.line;
      const lineEnd = this.lineEnd[l];
      let onItem: ((item: YamlNode) => void) | undefined;
      let pair: YamlPair;
      try {
        const colon = this.keyEnd(keyStart, lineEnd);
        if (colon < 0) decline();
        const key: YamlScalar = { kind: 'scalar', value: this.keyText(keyStart, colon), style: 'plain', start: keyStart, end: colon };
        if (this.stream && this.stream.key === key.value) {
          onItem = this.stream.onItem;
          this.stream = undefined;
          pair = { key, value: yield* this.streamedValueSteps(l, colon + 1, onItem) };
        } else {
          pair = { key, value: this.valueAfter(l, colon + 1, 0, 1, true) };
        }
      } catch (error) {
        // A top-level key outside the subset is read alone, unless some of its items were already streamed.
        if (error !== DECLINE || onItem || !this.readSlice) throw error;
        pair = this.pairByGeneralReader(l);
      }
      pairs.push(pair);
      end = Math.max(pair.key.end, pair.value.end);
      const n = this.line;
      if (n >= this.lineCount || this.indent[n] < 0) break;
      if (this.indent[n] > 0) decline();
      keyStart = this.lineStart[n];
    }
    return { kind: 'map', flow: false, pairs, start: first, end };
  }

  /** valueAfter for the streamed key of the root mapping: a block list's items go to `onItem`, in steps. */
  private *streamedValueSteps(l: number, p: number, onItem: (item: YamlNode) => void): Steps<YamlNode> {
    const lineEnd = this.lineEnd[l];
    const q = this.skipSpaces(p, lineEnd);
    if (q < lineEnd && this.text.charCodeAt(q) !== HASH) return this.inlineValue(l, q, 0, 1);
    const n = this.nextContent(l + 1);
    this.line = n;
    if (n < this.lineCount) {
      const indent = this.indent[n];
      const offset = this.lineStart[n] + indent;
      const isSeq = this.text.charCodeAt(offset) === DASH && this.isIndicatorEnd(offset + 1, this.lineEnd[n]);
      if (indent > 0) {
        if (!isSeq) return this.blockNode(n, indent, 2);
        if (2 > this.maxDepth) decline();
        return yield* this.blockSeqSteps(offset, indent, 2, onItem);
      }
      // A sequence may stand at its key's own column: `entries:` then `- id: ...` below it.
      if (isSeq) {
        if (2 > this.maxDepth) decline();
        return yield* this.blockSeqSteps(offset, 0, 2, onItem);
      }
    }
    return { kind: 'scalar', value: null, style: 'plain', start: q, end: q };
  }

  private blockMap(first: number, col: number, depth: number): YamlMap {
    const pairs: YamlPair[] = [];
    let keyStart = first;
    let end = first;
    for (;;) {
      const l = this.line;
      const lineEnd = this.lineEnd[l];
      let pair: YamlPair;
      try {
        const colon = this.keyEnd(keyStart, lineEnd);
        if (colon < 0) decline();
        const key: YamlScalar = { kind: 'scalar', value: this.keyText(keyStart, colon), style: 'plain', start: keyStart, end: colon };
        pair = { key, value: this.valueAfter(l, colon + 1, col, depth, true) };
      } catch (error) {
        // A top-level key outside the subset is read alone.
        if (error !== DECLINE || depth !== 1 || !this.readSlice) throw error;
        pair = this.pairByGeneralReader(l);
      }
      pairs.push(pair);
      end = Math.max(pair.key.end, pair.value.end);
      const n = this.line;
      if (n >= this.lineCount || this.indent[n] < col) break;
      if (this.indent[n] > col) decline();
      keyStart = this.lineStart[n] + col;
    }
    return { kind: 'map', flow: false, pairs, start: first, end };
  }

  private keyText(start: number, end: number): string {
    const candidates = KEYS_BY_LENGTH[end - start];
    if (candidates) for (const key of candidates) if (this.text.startsWith(key, start)) return key;
    return this.text.slice(start, end);
  }

  private blockSeq(first: number, col: number, depth: number): YamlSeq {
    const items: YamlNode[] = [];
    let dash = first;
    let end = first;
    for (;;) {
      const item = this.seqItemAt(dash, col, depth);
      items.push(item);
      end = Math.max(end, item.end);
      const next = this.nextDash(col);
      if (next < 0) break;
      dash = next;
    }
    return { kind: 'seq', flow: false, items, start: first, end };
  }

  /** blockSeq handing each item to `onItem` instead of keeping it, pausing every few items. */
  private *blockSeqSteps(first: number, col: number, depth: number, onItem: (item: YamlNode) => void): Steps<YamlSeq> {
    let dash = first;
    let end = first;
    for (let count = 1; ; count++) {
      const item = this.seqItemAt(dash, col, depth);
      onItem(item);
      end = Math.max(end, item.end);
      const next = this.nextDash(col);
      if (next < 0) break;
      dash = next;
      if (count % ITEMS_PER_STEP === 0) yield;
    }
    return { kind: 'seq', flow: false, items: [], streamed: true, start: first, end };
  }

  /** The item whose `-` is at `dash` on the current line. */
  private seqItemAt(dash: number, col: number, depth: number): YamlNode {
    const l = this.line;
    // An item of a top-level list (an entry): outside the subset, it alone goes to the general reader.
    if (depth !== 2 || !this.readSlice) return this.seqItem(l, dash, col, depth);
    try {
      return this.seqItem(l, dash, col, depth);
    } catch (error) {
      if (error !== DECLINE) throw error;
      return this.itemByGeneralReader(l, col, depth);
    }
  }

  /** After an item of a list at column `col`: the offset of the next item's `-`, or -1 when the list ends. */
  private nextDash(col: number): number {
    const n = this.line;
    if (n >= this.lineCount || this.indent[n] < col) return -1;
    if (this.indent[n] > col) decline();
    const dash = this.lineStart[n] + col;
    if (!(this.text.charCodeAt(dash) === DASH && this.isIndicatorEnd(dash + 1, this.lineEnd[n]))) return -1;
    return dash;
  }

  private seqItem(l: number, dash: number, col: number, depth: number): YamlNode {
    const lineEnd = this.lineEnd[l];
    const q = this.skipSpaces(dash + 1, lineEnd);
    if (q < lineEnd && this.text.charCodeAt(q) !== HASH) {
      if (this.text.charCodeAt(q) === DASH && this.isIndicatorEnd(q + 1, lineEnd)) decline();
      if (this.keyEnd(q, lineEnd) >= 0) {
        if (depth + 1 > this.maxDepth) decline();
        return this.blockMap(q, q - this.lineStart[l], depth + 1);
      }
      return this.inlineValue(l, q, col, depth);
    }
    return this.valueAfter(l, dash + 1, col, depth, false);
  }

  /** The item whose `-` is on line `l` at column `col`: its lines run to the next content line at column `col` or less. */
  private itemByGeneralReader(l: number, col: number, depth: number): YamlNode {
    let n = l + 1;
    while (n < this.lineCount && !(this.indent[n] >= 0 && this.indent[n] <= col)) n++;
    return this.readLines(l, n, this.maxDepth - depth + 1, (root) => (root?.kind === 'seq' && !root.flow && root.items.length === 1 ? root.items[0] : undefined));
  }

  /**
   * The top-level pair whose key starts line `l`: its lines run to the next content line at column 0
   * that is not a list item of its own.
   */
  private pairByGeneralReader(l: number): YamlPair {
    let n = l + 1;
    while (n < this.lineCount && !(this.indent[n] === 0 && !(this.text.charCodeAt(this.lineStart[n]) === DASH && this.isIndicatorEnd(this.lineStart[n] + 1, this.lineEnd[n])))) n++;
    return this.readLines(l, n, this.maxDepth, (root) => (root?.kind === 'map' && !root.flow && root.pairs.length === 1 ? root.pairs[0] : undefined));
  }

  /**
   * Lines [l, n) read by the general reader: what `pick` takes of their root, the reader moved past them
   * and their issues kept. A root `pick` refuses declines, and then nothing of the read is kept (an
   * enclosing reader may read the same lines again).
   */
  private readLines<T>(l: number, n: number, maxDepth: number, pick: (root: YamlNode | null) => T | undefined): T {
    const end = n < this.lineCount ? this.lineStart[n] : this.text.length;
    const result = this.readSlice!(this.lineStart[l], end, maxDepth);
    if (!result) return decline();
    if ('errors' in result) throw new UnreadableItem(result.errors);
    const picked = pick(result.root);
    if (picked === undefined) return decline();
    this.issues.push(...result.issues);
    this.line = n;
    return picked;
  }

  /**
   * The value after an indicator (`key:` or `-`) ending at `p` on line `l`, in a collection at column
   * `col`: inline on the same line, or a block collection on the following lines, or empty.
   */
  private valueAfter(l: number, p: number, col: number, depth: number, isMapValue: boolean): YamlNode {
    const lineEnd = this.lineEnd[l];
    const q = this.skipSpaces(p, lineEnd);
    if (q < lineEnd && this.text.charCodeAt(q) !== HASH) return this.inlineValue(l, q, col, depth);
    const n = this.nextContent(l + 1);
    this.line = n;
    if (n < this.lineCount) {
      const indent = this.indent[n];
      if (indent > col) return this.blockNode(n, indent, depth + 1);
      // A sequence may stand at its key's own column: `entries:` then `- id: ...` below it.
      if (isMapValue && indent === col) {
        const offset = this.lineStart[n] + col;
        if (this.text.charCodeAt(offset) === DASH && this.isIndicatorEnd(offset + 1, this.lineEnd[n])) {
          if (depth + 1 > this.maxDepth) decline();
          return this.blockSeq(offset, col, depth + 1);
        }
      }
    }
    return { kind: 'scalar', value: null, style: 'plain', start: q, end: q };
  }

  /** A value starting at `q` on line `l`; leaves `line` at the next content line. */
  private inlineValue(l: number, q: number, col: number, depth: number): YamlNode {
    const text = this.text;
    const lineEnd = this.lineEnd[l];
    const c = text[q];
    let node: YamlNode;
    let after: number;
    switch (c) {
      case '"':
        node = this.doubleQuoted(q, lineEnd);
        after = node.end;
        break;
      case "'":
        node = this.singleQuoted(q, lineEnd);
        after = node.end;
        break;
      case '[':
        if (depth + 1 > this.maxDepth) decline();
        node = this.flowSeq(q, lineEnd);
        after = node.end;
        break;
      case '|':
      case '>':
        return this.blockScalar(l, q, col);
      case '?':
      case ':':
      case ',':
      case ']':
      case '{':
      case '}':
      case '#':
      case '&':
      case '*':
      case '!':
      case '%':
      case '@':
      case '`':
        return decline();
      default:
        if (c === '-' && this.isIndicatorEnd(q + 1, lineEnd)) decline();
        node = this.plain(q, lineEnd);
        after = node.end;
    }
    this.expectLineEnd(after, lineEnd);
    this.line = this.nextContent(l + 1);
    return node;
  }

  /** After a value only spaces and a comment (`#` after a space) may follow on the line. */
  private expectLineEnd(p: number, lineEnd: number): void {
    const q = this.skipSpaces(p, lineEnd);
    if (q === lineEnd) return;
    if (q > p && this.text.charCodeAt(q) === HASH) return;
    decline();
  }

  private plain(q: number, lineEnd: number): YamlScalar {
    const text = this.text;
    let stop = lineEnd;
    for (let i = q; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE && text.charCodeAt(i + 1) === HASH) {
        stop = i;
        break;
      }
      if (c === COLON && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) decline();
    }
    while (stop > q && text.charCodeAt(stop - 1) === SPACE) stop--;
    const source = text.slice(q, stop);
    return { kind: 'scalar', value: resolvePlainScalar(source), style: 'plain', start: q, end: stop };
  }

  private singleQuoted(q: number, lineEnd: number): YamlScalar {
    const text = this.text;
    let value = '';
    let i = q + 1;
    for (;;) {
      const close = text.indexOf("'", i);
      if (close < 0 || close >= lineEnd) decline();
      value += text.slice(i, close);
      if (text.charCodeAt(close + 1) === 39 && close + 1 < lineEnd) {
        value += "'";
        i = close + 2;
        continue;
      }
      return { kind: 'scalar', value, style: 'single', start: q, end: close + 1 };
    }
  }

  private doubleQuoted(q: number, lineEnd: number): YamlScalar {
    const text = this.text;
    let value = '';
    let runStart = q + 1;
    for (let i = q + 1; i < lineEnd; i++) {
      const c = text[i];
      if (c === '"') {
        value += text.slice(runStart, i);
        return { kind: 'scalar', value, style: 'double', start: q, end: i + 1 };
      }
      if (c !== '\\') continue;
      value += text.slice(runStart, i);
      const e = text[i + 1];
      if (i + 1 >= lineEnd) decline();
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        i += 1;
      } else {
        const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
        if (digits === 0 || i + 1 + digits >= lineEnd) decline();
        const hex = text.slice(i + 2, i + 2 + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex)) decline();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) decline();
        value += String.fromCodePoint(code);
        i += 1 + digits;
      }
      runStart = i + 1;
    }
    return decline();
  }

  /** A one-line flow sequence of scalars: `[a, 'b', "c"]`. */
  private flowSeq(q: number, lineEnd: number): YamlSeq {
    const text = this.text;
    const items: YamlNode[] = [];
    let i = q + 1;
    for (;;) {
      i = this.skipSpaces(i, lineEnd);
      if (i >= lineEnd) decline();
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACKET) return { kind: 'seq', flow: true, items, start: q, end: i + 1 };
      let item: YamlScalar;
      if (c === 34) item = this.doubleQuoted(i, lineEnd);
      else if (c === 39) item = this.singleQuoted(i, lineEnd);
      else item = this.flowPlain(i, lineEnd);
      items.push(item);
      i = this.skipSpaces(item.end, lineEnd);
      const next = text.charCodeAt(i);
      if (next === COMMA) i++;
      else if (next === CLOSE_BRACKET) return { kind: 'seq', flow: true, items, start: q, end: i + 1 };
      else decline();
    }
  }

  private flowPlain(q: number, lineEnd: number): YamlScalar {
    const text = this.text;
    const first = text[q];
    if ('-?:,[]{}#&*!|>\'"%@`'.includes(first)) decline();
    let stop = q;
    for (; stop < lineEnd; stop++) {
      const c = text.charCodeAt(stop);
      if (c === COMMA || c === CLOSE_BRACKET) break;
      if (c === OPEN_BRACKET || c === 123 || c === 125 || c === HASH || c === COLON) decline();
    }
    if (stop >= lineEnd) decline();
    while (stop > q && text.charCodeAt(stop - 1) === SPACE) stop--;
    const source = text.slice(q, stop);
    return { kind: 'scalar', value: resolvePlainScalar(source), style: 'plain', start: q, end: stop };
  }

  /** `|` or `>` with optional `-` chomping; content indentation detected from the first content line. */
  private blockScalar(l: number, q: number, col: number): YamlScalar {
    const text = this.text;
    const lineEnd = this.lineEnd[l];
    const folded = text[q] === '>';
    let p = q + 1;
    let strip = false;
    if (text[p] === '-') {
      strip = true;
      p++;
    }
    this.expectLineEnd(p, lineEnd);
    // Content lines: blank ones (spaces only) may come first; the first non-blank one sets the indentation.
    let contentIndent = -1;
    let blankMax = 0;
    let n = l + 1;
    for (; n < this.lineCount; n++) {
      const spaces = this.rawIndent(n);
      if (this.lineStart[n] + spaces === this.lineEnd[n]) {
        blankMax = Math.max(blankMax, spaces);
        continue;
      }
      contentIndent = spaces;
      break;
    }
    if (contentIndent <= col || blankMax > contentIndent) decline();
    const lines: (string | null)[] = [];
    let lastContent = -1;
    for (n = l + 1; n < this.lineCount; n++) {
      const spaces = this.rawIndent(n);
      const start = this.lineStart[n];
      const end = this.lineEnd[n];
      if (start + spaces === end) {
        if (spaces > contentIndent) decline();
        lines.push(null);
        continue;
      }
      if (spaces < contentIndent) break;
      if (folded && spaces > contentIndent) decline();
      lines.push(text.slice(start + contentIndent, end));
      lastContent = n;
    }
    const body = lines.slice(0, lastContent - l);
    let value: string;
    if (!folded) {
      value = body.map((line) => line ?? '').join('\n');
    } else {
      value = '';
      let seenText = false;
      let blanks = 0;
      for (const line of body) {
        if (line === null) {
          blanks++;
          continue;
        }
        value += seenText && blanks === 0 ? ' ' + line : '\n'.repeat(blanks) + line;
        seenText = true;
        blanks = 0;
      }
    }
    if (!strip) value += '\n';
    let end = this.lineEnd[lastContent];
    while (text.charCodeAt(end - 1) === SPACE) end--;
    this.line = this.nextContent(lastContent + 1);
    return { kind: 'scalar', value, style: folded ? 'folded' : 'literal', start: q, end };
  }

  private rawIndent(l: number): number {
    let p = this.lineStart[l];
    const end = this.lineEnd[l];
    while (p < end && this.text.charCodeAt(p) === SPACE) p++;
    return p - this.lineStart[l];
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
