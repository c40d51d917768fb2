// Analysis of an open document in segments, so that an edit re-scans only the segments it touched.
//
// A document is split at blank lines into segments of some kilobytes. Nothing the scan recognises crosses
// a blank line (titles, names, numbers, links and annotations stay within a paragraph); what does cross
// is passed from segment to segment as a scan state: the latest full mention of each entry (short names
// resolve to the most recent one), a `former` right before the blank line, and the document's language.
// After an edit, a segment whose text is unchanged is reused when the state it depended on is unchanged:
// for short names only the order of the latest full mentions of the entries its short names could refer
// to matters, not their offsets. Results are kept relative to the segment's start and moved on demand.

import { computeDocumentDiagnostics, type DocumentDiagnostic, type SeverityOverrides } from './diagnostics';
import type { Glossary } from './glossary/model';
import { documentLanguageOf, guessDocumentLanguage, scanSegment, type SegmentScan } from './recognition/analyze';
import type { CompiledGlossary } from './recognition/compile';
import { T_PARAGRAPH, TokenList, tokenize } from './recognition/tokens';
import { detectDocumentDate, readFrontMatter } from './recognition/documentDate';
import type {
  AmbiguousReference,
  Annotation,
  Candidate,
  DocumentAnalysis,
  DocumentCitation,
  DocumentLanguage,
  LanguageSpan,
  Mention,
  TextSpan,
  TitleContext,
} from './recognition/mention';
import { LineMap } from './text';
import type { Range } from './types';

/** Segments run from a blank line to the first blank line at least this many characters further on. */
export const DEFAULT_SEGMENT_LENGTH = 16 * 1024;

export interface SegmentOptions {
  /** The least length of a segment (the last one of a stretch may be shorter); for tests. */
  segmentLength?: number;
}

/** A blank line: two line feeds with nothing but spaces, tabs and carriage returns between. */
const BLANK_LINE = /\n[ \t\r\u00a0]*\n/g;
/** How far after a blank line the next paragraph's first word is looked for. */
const PARAGRAPH_LOOKAHEAD = 256;
const lookahead = new TokenList();

/**
 * True when the first word after the line feed at `blankLineStart` starts a paragraph (only white space
 * between: `- item` after a blank line goes on the paragraph before it, as the scan's language check sees it).
 */
function wordStartsParagraph(text: string, blankLineStart: number): boolean {
  lookahead.reset();
  tokenize(text, blankLineStart, Math.min(text.length, blankLineStart + PARAGRAPH_LOOKAHEAD), lookahead);
  return lookahead.count > 0 && (lookahead.flags[0] & T_PARAGRAPH) !== 0;
}

/**
 * True when a segment may start at `at`: the text's start, or right after a blank line that a paragraph
 * follows. Whatever the scan relates across such a place is in the scan state: titles, names and numbers
 * never span a blank line (spaceBetween), and paragraphs, which decide languages, begin there.
 */
export function isSegmentStart(text: string, at: number): boolean {
  if (at === 0) return true;
  if (at < 0 || at > text.length || text.charCodeAt(at - 1) !== 10) return false;
  for (let k = at - 2; k >= 0; k--) {
    const code = text.charCodeAt(k);
    if (code === 10) return wordStartsParagraph(text, k);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 0xa0) return false;
  }
  return false;
}

/** The starts of the segments of `text[from, to)`: `from`, then after each first blank line `length` further on. */
export function segmentStarts(text: string, from: number, to: number, length = DEFAULT_SEGMENT_LENGTH): number[] {
  const starts = [from];
  let at = from;
  BLANK_LINE.lastIndex = at + Math.max(1, length);
  while (to - at > length) {
    const m = BLANK_LINE.exec(text);
    if (!m) break;
    const next = m.index + m[0].length;
    if (next >= to) break;
    // Go on after the first line feed: the second may start the next blank line.
    BLANK_LINE.lastIndex = m.index + 1;
    if (!wordStartsParagraph(text, m.index)) continue;
    starts.push(next);
    at = next;
    BLANK_LINE.lastIndex = at + Math.max(1, length);
  }
  return starts;
}

