import { loadGlossaryFile, loadGlossaryFileSteps, mergeGlossary, mergeGlossarySteps } from './glossary/load';
import { sameRecognition } from './glossary/recognitionFields';
import { OUTDATED, runInSlices, unlessOutdated, type Steps } from './glossary/steps';
import { compileGlossarySteps, rebindGlossary } from './recognition/compile';
import type { Glossary, GlossaryEntry, GlossaryFile } from './glossary/model';
import { analyzeDocument, compileGlossary, describeType, parseDocumentNumber, typeCodesOf, type CompiledGlossary } from './recognition';
import type { DocumentAnalysis, Mention } from './recognition/mention';
import { computeDocumentDiagnostics, type DocumentDiagnostic, type SeverityOverrides } from './diagnostics';
import { DocumentRecordBuilder, indexedDocumentOf, MentionIndex, referencesOf, unreportedAnnotations, type DocumentRecord } from './index';
import type { GlossaryText } from './documentRecords';
import { compiledOfSnapshot, sameGlossaryTexts, snapshotFits, snapshotOf, type GlossaryCache, type GlossarySnapshot } from './glossaryCache';
import { LineMap } from './text';
import { resolveSource, type RealUri, type SourceTarget } from './uris';
import { SegmentedAnalysis, type DiagnosticGroup } from './incrementalAnalysis';
import { skipReason } from './workspaceIndexer';
import type { Position, TextFile } from './types';
import type {
  CodeFix,
  CodeLensInfo,
  CompletionResult,
  DocumentLink,
  Hover,
  InlayHint,
  Location,
  SemanticToken,
  SymbolNode,
  Target,
  WorkspaceChanges,
  WorkspaceSymbol,
} from './results';
import type { DecodedNumber } from './hoverCards';
import { getHover } from './hover';
import { getDefinition, getDocumentHighlights, getReferences, locate } from './navigation';
import { getCompletions } from './completion';
import { prepareRename, renameEntry, type RenameResult } from './rename';
import { getDocumentSymbols, getInlayHints, getSemanticTokens, getWorkspaceSymbols } from './symbols';
import { addEntryChanges, getCodeFixes, type NewEntryFields } from './codeActions';
import type { QuickFixLanguage } from './settings';
import { getCodeLenses, getDocumentLinks } from './glossaryFeatures';

export type { Hover } from './results';

/** A document after recognition, with what position lookups need. */
export interface AnalyzedDocument {
  uri: string;
  version: number;
  text: string;
  lineMap: LineMap;
  analysis: DocumentAnalysis;
  /** Mentions plus known annotations, sorted by start. */
  references: Mention[];
  /** The recognition generation the analysis was made with. */
  generation: number;
  /** Why the text was not analysed (too large, binary); the analysis is then empty. */
  skipped?: string;
  /** Open documents: the analysis in segments, which the next version's analysis starts from. */
  segmented?: SegmentedAnalysis;
}

/**
 * A place in the analysis cache. An edited document's new analysis replaces the old one in its slot:
 * a Map entry deleted and set again (to refresh the least-recently-used order) leaves the old value
 * where minor collections still see it until the next full one, and for a large open document that
 * kept the text of every version typed since (2 MB per keystroke for 1 MB of Vietnamese) in memory.
 * The Map only ever holds the slot, which holds the current analysis.
 */
interface AnalysisSlot {
  document: AnalyzedDocument | undefined;
}

/**
 * An open document analysed in segments; its findings, line map and references are made when first
 * asked for. A class, not an object with getters: getters made per analysis are closures over the
 * analysis, and those kept each version's text alive through minor collections as a dropped slot did.
 */
