import { DocumentHighlightKind, type Connection, type DocumentHighlight, type Location } from 'vscode-languageserver';
import { guard, type ServerContext } from '../serverContext';

/** Go to definition (the glossary entry, then its source file), references and document highlights. */
export function registerNavigation(connection: Connection, context: ServerContext): void {
  connection.onDefinition(
    guard(context, 'definition', null, (params): Location[] | null => {
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return null;
      const locations = context.service.getDefinition(file, params.position);
      return locations.length > 0 ? locations : null;
    }),
  );

  connection.onReferences(
    guard(context, 'references', null, (params): Location[] | null => {
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return null;
      context.flushPendingChanges();
      return context.service.getReferences(file, params.position, params.context.includeDeclaration);
    }),
  );

  connection.onDocumentHighlight(
    guard(context, 'documentHighlight', null, (params): DocumentHighlight[] | null => {
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return null;
      return context.service.getDocumentHighlights(file, params.position).map((l) => ({ range: l.range, kind: DocumentHighlightKind.Text }));
    }),
  );
}
