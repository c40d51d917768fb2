import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type FileEvent,
  type ProtocolConnection,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

/** What a full-featured editor announces; tests can take parts away. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    semanticTokens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
    rename: { prepareSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
    semanticTokens: {
      requests: { full: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
    },
  },
};

export interface StartOptions {
  initializationOptions?: unknown;
  /** Replaces the announced client capabilities. */
  capabilities?: ClientCapabilities;
  /** The `policyGloss` settings section the client answers with (null, the default, means "not set"). */
  settings?: Record<string, unknown> | null;
}

/** A real server process spoken to over stdio, as any LSP client would. */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  initializeResult?: InitializeResult;
  private readonly statusWaiters: { predicate: (s: StatusParams) => boolean; resolve: (s: StatusParams) => void }[] = [];
  lastStatus?: StatusParams;
  readonly statuses: StatusParams[] = [];
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly diagnosticWaiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  /** Every `$/progress` value, in order. */
  readonly progress: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];
  /** Every capability the server registered dynamically. */
  readonly registrations: Registration[] = [];
  /** Every `window/logMessage` text. */
  readonly logMessages: { type: number; message: string }[] = [];
  /** Refresh requests the server sent (semantic tokens, inlay hints, code lenses). */
  readonly refreshRequests: string[] = [];
  settings: Record<string, unknown> | null = null;
  private readonly versions = new Map<string, number>();

  private constructor(readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification(StatusNotification, (status) => {
      this.lastStatus = status;
      this.statuses.push(status);
      for (const w of this.statusWaiters.slice()) {
        if (!w.predicate(status)) continue;
        this.statusWaiters.splice(this.statusWaiters.indexOf(w), 1);
        w.resolve(status);
      }
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      for (const w of this.diagnosticWaiters.slice()) {
        if (w.uri !== params.uri || !w.predicate(params)) continue;
        this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(w), 1);
        w.resolve(params);
      }
    });
    this.connection.onNotification('$/progress', (params: LspTestClient['progress'][number]) => this.progress.push(params));
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logMessages.push(params);
      if (process.env.POLICY_GLOSS_TEST_LOG) process.stderr.write(`[server] ${params.message}\n`);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'policyGloss' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    for (const method of ['workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
      this.connection.onRequest(method, () => {
        this.refreshRequests.push(method);
        return null;
      });
    }
    this.connection.listen();
  }

  /** Starts the bundled server on `workspaceFolder` and waits until its index is ready. */
  static async start(workspaceFolder: string, opts: StartOptions = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new LspTestClient(child);
    client.settings = opts.settings ?? null;
    const ready = client.waitForIndex();
    const uri = pathToFileURL(workspaceFolder).toString();
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(workspaceFolder) }],
      capabilities: opts.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: opts.initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await ready;
    return client;
  }

  /** Resolves with the next status that reports the index complete. */
  waitForIndex(): Promise<StatusParams> {
    return this.waitForStatus((s) => !s.indexing);
  }

  waitForStatus(predicate: (s: StatusParams) => boolean): Promise<StatusParams> {
    return new Promise((resolve) => this.statusWaiters.push({ predicate, resolve }));
  }

  /** Resolves with the next diagnostics published for `uri`. */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.diagnosticWaiters.push({ uri, predicate, resolve }));
  }

  /** The diagnostics already published for `uri` if they satisfy `predicate`, else the next that do. */
  diagnosticsFor(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const current = this.diagnostics.get(uri);
    if (current && predicate(current)) return Promise.resolve(current);
    return this.nextDiagnostics(uri, predicate);
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Opens a document and waits for its first diagnostics. */
  async openAndDiagnose(uri: string, text: string, languageId = 'plaintext'): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === 1);
    await this.open(uri, text, languageId, 1);
    return published;
  }

  /** Sends changes (whole text or ranges) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the whole text and waits for the diagnostics of the new version. */
  async changeAndDiagnose(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.change(uri, [{ text }]);
    return published;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async settingsChanged(settings: Record<string, unknown> | null): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { policyGloss: settings } });
  }

  /** Errors the server logged (a handler that threw). */
  errors(): string[] {
    return this.logMessages.filter((m) => m.type === 1).map((m) => m.message);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The process may already be gone.
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

export function fileUri(...segments: string[]): string {
  return pathToFileURL(path.join(...segments)).toString();
}
