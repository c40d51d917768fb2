import { loadGlossaryFile, mergeGlossary } from './glossary/load';
import type { Glossary, GlossaryEntry, GlossaryFile } from './glossary/model';
import { escapeMarkdown } from './markdown';
import { compileGlossary, findMentions, type CompiledGlossary } from './recognition/matcher';
import type { DocumentAnalysis, Mention } from './recognition/mention';
import { computeDocumentDiagnostics, type DocumentDiagnostic, type SeverityOverrides } from './diagnostics';
import { containsPosition, LineMap } from './text';
import type { Position, Range, TextFile } from './types';

export interface Hover {
  /** Markdown built from escaped user text. */
  markdown: string;
  range: Range;
}

/**
 * The language service: glossary state plus per-document analysis. It knows nothing of LSP; the
 * server feeds it files and maps its answers to protocol types.
 */
export class PolicyService {
  private readonly glossaryFiles = new Map<string, GlossaryFile>();
  private glossary: Glossary = mergeGlossary([]);
  private compiled: CompiledGlossary = compileGlossary(this.glossary);
  private readonly mentionCache = new Map<string, { version: number; text: string; mentions: Mention[] }>();

  setGlossaryFile(uri: string, text: string): void {
    const file = loadGlossaryFile(uri, text);
    this.glossaryFiles.set(uri, file);
    this.rebuild();
  }

  deleteGlossaryFile(uri: string): void {
    if (this.glossaryFiles.delete(uri)) this.rebuild();
  }

  getGlossary(): Glossary {
    return this.glossary;
  }

  getEntry(id: string): GlossaryEntry | undefined {
    return this.glossary.byId.get(id);
  }

  getMentions(file: TextFile): Mention[] {
    const cached = this.mentionCache.get(file.uri);
    if (cached && cached.version === file.version && cached.text === file.text) return cached.mentions;
    const mentions = findMentions(file.text, this.compiled);
    this.mentionCache.set(file.uri, { version: file.version, text: file.text, mentions });
    return mentions;
  }

  /** Everything recognition finds in a document. */
  analyze(file: TextFile): DocumentAnalysis {
    return { mentions: this.getMentions(file), ambiguous: [], candidates: [], annotations: [] };
  }

  getDiagnostics(file: TextFile, overrides?: SeverityOverrides): DocumentDiagnostic[] {
    return computeDocumentDiagnostics(this.analyze(file), this.glossary, overrides);
  }

  getHover(file: TextFile, position: Position): Hover | undefined {
    const mention = this.getMentions(file).find((m) => containsPosition(m.range, position));
    if (!mention) return undefined;
    const entry = this.glossary.byId.get(mention.entryId);
    if (!entry) return undefined;
    return { markdown: entryCard(entry), range: mention.range };
  }

  private rebuild(): void {
    this.glossary = mergeGlossary([...this.glossaryFiles.values()], this.glossary);
    this.compiled = compileGlossary(this.glossary);
    this.mentionCache.clear();
  }
}

function entryCard(entry: GlossaryEntry): string {
  const lines = [`**${escapeMarkdown(entry.name)}** _(${entry.kind})_`];
  if (entry.summary) lines.push('', escapeMarkdown(entry.summary));
  return lines.join('\n');
}

export { LineMap };
