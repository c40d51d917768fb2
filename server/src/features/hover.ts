import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import { guard, type ServerContext } from '../serverContext';

export function registerHover(connection: Connection, context: ServerContext): void {
  connection.onHover(
    guard(context, 'hover', null, (params): Hover | null => {
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return null;
      const hover = context.service.getHover(file, params.position);
      if (!hover) return null;
      return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range };
    }),
  );
}
