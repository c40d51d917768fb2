import { MarkupKind, type Connection } from 'vscode-languageserver';
import type { ServerContext } from '../serverContext';

export function registerHover(connection: Connection, context: ServerContext): void {
  connection.onHover((params) => {
    const file = context.getTextFile(params.textDocument.uri);
    if (!file) return null;
    const hover = context.service.getHover(file, params.position);
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range };
  });
}
