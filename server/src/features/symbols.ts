import type { Connection, DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { SymbolTag } from 'vscode-languageserver';
import type { SymbolNode } from '../core/results';
import { guard, type ServerContext } from '../serverContext';
import { toSymbolKind } from './convert';

/** Document symbols (the entities a document mentions, by kind) and workspace symbols (all entries). */
export function registerSymbols(connection: Connection, context: ServerContext): void {
  connection.onDocumentSymbol(
    guard(context, 'documentSymbol', null, (params): DocumentSymbol[] | null => {
      const file = context.getTextFile(params.textDocument.uri);
      // A glossary file's outline is the YAML extension's.
      if (!file || context.service.hasGlossaryFile(file.uri)) return null;
      return context.service.getDocumentSymbols(file).map(toDocumentSymbol);
    }),
  );

  connection.onWorkspaceSymbol(
    guard(context, 'workspaceSymbol', [], (params): SymbolInformation[] => {
      context.flushPendingChanges();
      return context.service.getWorkspaceSymbols(params.query).map((s) => ({
        name: s.name,
        kind: toSymbolKind(s.kind),
        containerName: s.containerName,
        location: s.location,
        tags: s.deprecated ? [SymbolTag.Deprecated] : undefined,
      }));
    }),
  );
}

function toDocumentSymbol(node: SymbolNode): DocumentSymbol {
  return {
    name: node.name,
    detail: node.detail,
    kind: toSymbolKind(node.kind),
    range: node.range,
    selectionRange: node.selectionRange,
    tags: node.deprecated ? [SymbolTag.Deprecated] : undefined,
    children: node.children.map(toDocumentSymbol),
  };
}
