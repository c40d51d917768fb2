// Creates the language client: how the server is started and restarted, which documents it serves, and the
// few places where the client narrows what the server may do (untrusted Markdown, Restricted Mode).
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { createRestrictedModeMiddleware } from './restrictedMode';
import { RestartWindow } from './serverHealth';

/** Languages whose documents the server reads for mentions (glossary files are YAML). */
export const DOCUMENT_LANGUAGES = ['plaintext', 'markdown', 'policytext'] as const;

/** Restarts allowed after crashes within the window before the client stops trying. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface CrashReport {
  recentCrashes: number;
  maxRestarts: number;
  restarting: boolean;
}

/**
 * Restarts the server each time it dies, up to MAX_RESTARTS times within RESTART_WINDOW_MS (the library's
 * default gives up after four). Connection errors never shut the client down by themselves: if the server
 * is really gone the connection closes, and `closed` decides.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly window = new RestartWindow(MAX_RESTARTS, RESTART_WINDOW_MS);

  constructor(private readonly onCrash: (crash: CrashReport) => void) {}

  error(): ErrorHandlerResult {
    // Logged in the output channel by the client; the close that follows a real failure is what users see.
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const { restart, recentCrashes } = this.window.recordCrash(Date.now());
    this.onCrash({ recentCrashes, maxRestarts: MAX_RESTARTS, restarting: restart });
    if (restart) {
      return { action: CloseAction.Restart, message: `The Policy Gloss server stopped unexpectedly; restarting it (crash ${recentCrashes}).`, handled: true };
    }
    return {
      action: CloseAction.DoNotRestart,
      message: `The Policy Gloss server crashed ${recentCrashes} times within ${RESTART_WINDOW_MS / 60000} minutes and will not be restarted. Run "Policy Gloss: Restart Server" after fixing the cause (see the output channel).`,
    };
  }
}

function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
}

export function createLanguageClient(context: vscode.ExtensionContext, onCrash: (crash: CrashReport) => void): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...DOCUMENT_LANGUAGES.map((language) => ({ scheme: 'file', language })),
      { scheme: 'file', language: 'yaml' },
    ],
    // The server keeps the built glossary here between runs, so that a restart skips building it again.
    initializationOptions: { glossaryCacheFolder: (context.storageUri ?? context.globalStorageUri).fsPath },
    // The server reads these settings (glob patterns, severities, inlay hints) and is told when they change.
    synchronize: { configurationSection: 'policyGloss' },
    // Glossary text is user content: never trusted, never HTML.
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler: new RestartingErrorHandler(onCrash),
    middleware: createRestrictedModeMiddleware({
      isTrusted: () => vscode.workspace.isTrusted,
      workspaceFolders: workspaceFolderPaths,
      warn: (message) => void vscode.window.showWarningMessage(message),
    }),
  };
  return new LanguageClient('policyGloss', 'Policy Gloss', serverOptions, clientOptions);
}
