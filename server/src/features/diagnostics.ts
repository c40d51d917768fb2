import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver';
import type { DocumentDiagnostic } from '../core/diagnostics';
import type { ServerContext } from '../serverContext';
import type { TextFile } from '../core/types';
import { documentDiagnosticToLsp, glossaryProblemToLsp } from './convert';

/** Publishes document diagnostics for open documents and glossary problems for every glossary file. */
export class DiagnosticsPublisher {
  /** What was last sent for each glossary file, so that unchanged problems are not sent again. */
  private readonly glossaryPublished = new Map<string, string>();
  /** Protocol diagnostics made from a group of document diagnostics, kept while the group is unchanged. */
  private readonly converted = new WeakMap<readonly DocumentDiagnostic[], { line: number; capabilities: ClientCapabilities; diagnostics: Diagnostic[] }>();

  constructor(private readonly context: ServerContext) {}

  publishDocument(file: TextFile): void {
    const capabilities = this.context.clientCapabilities();
    const diagnostics: Diagnostic[] = [];
    // After a keystroke most groups are as they were (or only moved by whole lines): their conversions are reused.
    for (const group of this.context.service.getDiagnosticGroups(file, this.context.settings().diagnostics.severity)) {
      let converted = this.converted.get(group.diagnostics);
      if (!converted || converted.line !== group.line || converted.capabilities !== capabilities) {
        const line = group.line;
        converted = { line, capabilities, diagnostics: group.diagnostics.map((d) => documentDiagnosticToLsp(d, capabilities, line)) };
        this.converted.set(group.diagnostics, converted);
      }
      for (const d of converted.diagnostics) diagnostics.push(d);
    }
    void this.context.connection.sendDiagnostics({ uri: file.uri, version: file.version, diagnostics });
  }

  clear(uri: string): void {
    void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Sends the problems of every glossary file whose problems changed, and clears files that went away. */
  publishGlossaryProblems(): void {
    const capabilities = this.context.clientCapabilities();
    const byUri = new Map<string, Diagnostic[]>();
    for (const uri of this.context.service.glossaryFileUris()) byUri.set(uri, []);
    for (const problem of this.context.service.getGlossary().problems) {
      const list = byUri.get(problem.uri) ?? [];
      list.push(glossaryProblemToLsp(problem, capabilities));
      byUri.set(problem.uri, list);
    }
    for (const uri of this.glossaryPublished.keys()) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const [uri, diagnostics] of byUri) {
      const key = JSON.stringify(diagnostics);
      if (this.glossaryPublished.get(uri) === key) continue;
      if (diagnostics.length === 0 && !this.context.service.hasGlossaryFile(uri)) this.glossaryPublished.delete(uri);
      else this.glossaryPublished.set(uri, key);
      void this.context.connection.sendDiagnostics({ uri, diagnostics });
    }
  }
}
