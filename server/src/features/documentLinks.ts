import type { Connection, DocumentLink } from 'vscode-languageserver';
import { guard, type ServerContext } from '../serverContext';

/** `source:` values in glossary files as links (http(s) URLs, or files inside the workspace). */
export function registerDocumentLinks(connection: Connection, context: ServerContext): void {
  connection.onDocumentLinks(
    guard(context, 'documentLinks', null, (params): DocumentLink[] | null => {
      const uri = params.textDocument.uri;
      context.flushPendingChanges();
      if (!context.service.hasGlossaryFile(uri)) return null;
      return context.service.getDocumentLinks(uri).map((link) => ({ range: link.range, target: link.target, tooltip: link.tooltip }));
    }),
  );
}
