import { loadGlossaryFile, mergeGlossary } from './glossary/load';
import type { Glossary, GlossaryEntry, GlossaryFile } from './glossary/model';
import { analyzeDocument, compileGlossary, describeType, parseDocumentNumber, typeCodesOf, type CompiledGlossary } from './recognition';
import type { DocumentAnalysis, Mention } from './recognition/mention';
import { computeDocumentDiagnostics, type DocumentDiagnostic, type SeverityOverrides } from './diagnostics';
import { diagnosticsAfterEdit } from './incrementalDiagnostics';
import { MentionIndex, referencesOf } from './index';
import { LineMap } from './text';
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
}

/** What a glossary change means for the rest of the workspace. */
export interface GlossaryUpdate {
  /** True when recognition results may differ: every document must be analysed again. */
  recognitionChanged: boolean;
}

export interface PolicyServiceOptions {
  /** Workspace root folder URIs: `source` paths resolve only inside them. */
  roots?: string[];
  /** How many analysed documents to keep (open documents are asked for on every request). */
  analysisCacheSize?: number;
}

/**
 * The language service: glossary state, the workspace's mention index and per-document analysis. It
 * knows nothing of LSP; the server feeds it files and maps its answers to protocol types.
 */
export class PolicyService {
  private roots: string[];
  private readonly glossaryTexts = new Map<string, string>();
  private readonly glossaryFiles = new Map<string, GlossaryFile>();
  private glossary: Glossary = mergeGlossary([]);
  private compiled: CompiledGlossary = compileGlossary(this.glossary);
  private recognitionKey = '';
  /** Increases whenever recognition results may change; analyses and index records carry it. */
  private generation = 0;
  private readonly analyses = new Map<string, AnalyzedDocument>();
  private readonly analysisCacheSize: number;
  private readonly indexedGeneration = new Map<string, number>();
  private readonly diagnosticsCache = new WeakMap<AnalyzedDocument, { glossary: Glossary; overridesKey: string; diagnostics: readonly DocumentDiagnostic[] }>();
  /** The latest diagnostics of each document, for moving them after an edit that only moves findings. */
  private readonly lastDiagnosed = new Map<string, { doc: AnalyzedDocument; glossary: Glossary; overridesKey: string; diagnostics: readonly DocumentDiagnostic[] }>();
  /** Every mention in the workspace's documents, answered from memory. */
  readonly index = new MentionIndex();

  constructor(options: PolicyServiceOptions = {}) {
    this.roots = options.roots ?? [];
    this.analysisCacheSize = options.analysisCacheSize ?? 64;
  }

  // --- workspace ---------------------------------------------------------------------------------

  setRoots(roots: string[]): void {
    this.roots = roots.slice();
  }

  getRoots(): readonly string[] {
    return this.roots;
  }

  // --- glossary ----------------------------------------------------------------------------------

  setGlossaryFile(uri: string, text: string): GlossaryUpdate {
    if (this.glossaryTexts.get(uri) === text && this.glossaryFiles.has(uri)) return { recognitionChanged: false };
    this.glossaryTexts.set(uri, text);
    this.glossaryFiles.set(uri, loadGlossaryFile(uri, text));
    return this.rebuild();
  }

  /** Loads several glossary files and rebuilds the glossary once (the initial index). */
  setGlossaryFiles(files: { uri: string; text: string }[]): GlossaryUpdate {
    let changed = false;
    for (const { uri, text } of files) {
      if (this.glossaryTexts.get(uri) === text && this.glossaryFiles.has(uri)) continue;
      this.glossaryTexts.set(uri, text);
      this.glossaryFiles.set(uri, loadGlossaryFile(uri, text));
      changed = true;
    }
    return changed ? this.rebuild() : { recognitionChanged: false };
  }

  deleteGlossaryFile(uri: string): GlossaryUpdate {
    this.glossaryTexts.delete(uri);
    if (!this.glossaryFiles.delete(uri)) return { recognitionChanged: false };
    return this.rebuild();
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
    const cached = this.analyses.get(file.uri);
    if (cached && cached.generation === this.generation && cached.version === file.version && cached.text === file.text) {
      // Refresh its place in the least-recently-used order.
      this.analyses.delete(file.uri);
      this.analyses.set(file.uri, cached);
      return cached;
    }
    const result = this.computeAnalysis(file);
    this.analyses.delete(file.uri);
    this.analyses.set(file.uri, result);
    while (this.analyses.size > this.analysisCacheSize) this.analyses.delete(this.analyses.keys().next().value!);
    return result;
  }

