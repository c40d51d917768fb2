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
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

/** A real server process spoken to over stdio, as any LSP client would. */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  initializeResult?: InitializeResult;
  private readonly statusWaiters: ((s: StatusParams) => void)[] = [];
  lastStatus?: StatusParams;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly diagnosticWaiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  private constructor(readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification(StatusNotification, (status) => {
      this.lastStatus = status;
      if (!status.indexing) for (const w of this.statusWaiters.splice(0)) w(status);
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      for (const w of this.diagnosticWaiters.filter((w) => w.uri === params.uri)) {
        this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(w), 1);
        w.resolve(params);
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /** Starts the bundled server on `workspaceFolder` and waits until its index is ready. */
  static async start(workspaceFolder: string, initializationOptions?: unknown): Promise<LspTestClient> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new LspTestClient(child);
    const ready = client.waitForIndex();
    const uri = pathToFileURL(workspaceFolder).toString();
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(workspaceFolder) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
      initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await ready;
    return client;
  }

  waitForIndex(): Promise<StatusParams> {
    return new Promise((resolve) => this.statusWaiters.push(resolve));
  }

  /** Resolves with the next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.diagnosticWaiters.push({ uri, resolve }));
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
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