class SegmentedDocument implements AnalyzedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  private madeReferences: Mention[] | undefined;

  constructor(
    file: TextFile,
    readonly generation: number,
    readonly segmented: SegmentedAnalysis,
    private readonly glossary: Glossary,
  ) {
    this.uri = file.uri;
    this.version = file.version;
    this.text = file.text;
  }

  get lineMap(): LineMap {
    return this.segmented.lineMap;
  }

  get analysis(): DocumentAnalysis {
    return this.segmented.analysis;
  }

  get references(): Mention[] {
    return (this.madeReferences ??= referencesOf(this.segmented.analysis, (id) => this.glossary.byId.get(id)?.kind));
  }
}

/** What a glossary change means for the rest of the workspace. */
export interface GlossaryUpdate {
  /** True when recognition results may differ: every document must be analysed again. */
  recognitionChanged: boolean;
}

export interface PolicyServiceOptions {
  /** Workspace root folder URIs: `source` paths resolve only inside them. */
  roots?: string[];
  /** Follows symbolic links, so that a `source` leading out of the workspace through one is not opened. */
  realUri?: RealUri;
  /** How many analysed documents to keep (open documents are asked for on every request). */
  analysisCacheSize?: number;
  /** The least length of the segments open documents are analysed in (tests use short ones). */
  segmentLength?: number;
  /** Keeps built glossaries between runs (see GlossaryCache). */
  glossaryCache?: GlossaryCache;
}

/**
 * The language service: glossary state, the workspace's mention index and per-document analysis. It
 * knows nothing of LSP; the server feeds it files and maps its answers to protocol types.
 */
export class PolicyService {
  private roots: string[];
  /** Follows symbolic links (from the runtime; undefined where there is no file system). */
  readonly realUri: RealUri | undefined;
  private readonly glossaryTexts = new Map<string, string>();
  private readonly glossaryFiles = new Map<string, GlossaryFile>();
  private glossary: Glossary = mergeGlossary([]);
  private compiled: CompiledGlossary = compileGlossary(this.glossary);
  /** Increases whenever the glossary in use changes: a build prepared against an older one starts again. */
  private glossaryVersion = 0;
  /** Changes waiting for the asynchronous glossary build (URI -> text; undefined: the file is gone). */
  private readonly pendingGlossaryChanges = new Map<string, string | undefined>();
  /** Files the asynchronous build has loaded but not put in use yet (kept when it starts again). */
  private readonly loadedGlossaryFiles = new Map<string, { text: string; file: GlossaryFile }>();
  private readonly glossaryWaiters: { resolve(update: GlossaryUpdate): void; reject(error: unknown): void }[] = [];
  private glossaryBuildRunning = false;
  private glossaryCache: GlossaryCache | undefined;
  /** The texts of the glossary the cache holds, as far as this service knows (it loaded or saved it). */
  private cachedGlossaryTexts: readonly GlossaryText[] | undefined;
  /** Increases whenever recognition results may change; analyses and index records carry it. */
  private generation = 0;
  /** Analysed documents by URI, least recently used first (see AnalysisSlot). */
  private readonly analyses = new Map<string, AnalysisSlot>();
  private readonly analysisCacheSize: number;
  private readonly segmentLength: number | undefined;
  private readonly indexedGeneration = new Map<string, number>();
  private readonly diagnosticsCache = new WeakMap<AnalyzedDocument, { glossary: Glossary; overridesKey: string; diagnostics: readonly DocumentDiagnostic[] }>();
  /** Every mention in the workspace's documents, answered from memory. */
  private readonly mentionIndex = new MentionIndex();
  /** Open documents edited since they were last recorded in the index (recorded when typing pauses). */
  private readonly pendingIndex = new Map<string, TextFile>();

  constructor(options: PolicyServiceOptions = {}) {
    this.roots = options.roots ?? [];
    this.realUri = options.realUri;
    this.analysisCacheSize = options.analysisCacheSize ?? 64;
    this.segmentLength = options.segmentLength;
    this.glossaryCache = options.glossaryCache;
  }

  // --- workspace ---------------------------------------------------------------------------------

  setRoots(roots: string[]): void {
    this.roots = roots.slice();
  }

