// Entry point of the VS Code extension. A thin client: everything about text, glossaries and mentions comes
// from the language server; this side adds what LSP has no place for (commands, the index view, the status bar).
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { IndexRequest, StatusNotification, type StatusParams } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { createIndexView, IndexTreeProvider } from './indexView';
import { createLanguageClient } from './languageClient';
import type { ServerPhase } from './serverHealth';
import { ServerStatus } from './serverStatus';
import { StatusBar } from './statusBar';

/** What `activate` returns: for other extensions and the extension tests. */
export interface PolicyGlossApi {
  /** Resolves once the server has finished indexing (at once if it has and has not restarted since). */
  whenIndexed(): Promise<StatusParams>;
  readonly status: ServerStatus;
  readonly index: IndexTreeProvider;
  readonly statusBar: StatusBar;
}

let client: LanguageClient | undefined;

function phaseOf(state: State): ServerPhase {
  return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
}

export async function activate(context: vscode.ExtensionContext): Promise<PolicyGlossApi> {
  const status = new ServerStatus();
  const languageClient = createLanguageClient(context, (crash) => status.recordCrash(crash));
  client = languageClient;
  const index = new IndexTreeProvider(async () =>
    languageClient.isRunning() ? (await languageClient.sendRequest(IndexRequest, undefined)).entries : undefined,
  );
  const statusBar = new StatusBar(status);

  context.subscriptions.push(
    status,
    statusBar,
    index,
    createIndexView(index),
    registerCommands({ client: languageClient, status, index }),
    languageClient.onDidChangeState(({ newState }) => {
      const phase = phaseOf(newState);
      status.setPhase(phase);
      // Drives the index view's welcome text (starting / no entries / stopped).
      void vscode.commands.executeCommand('setContext', 'policyGloss.serverPhase', phase);
      index.scheduleRefresh();
    }),
    languageClient.onNotification(StatusNotification, (params) => {
      status.setStatus(params);
      index.scheduleRefresh();
    }),
  );
  void vscode.commands.executeCommand('setContext', 'policyGloss.serverPhase', 'starting');

  try {
    await languageClient.start();
  } catch (error) {
    // The status bar shows the stopped server and offers a restart; activation itself must not fail.
    void vscode.window.showErrorMessage(`Policy Gloss: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { whenIndexed: () => status.whenIndexed(), status, index, statusBar };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
