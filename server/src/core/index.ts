import { ENTRY_KINDS, type EntryKind } from './glossary/model';
import type { MentionRowSink } from './recognition/analyze';
import { MATCH_KINDS } from './recognition/compile';
import type { Annotation, DocumentAnalysis, MatchKind, Mention } from './recognition/mention';
import type { Location } from './results';

/** What the index is given of one document: the places that refer to entries, nothing else. */
export interface IndexedDocument {
  uri: string;
  /** Mentions including known annotations, sorted by start offset. */
  mentions: readonly Mention[];
  /** Annotations whose id names an entry (rename rewrites their ids). */
  annotations: readonly Annotation[];
  /** The document's date, if recognition found one. */
  date?: string;
}

/** One mention with the document it is in. */
export interface MentionLocation {
  uri: string;
  mention: Mention;
}

/**
 * The references of a document: its mentions plus each known annotation that recognition did not
 * already report as a mention, sorted by position. Annotations are mentions too (find references,
 * counts and the index view list them).
 */
export function referencesOf(analysis: DocumentAnalysis, kindOf: (id: string) => EntryKind | undefined): Mention[] {
  let added: Mention[] | undefined;
  const covered = (id: string, start: number, end: number) => analysis.mentions.some((m) => m.entryId === id && m.start < end && start < m.end);
  for (const { annotation, kind } of unreportedAnnotations(analysis.annotations, kindOf, covered)) {
    (added ??= []).push({
      entryId: annotation.id,
      kind,
      match: 'annotation',
      start: annotation.start,
      end: annotation.end,
      range: annotation.range,
      text: annotation.text,
    });
  }
  // Recognition reports mentions sorted: most documents need neither a copy nor a sort.
  if (!added) return analysis.mentions.slice();
  return analysis.mentions.concat(added).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The known annotations of an entry in the glossary that no mention of that entry overlaps (see referencesOf). */
export function unreportedAnnotations(
  annotations: readonly Annotation[],
  kindOf: (id: string) => EntryKind | undefined,
  covered: (id: string, start: number, end: number) => boolean,
): { annotation: Annotation; kind: EntryKind }[] {
  const found: { annotation: Annotation; kind: EntryKind }[] = [];
  for (const annotation of annotations) {
    const kind = annotation.known ? kindOf(annotation.id) : undefined;
    if (kind && !covered(annotation.id, annotation.start, annotation.end)) found.push({ annotation, kind });
  }
  return found;
}

/** What the index takes of an analysed document: its references and known annotations. */
export function indexedDocumentOf(uri: string, analysis: DocumentAnalysis, references: readonly Mention[]): IndexedDocument {
  const document: IndexedDocument = { uri, mentions: references, annotations: analysis.annotations.filter((a) => a.known) };
  if (analysis.date !== undefined) document.date = analysis.date;
  return document;
}

/** Numbers per mention row of a `DocumentRecord`: start, end, start line, start character, end line, end character, text, kind and match. */
export const RECORD_STRIDE = 8;
const TEXT = 6;
const KIND_AND_MATCH = 7;

/**
 * A document's contribution to the index in a compact form that holds no document text: one row of
 * numbers per mention, grouped by entry (by position inside a group). Worker threads build records and
 * transfer their arrays; the index keeps the same layout with workspace-wide entry and text numbers.
 */
export interface DocumentRecord {
  uri: string;
  /** The entries the document mentions; group `i` holds the mentions of `entryIds[i]`. */
  entryIds: string[];
  /** Group `i` is rows `groupStarts[i]` to `groupStarts[i + 1]` (exclusive); one more item than `entryIds`. */
  groupStarts: Int32Array;
  /** The written texts of the mentions; a row's text column is an index into it. */
  texts: string[];
  /** `RECORD_STRIDE` numbers per mention. */
  rows: Int32Array;
  /** Known annotations (rename rewrites their ids), holding their own copies of their strings. */
  annotations: Annotation[];
  date?: string;
}

/** A copy of a string that does not keep the string it was sliced from (a whole document) alive. */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

function ownAnnotation(a: Annotation): Annotation {
  const copy: Annotation = {
    start: a.start,
    end: a.end,
    range: a.range,
    text: ownCopy(a.text),
    id: ownCopy(a.id),
    idSpan: { start: a.idSpan.start, end: a.idSpan.end, range: a.idSpan.range, text: ownCopy(a.idSpan.text) },
    known: a.known,
  };
  if (a.shown !== undefined) copy.shown = ownCopy(a.shown);
  return copy;
}

/** The compact record of a document's mentions and known annotations. */
export function createDocumentRecord(document: IndexedDocument): DocumentRecord {
  const rows = new DocumentRecordBuilder();
  for (const m of document.mentions) rows.addMention(m);
  return rows.record(document.uri, document.annotations, document.date);
}

/** Columns of a row while a record is built: the record's columns but the text, which is kept apart. */
const BUILD_STRIDE = 7;

/**
 * Gathers a document's mentions as numbers, in any order, and makes its compact record. Recognition
 * writes into one directly (see MentionRowSink), so that the index of a document that is not kept makes no
 * Mention objects; `createDocumentRecord` writes the mentions of an analysis.
 */
export class DocumentRecordBuilder implements MentionRowSink {
  private numbers = new Int32Array(64 * BUILD_STRIDE);
  private readonly entryIds: string[] = [];
  /** Each row's text: a view on the document is fine, since the index keeps only copies (textNumber). */
  private readonly texts: string[] = [];
  private count = 0;
  private ordered = true;

  add(start: number, end: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number, entryId: string, kind: EntryKind, match: MatchKind, text: string): void {
    if (this.count > 0) {
      const last = (this.count - 1) * BUILD_STRIDE;
      const lastStart = this.numbers[last];
      if (start < lastStart || (start === lastStart && end < this.numbers[last + 1])) this.ordered = false;
    }
    if ((this.count + 1) * BUILD_STRIDE > this.numbers.length) {
      const grown = new Int32Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    const at = this.count++ * BUILD_STRIDE;
    const n = this.numbers;
    n[at] = start;
    n[at + 1] = end;
    n[at + 2] = startLine;
    n[at + 3] = startCharacter;
    n[at + 4] = endLine;
    n[at + 5] = endCharacter;
    n[at + 6] = (ENTRY_KINDS.indexOf(kind) << 8) | MATCH_KINDS.indexOf(match);
    this.entryIds.push(entryId);
    this.texts.push(text);
  }

  addMention(m: Mention): void {
    this.add(m.start, m.end, m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character, m.entryId, m.kind, m.match, m.text);
  }

  /** Whether a row of `entryId` overlaps [start, end) (see referencesOf). */
  covers(entryId: string, start: number, end: number): boolean {
    for (let r = 0; r < this.count; r++) {
      const at = r * BUILD_STRIDE;
      if (this.entryIds[r] === entryId && this.numbers[at] < end && start < this.numbers[at + 1]) return true;
    }
    return false;
  }

  /** The record: rows by position, grouped by entry in order of first mention; texts numbered the same way. */
  record(uri: string, annotations: readonly Annotation[], date: string | undefined): DocumentRecord {
    const { count, numbers } = this;
    // Recognition reports mentions mostly in order: most documents need no sort.
    let order: Int32Array | undefined;
    if (!this.ordered) {
      const byPosition = Array.from({ length: count }, (_, r) => r);
      byPosition.sort((a, b) => numbers[a * BUILD_STRIDE] - numbers[b * BUILD_STRIDE] || numbers[a * BUILD_STRIDE + 1] - numbers[b * BUILD_STRIDE + 1]);
      order = Int32Array.from(byPosition);
    }
    const entryNumbers = new Map<string, number>();
    const entryIds: string[] = [];
    const textNumbers = new Map<string, number>();
    const texts: string[] = [];
    const counts: number[] = [];
    const entryOf = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const id = this.entryIds[order ? order[i] : i];
      let n = entryNumbers.get(id);
      if (n === undefined) {
        entryNumbers.set(id, (n = entryIds.length));
        entryIds.push(id);
        counts.push(0);
      }
      entryOf[i] = n;
      counts[n]++;
    }
    const groupStarts = new Int32Array(entryIds.length + 1);
    for (let g = 0; g < entryIds.length; g++) groupStarts[g + 1] = groupStarts[g] + counts[g];
    const next = groupStarts.slice(0, entryIds.length);
    const rows = new Int32Array(count * RECORD_STRIDE);
    // Filling the groups in order of position keeps each group sorted too.
    for (let i = 0; i < count; i++) {
      const r = order ? order[i] : i;
      const text = this.texts[r];
      let t = textNumbers.get(text);
      if (t === undefined) {
        textNumbers.set(text, (t = texts.length));
        texts.push(text);
      }
      const at = next[entryOf[i]]++ * RECORD_STRIDE;
      const from = r * BUILD_STRIDE;
      for (let k = 0; k < TEXT; k++) rows[at + k] = numbers[from + k];
      rows[at + TEXT] = t;
      rows[at + KIND_AND_MATCH] = numbers[from + BUILD_STRIDE - 1];
    }
    const record: DocumentRecord = { uri, entryIds, groupStarts, texts, rows, annotations: annotations.map(ownAnnotation) };
    if (date !== undefined) record.date = date;
    return record;
  }
}

/** The buffers of a record, for moving it to another thread without copying. */
export function recordBuffers(record: DocumentRecord): ArrayBuffer[] {
  return [record.groupStarts.buffer as ArrayBuffer, record.rows.buffer as ArrayBuffer];
}

/** A document as the index keeps it: entry numbers ascending, rows grouped the same way, texts by number. */
interface StoredDocument {
  uri: string;
  /** The document's place in URI order among all documents (kept when the document is replaced). */
  rank: number;
  entryKeys: Int32Array;
  groupStarts: Int32Array;
  rows: Int32Array;
  annotations: readonly Annotation[];
  date?: string;
}

/** How many entries keep their reference locations ready between requests. */
const LOCATION_CACHE_SIZE = 32;

/**
 * Every mention in the workspace's documents, by document and by entry, so that references, counts and
 * the index view are answered from memory. Updating a document replaces exactly its contribution.
 * Mentions are kept as numbers (no document text, no objects per mention) and become objects only when
 * asked for.
 */
export class MentionIndex {
  private readonly documents = new Map<string, StoredDocument>();
  /** Entry ids and mention texts by number: rows refer to them by number. */
  private readonly entryNumbers = new Map<string, number>();
  private readonly entryIds: string[] = [];
  private readonly textNumbers = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Per entry number: the documents that mention it, and how many mentions there are in all. */
  private readonly documentsByEntry: (Set<StoredDocument> | undefined)[] = [];
  private readonly mentionCounts: number[] = [];
  /** Reference locations of recently asked entries, dropped when a document mentioning the entry changes. */
  private readonly locationCache = new Map<number, readonly Location[]>();
  /** False after a new URI came in: answers sort documents by rank, and ranks are assigned again first. */
  private ranksValid = true;

  get documentCount(): number {
    return this.documents.size;
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  /** A document's mentions (sorted by position) and annotations, built from its record. */
  get(uri: string): IndexedDocument | undefined {
    const stored = this.documents.get(uri);
    if (!stored) return undefined;
    const mentions: Mention[] = [];
    for (let g = 0; g < stored.entryKeys.length; g++) {
      for (let r = stored.groupStarts[g]; r < stored.groupStarts[g + 1]; r++) mentions.push(this.mentionAt(stored, g, r));
    }
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    const document: IndexedDocument = { uri, mentions, annotations: stored.annotations };
    if (stored.date !== undefined) document.date = stored.date;
    return document;
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  set(document: IndexedDocument): void {
    this.setRecord(createDocumentRecord(document));
  }

  /** Records a document from its compact record (made here or by a worker thread). */
  setRecord(record: DocumentRecord): void {
    this.removeContribution(record.uri);
    const groupCount = record.entryIds.length;
    const keys = record.entryIds.map((id) => this.entryNumber(id));
    const textKeys = record.texts.map((text) => this.textNumber(text));
    const order = groupsByKey(keys);
    const entryKeys = new Int32Array(groupCount);
    const groupStarts = new Int32Array(groupCount + 1);
    const source = record.rows;
    const rows = new Int32Array(source.length);
    let at = 0;
    for (let g = 0; g < groupCount; g++) {
      const from = record.groupStarts[order[g]];
      const to = record.groupStarts[order[g] + 1];
      entryKeys[g] = keys[order[g]];
      groupStarts[g] = at;
      // Whole groups are copied at once; then the text column is renumbered.
      rows.set(source.subarray(from * RECORD_STRIDE, to * RECORD_STRIDE), at * RECORD_STRIDE);
      at += to - from;
    }
    groupStarts[groupCount] = at;
    for (let i = TEXT; i < rows.length; i += RECORD_STRIDE) rows[i] = textKeys[rows[i]];
    const previous = this.documents.get(record.uri);
    const stored: StoredDocument = { uri: record.uri, rank: previous?.rank ?? 0, entryKeys, groupStarts, rows, annotations: record.annotations.map(ownAnnotation) };
    if (record.date !== undefined) stored.date = ownCopy(record.date);
    if (!previous) this.ranksValid = false;
    this.documents.set(record.uri, stored);
    for (let g = 0; g < groupCount; g++) {
      const key = entryKeys[g];
      let set = this.documentsByEntry[key];
      if (!set) this.documentsByEntry[key] = set = new Set();
      set.add(stored);
      this.mentionCounts[key] += groupStarts[g + 1] - groupStarts[g];
      this.locationCache.delete(key);
    }
  }

  delete(uri: string): boolean {
    if (!this.removeContribution(uri)) return false;
    this.documents.delete(uri);
    return true;
  }

  /** Takes a document's mentions out of the per-entry tables; the document itself stays until replaced or deleted. */
  private removeContribution(uri: string): boolean {
    const old = this.documents.get(uri);
    if (!old) return false;
    for (let g = 0; g < old.entryKeys.length; g++) {
      const key = old.entryKeys[g];
      const set = this.documentsByEntry[key]!;
      set.delete(old);
      if (set.size === 0) this.documentsByEntry[key] = undefined;
      this.mentionCounts[key] -= old.groupStarts[g + 1] - old.groupStarts[g];
      this.locationCache.delete(key);
    }
    return true;
  }

  /** Removes every document for which `predicate` holds; returns their URIs. */
  deleteWhere(predicate: (uri: string) => boolean): string[] {
    const removed = [...this.documents.keys()].filter(predicate);
    for (const uri of removed) this.delete(uri);
    return removed;
  }

  clear(): void {
    this.documents.clear();
    this.documentsByEntry.length = 0;
    this.mentionCounts.fill(0);
    this.locationCache.clear();
  }

  /** Mentions of one entry, ordered by document URI and then by position. */
  mentionsOf(entryId: string): MentionLocation[] {
    const out: MentionLocation[] = [];
    this.forEachGroup(entryId, (stored, g) => {
      for (let r = stored.groupStarts[g]; r < stored.groupStarts[g + 1]; r++) out.push({ uri: stored.uri, mention: this.mentionAt(stored, g, r) });
    });
    return out;
  }

  /**
   * Where an entry is mentioned, ordered by document URI and then by position: what find references
   * answers. Kept ready for recently asked entries; treat the answer as read-only.
   */
  locationsOf(entryId: string): readonly Location[] {
    const key = this.entryNumbers.get(entryId);
    if (key === undefined) return [];
    const cached = this.locationCache.get(key);
    if (cached) {
      // Refresh its place in the least-recently-used order.
      this.locationCache.delete(key);
      this.locationCache.set(key, cached);
      return cached;
    }
    const out: Location[] = [];
    this.forEachGroup(entryId, (stored, g) => {
      const rows = stored.rows;
      for (let r = stored.groupStarts[g]; r < stored.groupStarts[g + 1]; r++) {
        const at = r * RECORD_STRIDE;
        out.push({ uri: stored.uri, range: { start: { line: rows[at + 2], character: rows[at + 3] }, end: { line: rows[at + 4], character: rows[at + 5] } } });
      }
    });
    this.locationCache.set(key, out);
    while (this.locationCache.size > LOCATION_CACHE_SIZE) this.locationCache.delete(this.locationCache.keys().next().value!);
    return out;
  }

  /** How often an entry is mentioned and in how many documents, without building a list. */
  countOf(entryId: string): { mentions: number; documents: number } {
    const key = this.entryNumbers.get(entryId);
    const set = key === undefined ? undefined : this.documentsByEntry[key];
    if (!set) return { mentions: 0, documents: 0 };
    return { mentions: this.mentionCounts[key!], documents: set.size };
  }

  /** Mentions grouped by document for one entry (URIs sorted). */
  documentsOf(entryId: string): { uri: string; mentions: readonly Mention[] }[] {
    const out: { uri: string; mentions: Mention[] }[] = [];
    this.forEachGroup(entryId, (stored, g) => {
      const mentions: Mention[] = [];
      for (let r = stored.groupStarts[g]; r < stored.groupStarts[g + 1]; r++) mentions.push(this.mentionAt(stored, g, r));
      out.push({ uri: stored.uri, mentions });
    });
    return out;
  }

  /** Ids of every entry that has at least one mention. */
  mentionedEntryIds(): string[] {
    const out: string[] = [];
    for (let key = 0; key < this.entryIds.length; key++) if (this.documentsByEntry[key]) out.push(this.entryIds[key]);
    return out;
  }

  /** Known annotations of an entry across the workspace (for rename). */
  annotationsOf(entryId: string): { uri: string; annotation: Annotation }[] {
    const out: { uri: string; annotation: Annotation }[] = [];
    this.forEachGroup(entryId, (stored) => {
      for (const annotation of stored.annotations) {
        if (annotation.id === entryId) out.push({ uri: stored.uri, annotation });
      }
    });
    return out;
  }

  // --- internals ---------------------------------------------------------------------------------

  /** Calls `visit` with each document mentioning the entry (by URI) and the entry's group in it. */
  private forEachGroup(entryId: string, visit: (stored: StoredDocument, group: number) => void): void {
    const key = this.entryNumbers.get(entryId);
    const set = key === undefined ? undefined : this.documentsByEntry[key];
    if (!set) return;
    if (!this.ranksValid) this.assignRanks();
    const documents = [...set].sort((a, b) => a.rank - b.rank);
    for (const stored of documents) visit(stored, groupOf(stored.entryKeys, key!));
  }

  /** Numbers every document in URI order, so that answers sort by number instead of comparing long URIs. */
  private assignRanks(): void {
    const all = [...this.documents.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (let i = 0; i < all.length; i++) all[i].rank = i;
    this.ranksValid = true;
  }

  private mentionAt(stored: StoredDocument, group: number, row: number): Mention {
    const rows = stored.rows;
    const at = row * RECORD_STRIDE;
    const kindAndMatch = rows[at + KIND_AND_MATCH];
    return {
      entryId: this.entryIds[stored.entryKeys[group]],
      kind: ENTRY_KINDS[kindAndMatch >> 8],
      match: MATCH_KINDS[kindAndMatch & 0xff],
      start: rows[at],
      end: rows[at + 1],
      range: { start: { line: rows[at + 2], character: rows[at + 3] }, end: { line: rows[at + 4], character: rows[at + 5] } },
      text: this.texts[rows[at + TEXT]],
    };
  }

  private entryNumber(id: string): number {
    let key = this.entryNumbers.get(id);
    if (key === undefined) {
      const own = ownCopy(id);
      this.entryNumbers.set(own, (key = this.entryIds.length));
      this.entryIds.push(own);
      this.mentionCounts.push(0);
    }
    return key;
  }

  private textNumber(text: string): number {
    let key = this.textNumbers.get(text);
    if (key === undefined) {
      const own = ownCopy(text);
      this.textNumbers.set(own, (key = this.texts.length));
      this.texts.push(own);
    }
    return key;
  }
}

/**
 * The group numbers ordered by their entry numbers. Each (entry number, group number) pair is packed
 * into one exact double, so that a typed array's numeric sort does it without a comparison callback.
 */
function groupsByKey(keys: readonly number[]): Int32Array | number[] {
  const count = keys.length;
  if (count >= GROUP_LIMIT) return Array.from({ length: count }, (_, g) => g).sort((a, b) => keys[a] - keys[b]);
  const packed = new Float64Array(count);
  for (let g = 0; g < count; g++) packed[g] = keys[g] * GROUP_LIMIT + g;
  packed.sort();
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = packed[i] % GROUP_LIMIT;
  return order;
}

/** Entry numbers stay below 2^31 and group numbers below this: their packed pairs stay below 2^53. */
const GROUP_LIMIT = 2 ** 21;

/** Binary search for an entry number among a document's ascending entry numbers. */
function groupOf(entryKeys: Int32Array, key: number): number {
  let low = 0;
  let high = entryKeys.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (entryKeys[mid] < key) low = mid + 1;
    else if (entryKeys[mid] > key) high = mid - 1;
    else return mid;
  }
  return -1;
}
