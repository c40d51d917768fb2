import { CodeActionKind, type CodeAction, type Connection, type Diagnostic } from 'vscode-languageserver';
import { guard, type ServerContext } from '../serverContext';
import { DIAGNOSTIC_SOURCE, documentDiagnosticToLsp, toWorkspaceEdit } from './convert';

/** Quick fixes for the server's diagnostics, computed from the current analysis (not from client data). */
export function registerCodeActions(connection: Connection, context: ServerContext): void {
  connection.onCodeAction(
    guard(context, 'codeAction', null, (params): CodeAction[] | null => {
      const only = params.context.only;
      if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + '.') || kind === CodeActionKind.Empty)) {
        return null;
      }
      const file = context.getTextFile(params.textDocument.uri);
      if (!file || context.service.hasGlossaryFile(file.uri)) return null;
      context.flushPendingChanges();
      const capabilities = context.clientCapabilities();
      const actions: CodeAction[] = [];
      for (const fix of context.service.getCodeFixes(file, params.range, context.settings().diagnostics.severity, context.settings().quickFixLanguage)) {
        const edit = toWorkspaceEdit(fix.changes, capabilities);
        if (!edit) continue;
        const diagnostic: Diagnostic =
          params.context.diagnostics.find(
            (d) => d.source === DIAGNOSTIC_SOURCE && d.code === fix.diagnostic.code && sameRange(d.range, fix.diagnostic.range),
          ) ?? documentDiagnosticToLsp(fix.diagnostic, capabilities);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit });
      }
      return actions;
    }),
  );
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