  getRoots(): readonly string[] {
    return this.roots;
  }

  /** Where an entry's `source` leads, checked against the workspace roots (see resolveSource). */
  resolveSource(source: string, glossaryUri: string): SourceTarget {
    return resolveSource(source, glossaryUri, this.roots, this.realUri);
  }

  // --- glossary ----------------------------------------------------------------------------------

  setGlossaryFile(uri: string, text: string): GlossaryUpdate {
    // Newer than any change of this file still waiting for the asynchronous build.
    this.pendingGlossaryChanges.delete(uri);
    if (this.glossaryTexts.get(uri) === text && this.glossaryFiles.has(uri)) return { recognitionChanged: false };
    this.glossaryTexts.set(uri, text);
    this.glossaryFiles.set(uri, loadGlossaryFile(uri, text));
    return this.rebuild();
  }

  /** Loads several glossary files and rebuilds the glossary once (the initial index). */
  setGlossaryFiles(files: { uri: string; text: string }[]): GlossaryUpdate {
    if (this.restoreFromCache(files)) return { recognitionChanged: true };
    let changed = false;
    for (const { uri, text } of files) {
      this.pendingGlossaryChanges.delete(uri);
      if (this.glossaryTexts.get(uri) === text && this.glossaryFiles.has(uri)) continue;
      this.glossaryTexts.set(uri, text);
      this.glossaryFiles.set(uri, loadGlossaryFile(uri, text));
      changed = true;
    }
    return changed ? this.rebuild() : { recognitionChanged: false };
  }

  deleteGlossaryFile(uri: string): GlossaryUpdate {
    this.pendingGlossaryChanges.delete(uri);
    this.glossaryTexts.delete(uri);
    if (!this.glossaryFiles.delete(uri)) return { recognitionChanged: false };
    return this.rebuild();
  }

  /**
   * Changes glossary files (a text, or undefined for a file that is gone) without holding the caller:
   * loading, merging and compiling run in slices between event-loop turns, and the service answers
   * with the glossary in use until the new one is complete, then switches to it at once. Small
   * glossaries finish within the first slice, i.e. before this returns. A newer change drops the work
   * it outdates; every caller's promise resolves once its change is in use (possibly together with
   * newer ones), with whether recognition changed.
   */
  updateGlossaryFiles(changes: { uri: string; text: string | undefined }[]): Promise<GlossaryUpdate> {
    for (const { uri, text } of changes) this.pendingGlossaryChanges.set(uri, text);
    const done = new Promise<GlossaryUpdate>((resolve, reject) => this.glossaryWaiters.push({ resolve, reject }));
    if (!this.glossaryBuildRunning) {
      this.glossaryBuildRunning = true;
      runInSlices(this.glossaryBuildSteps()).catch((error: unknown) => {
        for (const waiter of this.glossaryWaiters.splice(0)) waiter.reject(error);
      });
    }
    return done;
  }

  /** Uses a glossary cache from now on: the first glossary is taken from it when it has the one wanted. */
  setGlossaryCache(cache: GlossaryCache | undefined): void {
    this.glossaryCache = cache;
    this.cachedGlossaryTexts = undefined;
  }

  /**
   * Puts the glossary in use into the cache; false when there is no cache, when the cache holds it
   * already (it came from there, or was saved before), or when it depends on more than its files' texts
   * (a file that does not parse keeps the entries of its last readable version).
   */
  saveGlossaryToCache(): boolean {
    if (!this.glossaryCache || this.glossaryFiles.size === 0 || this.glossaryBuildRunning) return false;
    const texts = this.getGlossaryTexts();
    if (this.cachedGlossaryTexts && sameGlossaryTexts(this.cachedGlossaryTexts, texts)) return false;
    const files = texts.map(({ uri }) => this.glossaryFiles.get(uri)!);
    if (!files.every((file) => file.parsed)) return false;
    this.glossaryCache.save(texts, snapshotOf(files, this.compiled));
    this.cachedGlossaryTexts = texts;
    return true;
  }