  /** Everything recognition finds in a document. */
  analyze(file: TextFile): DocumentAnalysis {
    return this.analyzed(file).analysis;
  }

  /** Analyses a document and records its mentions in the index. `cache` keeps the analysis (open documents). */
  indexDocument(file: TextFile, options: { cache?: boolean } = {}): void {
    const cached = this.analyses.get(file.uri);
    const usable = cached && cached.generation === this.generation && cached.version === file.version && cached.text === file.text;
    const doc = options.cache || usable ? this.analyzed(file) : this.computeAnalysis(file);
    this.index.set({ uri: file.uri, mentions: doc.references, annotations: doc.analysis.annotations.filter((a) => a.known), date: doc.analysis.date });
    this.indexedGeneration.set(file.uri, doc.generation);
  }

  /** Forgets a document entirely (deleted, or no longer matched by the settings). */
  removeDocument(uri: string): void {
    this.index.delete(uri);
    this.indexedGeneration.delete(uri);
    this.analyses.delete(uri);
    this.lastDiagnosed.delete(uri);
  }

  /** Drops the cached analysis of a document that was closed; its index record stays. */
  releaseDocument(uri: string): void {
    this.analyses.delete(uri);
    this.lastDiagnosed.delete(uri);
  }

  /** Removes every indexed document for which `predicate` holds. */
  removeDocumentsWhere(predicate: (uri: string) => boolean): string[] {
    const removed = this.index.deleteWhere(predicate);
    for (const uri of removed) {
      this.indexedGeneration.delete(uri);
      this.analyses.delete(uri);
      this.lastDiagnosed.delete(uri);
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
    const last = this.lastDiagnosed.get(file.uri);
    const reusable = last && last.glossary === this.glossary && last.overridesKey === overridesKey && !last.doc.skipped && !doc.skipped;
    const diagnostics =
      (reusable ? diagnosticsAfterEdit({ text: last.doc.text, analysis: last.doc.analysis, diagnostics: last.diagnostics }, doc) : undefined) ??
      computeDocumentDiagnostics(doc.analysis, this.glossary, overrides);
    const entry = { glossary: this.glossary, overridesKey, diagnostics };
    this.diagnosticsCache.set(doc, entry);
    this.lastDiagnosed.delete(file.uri);
    this.lastDiagnosed.set(file.uri, { doc, ...entry });
    while (this.lastDiagnosed.size > this.analysisCacheSize) this.lastDiagnosed.delete(this.lastDiagnosed.keys().next().value!);
    return diagnostics;
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
    const references = referencesOf(analysis, (id) => this.glossary.byId.get(id)?.kind);
    return { uri: file.uri, version: file.version, text: file.text, lineMap, analysis, references, generation: this.generation };
  }

  private rebuild(): GlossaryUpdate {
    // Sorted by URI, so that which copy of a duplicated id wins does not depend on loading order.
    const files = [...this.glossaryFiles.keys()].sort().map((uri) => this.glossaryFiles.get(uri)!);
    this.glossary = mergeGlossary(files, this.glossary);
    const key = recognitionKey(this.glossary);
    if (key === this.recognitionKey) return { recognitionChanged: false };
    this.recognitionKey = key;
    this.compiled = compileGlossary(this.glossary);
    this.generation++;
    return { recognitionChanged: true };
  }
}

/**
 * Everything about the glossary that recognition reads. Edits that leave it unchanged (a summary, a
 * source, a comment, lines moving) keep every analysis valid, so no document is scanned again.
 */
function recognitionKey(glossary: Glossary): string {
  const parts: string[] = [];
  for (const e of glossary.entries) {
    parts.push(JSON.stringify([e.id, e.kind, e.name, e.aliases, e.native, e.short, e.roles, e.number, e.case, e.status, e.use]));
  }
  return parts.join('\n');
}

/** A document number explained from the known code tables (type, issuer, year). */
function decodeDocumentNumber(text: string): DecodedNumber | undefined {
  const parsed = parseDocumentNumber(text);
  if (!parsed) return undefined;
  // National Assembly numbers carry no type code; the body issues laws and resolutions in that form.
  const type = parsed.type ?? (typeCodesOf(parsed).map((code) => describeType(code)?.name).filter(Boolean).join(' or ') || undefined);
  return { number: parsed.text, type, typeCode: parsed.typeCode, issuer: parsed.issuer, issuerCode: parsed.issuerCode, year: parsed.year };
}
