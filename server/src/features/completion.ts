import { InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Connection } from 'vscode-languageserver';
import { guard, type ServerContext } from '../serverContext';
import { toCompletionKind } from './convert';

/** Characters after which the client asks for completion: `[[`, and list separators in glossary values. */
export const COMPLETION_TRIGGER_CHARACTERS = ['[', ',', ' '];

export function registerCompletion(connection: Connection, context: ServerContext): void {
  connection.onCompletion(
    guard(context, 'completion', null, (params): CompletionList | null => {
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return null;
      const result = context.service.getCompletions(file, params.position);
      if (result.items.length === 0 && !result.isIncomplete) return null;
      const items = result.items.map(
        (item): CompletionItem => ({
          label: item.label,
          kind: toCompletionKind(item.kind),
          detail: item.detail,
          documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
          textEdit: { range: item.range, newText: item.newText },
          insertTextFormat: InsertTextFormat.PlainText,
          filterText: item.filterText,
          sortText: item.sortText,
        }),
      );
      return { isIncomplete: result.isIncomplete, items };
    }),
  );
}
