import { InlayHintKind, type Connection, type InlayHint } from 'vscode-languageserver';
import { guard, type ServerContext } from '../serverContext';

/** After each short name, the full name it resolves to (setting `policyGloss.inlayHints.shortNames`). */
export function registerInlayHints(connection: Connection, context: ServerContext): void {
  connection.languages.inlayHint.on(
    guard(context, 'inlayHint', null, (params): InlayHint[] | null => {
      if (!context.settings().inlayHints.shortNames) return [];
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return null;
      return context.service.getInlayHints(file, params.range).map((hint) => ({
        position: hint.position,
        label: `→ ${hint.label}`,
        kind: InlayHintKind.Type,
        tooltip: hint.tooltip,
        paddingLeft: true,
      }));
    }),
  );
}