  /**
   * Before the first glossary is loaded: takes the glossary of exactly these texts from the cache and puts
   * it in use. False (nothing changed) when there is no cache, it has not got that glossary, or what it
   * gave does not fit.
   */
  private restoreFromCache(changes: readonly { uri: string; text: string | undefined }[]): boolean {
    if (!this.glossaryCache || this.glossaryFiles.size > 0 || changes.length === 0) return false;
    const texts: GlossaryText[] = [];
    for (const { uri, text } of changes) {
      if (text === undefined) return false;
      texts.push({ uri, text });
    }
    texts.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    if (texts.some((file, k) => k > 0 && file.uri === texts[k - 1].uri)) return false;
    let compiled: CompiledGlossary;
    let snapshot: GlossarySnapshot | undefined;
    try {
      snapshot = this.glossaryCache.load(texts);
      if (!snapshotFits(snapshot, texts)) return false;
      compiled = compiledOfSnapshot(snapshot);
    } catch {
      return false;
    }
    texts.forEach(({ uri, text }, k) => {
      this.pendingGlossaryChanges.delete(uri);
      this.glossaryTexts.set(uri, text);
      this.glossaryFiles.set(uri, snapshot.files[k]);
    });
    this.cachedGlossaryTexts = texts;
    this.useGlossary(snapshot.glossary, compiled);
    return true;
  }

  /** Whether an asynchronous glossary change is still being prepared. */
  get glossaryBuilding(): boolean {
    return this.glossaryBuildRunning;
  }

  hasGlossaryFile(uri: string): boolean {
    return this.glossaryFiles.has(uri);
  }

  glossaryFileUris(): string[] {
    return [...this.glossaryFiles.keys()].sort();
  }

  /** The text a glossary file was loaded from. */
  getGlossaryText(uri: string): string | undefined {
    return this.glossaryTexts.get(uri);
  }

  /** The glossary files' texts in use, in URI order. */
  getGlossaryTexts(): GlossaryText[] {
    return this.glossaryFileUris().map((uri) => ({ uri, text: this.glossaryTexts.get(uri) ?? '' }));
  }

  getGlossary(): Glossary {
    return this.glossary;
  }

  getEntry(id: string): GlossaryEntry | undefined {
    return this.glossary.byId.get(id);
  }

  /** Decodes a document number for cards and prefilled entries. */
  decodeNumber(text: string): DecodedNumber | undefined {
    return decodeDocumentNumber(text);
  }

  // --- documents ---------------------------------------------------------------------------------

  /** A document analysed with the current glossary (cached per URI and version). */
  analyzed(file: TextFile): AnalyzedDocument {
    const slot = this.analyses.get(file.uri);
    const cached = slot?.document;
    if (slot && cached && cached.generation === this.generation && cached.version === file.version && cached.text === file.text) {
      this.touchAnalysis(file.uri, slot);
      return cached;
    }
    // The previous version's analysis (same glossary) is where the new one starts: unchanged segments are kept.
    const result = this.computeSegmentedAnalysis(file, cached && cached.generation === this.generation ? cached.segmented : undefined);
    if (slot) {
      slot.document = result;
      this.touchAnalysis(file.uri, slot);
    } else {
      this.analyses.set(file.uri, { document: result });
      while (this.analyses.size > this.analysisCacheSize) this.dropAnalysis(this.analyses.keys().next().value!);
    }
    return result;
  }

  /** Moves a document's slot to the most recently used end. */
  private touchAnalysis(uri: string, slot: AnalysisSlot): void {
    this.analyses.delete(uri);
    this.analyses.set(uri, slot);
  }

  /** Forgets a document's analysis; the emptied slot no longer holds its text (see AnalysisSlot). */
  private dropAnalysis(uri: string): void {
    const slot = this.analyses.get(uri);
    if (!slot) return;
    slot.document = undefined;
    this.analyses.delete(uri);
  }

