import type { CodeLens, Connection } from 'vscode-languageserver';
import { SHOW_MENTIONS_COMMAND } from '../protocol';
import { guard, type ServerContext } from '../serverContext';

/**
 * A lens on each glossary entry: "N mentions in M documents". Resolving it attaches the command
 * `policyGloss.showMentions` with `editor.action.showReferences`-style arguments: the glossary URI, the
 * lens position and the mention locations.
 */
export function registerCodeLens(connection: Connection, context: ServerContext): void {
  connection.onCodeLens(
    guard(context, 'codeLens', null, (params): CodeLens[] | null => {
      const uri = params.textDocument.uri;
      if (!context.service.hasGlossaryFile(uri)) return null;
      context.flushPendingChanges();
      return context.service.getCodeLenses(uri).map((lens) => ({ range: lens.range, data: { uri, entryId: lens.entryId } }));
    }),
  );

  connection.onCodeLensResolve(
    // On failure the lens comes back as it was sent, without a command.
    guard(context, 'codeLensResolve', { from: (lens: CodeLens) => lens }, (lens): CodeLens => {
      const data = lens.data as { uri?: unknown; entryId?: unknown } | undefined;
      if (typeof data?.entryId !== 'string' || typeof data.uri !== 'string') return lens;
      const locations = context.service.index.locationsOf(data.entryId);
      const { mentions, documents } = context.service.index.countOf(data.entryId);
      const title = `${mentions} mention${mentions === 1 ? '' : 's'} in ${documents} document${documents === 1 ? '' : 's'}`;
      return { ...lens, command: { title, command: SHOW_MENTIONS_COMMAND, arguments: [data.uri, lens.range.start, locations] } };
    }),
  );
}
