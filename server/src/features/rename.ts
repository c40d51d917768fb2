import { ResponseError, ErrorCodes, type Connection, type PrepareRenameResult, type WorkspaceEdit } from 'vscode-languageserver';
import { guard, type ServerContext } from '../serverContext';
import { toWorkspaceEdit } from './convert';

/** Rename from a mention, an annotation or a glossary id: renames the entry id everywhere in one edit. */
export function registerRename(connection: Connection, context: ServerContext): void {
  connection.onPrepareRename(
    guard(context, 'prepareRename', null, (params): PrepareRenameResult | null => {
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return null;
      const result = context.service.prepareRename(file, params.position);
      if (!result) return null;
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return result;
    }),
  );

  connection.onRenameRequest(
    guard(context, 'rename', null, (params): WorkspaceEdit | null => {
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return null;
      context.flushPendingChanges();
      const result = context.service.rename(file, params.position, params.newName);
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return toWorkspaceEdit(result.changes, context.clientCapabilities()) ?? null;
    }),
  );
}