/** Where lines start after line breaks as the line map counts them (CR LF, LF, a lone CR), relative to the text. */
function lineStartsOf(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** One segment's scan and what it depended on; shared by the analyses of later versions that reuse it. */
interface ScannedSegment {
  /** The segment's own copy of its text (what was scanned). */
  readonly text: string;
  scan: SegmentScan;
  /** Where lines start after the segment's line breaks, relative to the segment. */
  lineStarts: number[];
  documentLanguage: DocumentLanguage;
  declaredLanguage: string | undefined;
  historicalWordBefore: string | undefined;
  /** Entries the segment's short names could refer to. */
  consulted: number[];
  /** Those of them mentioned in full before the segment, least recent first. */
  consultedOrder: number[];
  /** The findings moved to where the segment stood last (reused while it stays there). */
  placed?: { start: number; line: number; analysis: DocumentAnalysis };
  /** Diagnostics relative to the segment, and moved to where it stood last. */
  diagnostics?: { glossary: Glossary; overridesKey: string; date: string | undefined; relative: DocumentDiagnostic[]; start: number; line: number; placed: DocumentDiagnostic[] };
}

interface Segment {
  start: number;
  /** The line the segment starts on (segments start at line starts). */
  line: number;
  scanned: ScannedSegment;
}

/** A stretch of the new text, with the scan of its old text when that is the same. */
interface Piece {
  start: number;
  text: string;
  scanned?: ScannedSegment;
}

/** A document's analysis kept in segments: `analysis` equals analyzeDocument(text) exactly. */
export class SegmentedAnalysis {
  private materialized: DocumentAnalysis | undefined;
  private lines: LineMap | undefined;

  private constructor(
    readonly text: string,
    readonly compiled: CompiledGlossary,
    private readonly segments: Segment[],
    readonly documentLanguage: DocumentLanguage,
    readonly date: string | undefined,
    /** How many segments this version scanned (the rest were reused). */
    readonly scannedSegments: number,
    private readonly segmentLength: number,
  ) {}

  /** Analyses `text`, reusing what `previous` (an analysis of an earlier version) found where it still holds. */
  static analyze(text: string, compiled: CompiledGlossary, previous?: SegmentedAnalysis, options: SegmentOptions = {}): SegmentedAnalysis {
    const segmentLength = options.segmentLength ?? previous?.segmentLength ?? DEFAULT_SEGMENT_LENGTH;
    const front = readFrontMatter(text);
    const lang = front?.values.get('lang');
    // A copy: a slice of the text would keep this version of the document alive in every segment scanned.
    const declared = lang === undefined ? undefined : (lang + ' ').slice(0, -1);
    const date = detectDocumentDate(text, front ?? null);
    const usable = previous && previous.compiled === compiled && previous.segmentLength === segmentLength ? previous : undefined;
    const pieces = usable ? reusablePieces(usable.segments, usable.text, text, segmentLength) : split(text, 0, text.length, segmentLength);
    // The document's language decides short paragraphs: guess it (the previous version's, else from the
    // text's letters), and scan again if the letters of its paragraphs say otherwise.
    let documentLanguage = usable?.documentLanguage ?? guessDocumentLanguage(text, declared);
    let scanned = 0;
    for (;;) {
      const walked = walk(pieces, compiled, documentLanguage, declared);
      scanned += walked.scanned;
      const letters = { vi: 0, en: 0 };
      for (const s of walked.segments) {
        letters.vi += s.scanned.scan.letters.vi;
        letters.en += s.scanned.scan.letters.en;
      }
      const actual = documentLanguageOf(declared, letters);
      if (actual === documentLanguage) return new SegmentedAnalysis(text, compiled, walked.segments, documentLanguage, date, scanned, segmentLength);
      documentLanguage = actual;
      for (let k = 0; k < pieces.length; k++) pieces[k].scanned = walked.segments[k].scanned;
    }
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** The document's line map, from the segments' line starts (the text is not read again). */
  get lineMap(): LineMap {
    if (this.lines) return this.lines;
    const starts = [0];
    for (const segment of this.segments) for (const at of segment.scanned.lineStarts) starts.push(segment.start + at);
    this.lines = new LineMap(this.text, starts);
    return this.lines;
  }

  /** Everything recognition finds in the document, with offsets and ranges of the whole text. */
  get analysis(): DocumentAnalysis {
    if (this.materialized) return this.materialized;
    const mentions: Mention[] = [];
    const ambiguous: AmbiguousReference[] = [];
    const candidates: Candidate[] = [];
    const annotations: Annotation[] = [];
    const spans: LanguageSpan[] = [];
    let lastParagraphOther = false;
    for (const segment of this.segments) {
      const { scan } = segment.scanned;
      const placed = placedAnalysis(segment);
      append(mentions, placed.mentions);
      append(ambiguous, placed.ambiguous);
      append(candidates, placed.candidates);
      append(annotations, placed.annotations);
      if (scan.paragraphs === 0) continue;
      const own = placed.languageSpans ?? [];
      let first = 0;
      // Neighbouring paragraphs in another language form one span, across segments too.
      if (own.length > 0 && scan.firstParagraphOther && lastParagraphOther && spans[spans.length - 1].lang === own[0].lang) {
        spans[spans.length - 1] = { ...spans[spans.length - 1], end: own[0].end };
        first = 1;
      }
      for (let k = first; k < own.length; k++) spans.push(own[k]);
      lastParagraphOther = scan.lastParagraphOther;
    }
    const analysis: DocumentAnalysis = { mentions, ambiguous, candidates, annotations, lang: this.documentLanguage };
    if (this.date) analysis.date = this.date;
    if (spans.length) analysis.languageSpans = spans;
    this.materialized = analysis;
    return analysis;
  }

  /**
   * The document's diagnostics per segment, with offsets and ranges relative to the segment's start and
   * first line. A segment whose findings, the glossary, the settings and the document's date are
   * unchanged keeps its array (the same object), so that what is made from it can be kept too.
   */
  diagnosticGroups(glossary: Glossary, overrides: SeverityOverrides | undefined, overridesKey: string): DiagnosticGroup[] {
    return this.segments.map((segment) => {
      const scanned = segment.scanned;
      let cached = scanned.diagnostics;
      if (!cached || cached.glossary !== glossary || cached.overridesKey !== overridesKey || cached.date !== this.date) {
        const analysis = this.date ? { ...scanned.scan.analysis, date: this.date } : scanned.scan.analysis;
        const relative = computeDocumentDiagnostics(analysis, glossary, overrides);
        cached = { glossary, overridesKey, date: this.date, relative, start: 0, line: 0, placed: relative };
        scanned.diagnostics = cached;
      }
      return { start: segment.start, line: segment.line, diagnostics: cached.relative };
    });
  }

  /** The document's diagnostics, as computeDocumentDiagnostics(analysis) gives them, checked per segment. */
  diagnostics(glossary: Glossary, overrides: SeverityOverrides | undefined, overridesKey: string): DocumentDiagnostic[] {
    const groups = this.diagnosticGroups(glossary, overrides, overridesKey);
    const out: DocumentDiagnostic[] = [];
    this.segments.forEach((segment, k) => {
      const cached = segment.scanned.diagnostics!;
      if (cached.start !== segment.start || cached.line !== segment.line) {
        cached.placed = groups[k].diagnostics.map((d) => moveDiagnostic(d, segment.start, segment.line));
        cached.start = segment.start;
        cached.line = segment.line;
      }
      append(out, cached.placed);
    });
    return out;
  }
}

/** Diagnostics of one stretch of a document, relative to where it starts. */
export interface DiagnosticGroup {
  /** The stretch's start offset and first line in the document. */
  start: number;
  line: number;
  /** Offsets relative to `start`, ranges to `line` (characters are the document's: stretches start lines). */
  diagnostics: readonly DocumentDiagnostic[];
}

function append<T>(to: T[], items: readonly T[]): void {
  for (let k = 0; k < items.length; k++) to.push(items[k]);
}

function split(text: string, from: number, to: number, length: number): Piece[] {
  if (from >= to) return [];
  const starts = segmentStarts(text, from, to, length);
  return starts.map((start, k) => ({ start, text: text.slice(start, k + 1 < starts.length ? starts[k + 1] : to) }));
}

/**
 * The new text as pieces: the old segments before and after the edit where their text is unchanged and
 * they still start after a blank line, and the edited stretch between them split afresh.
 */
function reusablePieces(old: readonly Segment[], oldText: string, text: string, length: number): Piece[] {
  const delta = text.length - oldText.length;
  const endOf = (s: Segment) => s.start + s.scanned.text.length;
  // Equal strings compare as blocks of memory; a slice costs nothing.
  const sameAt = (s: Segment, start: number) => start >= 0 && text.slice(start, start + s.scanned.text.length) === s.scanned.text;
  let prefix = 0;
  while (prefix < old.length && sameAt(old[prefix], old[prefix].start)) prefix++;
  // The stretch after the kept segments must start a segment (the last one may have ended the old text).
  while (prefix > 0 && endOf(old[prefix - 1]) < text.length && !isSegmentStart(text, endOf(old[prefix - 1]))) prefix--;
  const prefixEnd = prefix > 0 ? endOf(old[prefix - 1]) : 0;
  let suffix = old.length;
  while (suffix > prefix && old[suffix - 1].start + delta >= prefixEnd && sameAt(old[suffix - 1], old[suffix - 1].start + delta)) suffix--;
  while (suffix < old.length && !isSegmentStart(text, old[suffix].start + delta)) suffix++;
  const middleEnd = suffix < old.length ? old[suffix].start + delta : text.length;
  const pieces: Piece[] = [];
  // Texts are taken from the new document, so that old documents' texts are not kept alive.
  for (let k = 0; k < prefix; k++) pieces.push({ start: old[k].start, text: text.slice(old[k].start, endOf(old[k])), scanned: old[k].scanned });
  for (const piece of split(text, prefixEnd, middleEnd, length)) pieces.push(piece);
  for (let k = suffix; k < old.length; k++) {
    const start = old[k].start + delta;
    pieces.push({ start, text: text.slice(start, start + old[k].scanned.text.length), scanned: old[k].scanned });
  }
  return pieces;
}

/** Scans the pieces in order with the state passed from each to the next, reusing scans that still hold. */
function walk(pieces: Piece[], compiled: CompiledGlossary, lang: DocumentLanguage, declared: string | undefined): { segments: Segment[]; scanned: number } {
  /** Entry index -> offset of its latest full mention so far (in the new text). */
  const latest = new Map<number, number>();
  let historicalWordBefore: string | undefined;
  let line = 0;
  let scannedCount = 0;
  const segments: Segment[] = [];
  for (const piece of pieces) {
    let scanned = piece.scanned;
    if (!scanned || !stillHolds(scanned, lang, declared, historicalWordBefore, latest)) {
      scanned = scanPiece(piece, compiled, lang, declared, historicalWordBefore, latest);
      scannedCount++;
    }
    segments.push({ start: piece.start, line, scanned });
    line += scanned.lineStarts.length;
    for (const [entry, at] of scanned.scan.fullMentions) latest.set(entry, piece.start + at);
    historicalWordBefore = scanned.scan.historicalWordAfter;
  }
  return { segments, scanned: scannedCount };
}

function scanPiece(
  piece: Piece,
  compiled: CompiledGlossary,
  lang: DocumentLanguage,
  declared: string | undefined,
  historicalWordBefore: string | undefined,
  latest: ReadonlyMap<number, number>,
): ScannedSegment {
  const lastFullMention = new Map<number, number>();
  for (const [entry, at] of latest) lastFullMention.set(entry, at - piece.start);
  const state = historicalWordBefore === undefined ? { lastFullMention } : { lastFullMention, historicalWordBefore };
  // A copy of the segment's text: the findings' texts are slices of what was scanned, and a slice of the
  // document would keep this version of the whole document alive as long as the segment is reused.
  const own = (piece.text + ' ').slice(0, -1);
  const scan = scanSegment(own, compiled, { state, documentLanguage: lang, declaredLanguage: declared });
  const consulted = [...new Set(scan.shortTargets)];
  return {
    // The copy, never a slice of the document: a segment outlives many versions, and a slice would tie
    // it to one version's whole text (it was reassigned on every reuse instead).
    text: own,
    scan,
    lineStarts: lineStartsOf(piece.text),
    documentLanguage: lang,
    declaredLanguage: declared,
    historicalWordBefore,
    consulted,
    consultedOrder: orderOf(consulted, latest),
  };
}

function stillHolds(
  scanned: ScannedSegment,
  lang: DocumentLanguage,
  declared: string | undefined,
  historicalWordBefore: string | undefined,
  latest: ReadonlyMap<number, number>,
): boolean {
  if (scanned.documentLanguage !== lang || scanned.declaredLanguage !== declared || scanned.historicalWordBefore !== historicalWordBefore) return false;
  // The same entries mentioned before the segment, in the same order (no sorting: this runs for every segment).
  const order = scanned.consultedOrder;
  let present = 0;
  for (const entry of scanned.consulted) if (latest.has(entry)) present++;
  if (present !== order.length) return false;
  let previous = Number.NEGATIVE_INFINITY;
  for (const entry of order) {
    const at = latest.get(entry);
    if (at === undefined || at <= previous) return false;
    previous = at;
  }
  return true;
}

/** The entries of `entries` mentioned in full so far, least recent first. */
export function orderOf(entries: readonly number[], latest: ReadonlyMap<number, number>): number[] {
  const present = entries.filter((e) => latest.has(e));
  return present.sort((a, b) => latest.get(a)! - latest.get(b)!);
}

export function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

// --- moving findings to where a segment stands --------------------------------------------------------

function placedAnalysis(segment: Segment): DocumentAnalysis {
  const { scanned, start, line } = segment;
  const relative = scanned.scan.analysis;
  if (start === 0 && line === 0) return relative;
  if (scanned.placed && scanned.placed.start === start && scanned.placed.line === line) return scanned.placed.analysis;
  const analysis: DocumentAnalysis = {
    mentions: relative.mentions.map((m) => moveMention(m, start, line)),
    ambiguous: relative.ambiguous.map((a) => moveAmbiguous(a, start, line)),
    candidates: relative.candidates.map((c) => moveCandidate(c, start, line)),
    annotations: relative.annotations.map((a) => moveAnnotation(a, start, line)),
  };
  if (relative.languageSpans) analysis.languageSpans = relative.languageSpans.map((s) => ({ start: s.start + start, end: s.end + start, lang: s.lang }));
  scanned.placed = { start, line, analysis };
  return analysis;
}

function moveRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

function moveSpan(span: TextSpan, by: number, lines: number): TextSpan {
  return { start: span.start + by, end: span.end + by, range: moveRange(span.range, lines), text: span.text };
}

/** A copy of any span-shaped result moved by `by` characters and `lines` lines (its other fields kept). */
function moved<T extends TextSpan>(span: T, by: number, lines: number): T {
  return { ...span, start: span.start + by, end: span.end + by, range: moveRange(span.range, lines) };
}

function moveCitation(document: DocumentCitation, by: number, lines: number): DocumentCitation {
  if (!document.typeWord) return document;
  return { ...document, typeWord: moveSpan(document.typeWord, by, lines) };
}

function moveMention(m: Mention, by: number, lines: number): Mention {
  const result = moved(m, by, lines);
  if (m.title) result.title = moved(m.title, by, lines);
  if (m.document) result.document = moveCitation(m.document, by, lines);
  return result;
}

function moveAmbiguous(a: AmbiguousReference, by: number, lines: number): AmbiguousReference {
  const result = moved(a, by, lines);
  if (a.document) result.document = moveCitation(a.document, by, lines);
  return result;
}

function moveCandidate(c: Candidate, by: number, lines: number): Candidate {
  const result = moved(c, by, lines);
  if (c.titleSpan) result.titleSpan = moved(c.titleSpan, by, lines);
  if (c.document) result.document = moveCitation(c.document, by, lines);
  return result;
}

function moveAnnotation(a: Annotation, by: number, lines: number): Annotation {
  return { ...moved(a, by, lines), idSpan: moveSpan(a.idSpan, by, lines) };
}

function moveDiagnostic(d: DocumentDiagnostic, by: number, lines: number): DocumentDiagnostic {
  return { ...d, start: d.start + by, end: d.end + by, range: moveRange(d.range, lines) };
}