  /** Everything recognition finds in a document. */
  analyze(file: TextFile): DocumentAnalysis {
    return this.analyzed(file).analysis;
  }

  /** An analysis kept in segments; its findings and line map are made when first asked for. */
  private computeSegmentedAnalysis(file: TextFile, previous: SegmentedAnalysis | undefined): AnalyzedDocument {
    if (skipReason(file.text)) return this.computeAnalysis(file);
    const segmented = SegmentedAnalysis.analyze(file.text, this.compiled, previous, { segmentLength: this.segmentLength });
    return new SegmentedDocument(file, this.generation, segmented, this.glossary);
  }

  /** Every mention in the workspace's documents; open documents edited lately are recorded first. */
  get index(): MentionIndex {
    if (this.pendingIndex.size > 0) this.flushPendingIndex();
    return this.mentionIndex;
  }

  /** Whether a document is in the index (without recording pending edits). */
  isIndexed(uri: string): boolean {
    return this.mentionIndex.has(uri) || this.pendingIndex.has(uri);
  }

  /**
   * Records an open document in the index later: replacing a large document's mentions on every keystroke
   * costs more than the keystroke's analysis. Any read of `index` (references, counts, the index view)
   * records it first, so that no answer mixes versions; the server also flushes once typing pauses.
   */
  indexDocumentLater(file: TextFile): void {
    this.pendingIndex.set(file.uri, file);
  }

  /** Records the open documents edited since they were last recorded. */
  flushPendingIndex(): void {
    const files = [...this.pendingIndex.values()];
    this.pendingIndex.clear();
    for (const file of files) this.indexDocument(file, { cache: true });
  }

  /** Analyses a document and records its mentions in the index. `cache` keeps the analysis (open documents). */
  indexDocument(file: TextFile, options: { cache?: boolean } = {}): void {
    const cached = this.analyses.get(file.uri)?.document;
    const usable = cached && cached.generation === this.generation && cached.version === file.version && cached.text === file.text;
    if (options.cache || usable) {
      const doc = this.analyzed(file);
      this.index.set(indexedDocumentOf(file.uri, doc.analysis, doc.references));
      this.indexedGeneration.set(file.uri, doc.generation);
      return;
    }
    const record = this.recordOf(file);
    if (record) this.index.setRecord(record);
    else this.index.set({ uri: file.uri, mentions: [], annotations: [] });
    this.indexedGeneration.set(file.uri, this.generation);
  }

  /** Increases whenever recognition results may change (a record made before a change is stale). */
  get recognitionGeneration(): number {
    return this.generation;
  }

  /**
   * A document's index record, analysed with the current glossary but not kept: what a worker thread
   * sends back. The reason instead when the text is not analysed (too large, binary).
   */
  documentRecord(file: TextFile): DocumentRecord | { skipped: string } {
    return this.recordOf(file) ?? { skipped: skipReason(file.text)! };
  }

  /**
   * The record of a document that is not kept, or undefined when it is not analysed. Recognition writes
   * its mentions as rows (no Mention objects) and makes no line map: positions come from the line feeds
   * the scan reads.
   */
  private recordOf(file: TextFile): DocumentRecord | undefined {
    if (skipReason(file.text)) return undefined;
    const rows = new DocumentRecordBuilder();
    const analysis = analyzeDocument(file.text, this.compiled, { mentionRows: rows });
    // As referencesOf: known annotations that no mention of their entry covers are references too.
    for (const { annotation: a, kind } of unreportedAnnotations(analysis.annotations, (id) => this.glossary.byId.get(id)?.kind, (id, start, end) => rows.covers(id, start, end))) {
      rows.add(a.start, a.end, a.range.start.line, a.range.start.character, a.range.end.line, a.range.end.character, a.id, kind, 'annotation', a.text);
    }
    return rows.record(file.uri, analysis.annotations.filter((a) => a.known), analysis.date);
  }

  /** Records a document analysed elsewhere (a worker thread) with the glossary of `generation`. */
  indexRecord(record: DocumentRecord, generation: number): void {
    this.index.setRecord(record);
    this.indexedGeneration.set(record.uri, generation);
  }

  /** Forgets a document entirely (deleted, or no longer matched by the settings). */
  removeDocument(uri: string): void {
    this.pendingIndex.delete(uri);
    this.index.delete(uri);
    this.indexedGeneration.delete(uri);
    this.dropAnalysis(uri);
  }

  /** Drops the cached analysis of a document that was closed; its index record stays. */
  releaseDocument(uri: string): void {
    if (this.pendingIndex.has(uri)) this.flushPendingIndex();
    this.dropAnalysis(uri);
  }

  /** Removes every indexed document for which `predicate` holds. */
  removeDocumentsWhere(predicate: (uri: string) => boolean): string[] {
    const removed = this.index.deleteWhere(predicate);
    for (const uri of removed) {
      this.indexedGeneration.delete(uri);
      this.dropAnalysis(uri);
    }
    return removed;
  }

  /** Indexed documents whose mentions were found with an older glossary. */
  staleDocumentUris(): string[] {
    return this.index.uris().filter((uri) => this.indexedGeneration.get(uri) !== this.generation);
  }

  /** The document's diagnostics; kept with its analysis, since code actions ask on every cursor move. */
  getDiagnostics(file: TextFile, overrides?: SeverityOverrides): readonly DocumentDiagnostic[] {
    const doc = this.analyzed(file);
    const overridesKey = JSON.stringify(overrides ?? {});
    const cached = this.diagnosticsCache.get(doc);
    if (cached && cached.glossary === this.glossary && cached.overridesKey === overridesKey) return cached.diagnostics;
    // In segments, only the segments an edit touched are checked again.
    const diagnostics = doc.segmented
      ? doc.segmented.diagnostics(this.glossary, overrides, overridesKey)
      : computeDocumentDiagnostics(doc.analysis, this.glossary, overrides);
    this.diagnosticsCache.set(doc, { glossary: this.glossary, overridesKey, diagnostics });
    return diagnostics;
  }

  /**
   * The document's diagnostics in groups relative to where each starts (segments of an open document):
   * a keystroke changes one group, and the others' converted forms can be sent again as they were.
   */
  getDiagnosticGroups(file: TextFile, overrides?: SeverityOverrides): readonly DiagnosticGroup[] {
    const doc = this.analyzed(file);
    if (!doc.segmented) return [{ start: 0, line: 0, diagnostics: this.getDiagnostics(file, overrides) }];
    return doc.segmented.diagnosticGroups(this.glossary, overrides, JSON.stringify(overrides ?? {}));
  }

  /** Mention counts of an entry from the index. */
  countsOf(id: string): { mentions: number; documents: number } {
    return this.index.countOf(id);
  }

  // --- features ----------------------------------------------------------------------------------

  locate(file: TextFile, position: Position): Target | undefined {
    return locate(this, file, position);
  }
  getHover(file: TextFile, position: Position): Hover | undefined {
    return getHover(this, file, position);
  }
  getDefinition(file: TextFile, position: Position): Location[] {
    return getDefinition(this, file, position);
  }
  getReferences(file: TextFile, position: Position, includeDeclaration = false): Location[] {
    return getReferences(this, file, position, includeDeclaration);
  }
  getDocumentHighlights(file: TextFile, position: Position): Location[] {
    return getDocumentHighlights(this, file, position);
  }
  getCompletions(file: TextFile, position: Position): CompletionResult {
    return getCompletions(this, file, position);
  }
  prepareRename(file: TextFile, position: Position): { range: Location['range']; placeholder: string } | { error: string } | undefined {
    return prepareRename(this, file, position);
  }
  rename(file: TextFile, position: Position, newId: string): RenameResult {
    return renameEntry(this, file, position, newId);
  }
  getDocumentSymbols(file: TextFile): SymbolNode[] {
    return getDocumentSymbols(this, file);
  }
  getWorkspaceSymbols(query: string, limit?: number): WorkspaceSymbol[] {
    return getWorkspaceSymbols(this, query, limit);
  }
  getSemanticTokens(file: TextFile): SemanticToken[] {
    return getSemanticTokens(this, file);
  }
  getInlayHints(file: TextFile, range?: Location['range']): InlayHint[] {
    return getInlayHints(this, file, range);
  }
  getCodeLenses(glossaryUri: string): CodeLensInfo[] {
    return getCodeLenses(this, glossaryUri);
  }
  getDocumentLinks(glossaryUri: string): DocumentLink[] {
    return getDocumentLinks(this, glossaryUri);
  }
  getCodeFixes(file: TextFile, range: Location['range'], overrides?: SeverityOverrides, language?: QuickFixLanguage): CodeFix[] {
    return getCodeFixes(this, file, range, overrides, language);
  }
  /** The lossless edit that adds an entry to the glossary file that best fits `documentUri`. */
  addEntry(fields: NewEntryFields, documentUri?: string): WorkspaceChanges | { error: string } {
    return addEntryChanges(this, fields, documentUri);
  }

  // --- internals ---------------------------------------------------------------------------------

  private computeAnalysis(file: TextFile): AnalyzedDocument {
    const lineMap = new LineMap(file.text);
    // A huge or binary text would hold the server for seconds on every keystroke: it is not analysed.
    const skipped = skipReason(file.text);
    if (skipped) {
      const analysis: DocumentAnalysis = { mentions: [], ambiguous: [], candidates: [], annotations: [] };
      return { uri: file.uri, version: file.version, text: file.text, lineMap, analysis, references: [], generation: this.generation, skipped };
    }
    const analysis = analyzeDocument(file.text, this.compiled, { lineMap });
    const references = this.referencesOf(analysis);
    return { uri: file.uri, version: file.version, text: file.text, lineMap, analysis, references, generation: this.generation };
  }

  private referencesOf(analysis: DocumentAnalysis): Mention[] {
    return referencesOf(analysis, (id) => this.glossary.byId.get(id)?.kind);
  }

  private rebuild(): GlossaryUpdate {
    const glossary = mergeGlossary(sortedFiles(this.glossaryFiles), this.glossary);
    // Edits recognition does not read (a summary, a source, a comment) keep every analysis valid.
    return this.useGlossary(glossary, sameRecognition(glossary, this.compiled.glossary) ? undefined : compileGlossary(glossary));
  }

  /** Puts a merged glossary in use, with its compiled form when recognition changed. */
  private useGlossary(glossary: Glossary, compiled: CompiledGlossary | undefined): GlossaryUpdate {
    this.glossary = glossary;
    this.glossaryVersion++;
    if (!compiled) {
      rebindGlossary(this.compiled, glossary);
      return { recognitionChanged: false };
    }
    this.compiled = compiled;
    this.generation++;
    return { recognitionChanged: true };
  }

  /**
   * The asynchronous glossary build (see updateGlossaryFiles): rounds of load, merge and compile until
   * no change is pending. Loading a file is dropped when its text changes again; merging and compiling
   * when any change arrives or the glossary in use changes meanwhile. Nothing is put in use until a
   * round completes; then, at once, the files, the glossary and its compiled form.
   */
  private *glossaryBuildSteps(): Steps<void> {
    try {
      let recognitionChanged = false;
      while (this.pendingGlossaryChanges.size > 0) {
        const changes = new Map(this.pendingGlossaryChanges);
        if (this.restoreFromCache([...changes].map(([uri, text]) => ({ uri, text })))) {
          recognitionChanged = true;
          continue;
        }
        for (const uri of this.loadedGlossaryFiles.keys()) if (!changes.has(uri)) this.loadedGlossaryFiles.delete(uri);
        // Load what changed; a file whose text is still the one wanted survives a restart.
        let outdated = false;
        for (const [uri, text] of changes) {
          if (text === undefined || this.loadedGlossaryFiles.get(uri)?.text === text) continue;
          if (this.glossaryTexts.get(uri) === text && this.glossaryFiles.has(uri)) continue;
          const file = yield* unlessOutdated(loadGlossaryFileSteps(uri, text), () => this.pendingGlossaryChanges.get(uri) !== text);
          if (file === OUTDATED) {
            outdated = true;
            break;
          }
          this.loadedGlossaryFiles.set(uri, { text, file });
        }
        if (outdated) continue;
        const version = this.glossaryVersion;
        const isOutdated = () => this.glossaryVersion !== version || !sameChanges(changes, this.pendingGlossaryChanges);
        if (isOutdated()) continue;
        const files = new Map(this.glossaryFiles);
        let changed = false;
        for (const [uri, text] of changes) {
          if (text === undefined) changed = files.delete(uri) || changed;
          else if (!(this.glossaryTexts.get(uri) === text && this.glossaryFiles.has(uri))) {
            files.set(uri, this.loadedGlossaryFiles.get(uri)!.file);
            changed = true;
          }
        }
        let glossary: Glossary | undefined;
        let compiled: CompiledGlossary | undefined;
        if (changed) {
          const merged = yield* unlessOutdated(mergeGlossarySteps(sortedFiles(files), this.glossary), isOutdated);
          if (merged === OUTDATED) continue;
          glossary = merged;
          if (!sameRecognition(glossary, this.compiled.glossary)) {
            const result = yield* unlessOutdated(compileGlossarySteps(glossary), isOutdated);
            if (result === OUTDATED) continue;
            compiled = result;
          }
          if (isOutdated()) continue;
        }
        // Everything is ready and nothing changed meanwhile: the new glossary goes in use at once.
        for (const [uri, text] of changes) {
          if (text === undefined) {
            this.glossaryTexts.delete(uri);
            this.glossaryFiles.delete(uri);
          } else {
            this.glossaryTexts.set(uri, text);
            this.glossaryFiles.set(uri, files.get(uri)!);
          }
          this.loadedGlossaryFiles.delete(uri);
        }
        this.pendingGlossaryChanges.clear();
        if (glossary) recognitionChanged = this.useGlossary(glossary, compiled).recognitionChanged || recognitionChanged;
      }
      this.glossaryBuildRunning = false;
      for (const waiter of this.glossaryWaiters.splice(0)) waiter.resolve({ recognitionChanged });
    } finally {
      this.glossaryBuildRunning = false;
    }
  }
}

/** Files in URI order, so that which copy of a duplicated id wins does not depend on loading order. */
function sortedFiles(files: ReadonlyMap<string, GlossaryFile>): GlossaryFile[] {
  return [...files.keys()].sort().map((uri) => files.get(uri)!);
}

function sameChanges(a: ReadonlyMap<string, string | undefined>, b: ReadonlyMap<string, string | undefined>): boolean {
  if (a.size !== b.size) return false;
  for (const [uri, text] of a) if (b.get(uri) !== text || !b.has(uri)) return false;
  return true;
}

/** A document number explained from the known code tables (type, issuer, year). */
function decodeDocumentNumber(text: string): DecodedNumber | undefined {
  const parsed = parseDocumentNumber(text);
  if (!parsed) return undefined;
  // National Assembly numbers carry no type code; the body issues laws and resolutions in that form.
  const type = parsed.type ?? (typeCodesOf(parsed).map((code) => describeType(code)?.name).filter(Boolean).join(' or ') || undefined);
  return { number: parsed.text, type, typeCode: parsed.typeCode, issuer: parsed.issuer, issuerCode: parsed.issuerCode, year: parsed.year };
}
