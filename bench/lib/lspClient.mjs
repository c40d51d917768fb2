// A minimal LSP client for the benchmarks: starts the bundled server over stdio, as an editor does, and
// times requests and notifications.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver-protocol/node.js';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = lsp;

/** Resolves (with undefined) after `ms`; does not keep the process alive. */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

const CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceEdit: { documentChanges: true },
    semanticTokens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    codeLens: { refreshSupport: true },
    symbol: {},
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

export class BenchLspClient {
  /** Starts `node [nodeArgs] serverBundle --stdio`, with `env` added to the environment. */
  constructor(serverBundle, nodeArgs = [], env = {}) {
    this.child = spawn(process.execPath, [...nodeArgs, serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.stderr = '';
    this.child.stderr.on('data', (d) => {
      if (this.stderr.length < 100_000) this.stderr += d;
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.statusWaiters = [];
    this.diagnosticWaiters = [];
    this.progressEnds = [];
    this.progressWaiters = [];
    this.logs = [];
    this.lastStatus = undefined;
    this.connection.onNotification('policyGloss/status', (status) => {
      this.lastStatus = status;
      this.fire(this.statusWaiters, status);
    });
    this.diagnosticListeners = new Set();
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      for (const listener of this.diagnosticListeners) listener(params);
      this.fire(this.diagnosticWaiters, params);
    });
    this.connection.onNotification('$/progress', (params) => {
      if (params.value?.kind === 'end') {
        this.progressEnds.push(performance.now());
        this.fire(this.progressWaiters, params);
      }
    });
    this.connection.onNotification('window/logMessage', (params) => {
      if (this.logs.length < 2000) this.logs.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    for (const method of ['workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'workspace/diagnostic/refresh']) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.listen();
    this.versions = new Map();
  }

  fire(waiters, value) {
    for (const w of waiters.slice()) {
      if (!w.predicate(value)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(value);
    }
  }

  /** Resolves with the first `value` that satisfies `predicate`, or rejects after `timeoutMs`. */
  waitOn(waiters, predicate, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      // A pending wait alone does not keep the process alive.
      timer.unref();
      const waiter = {
        predicate,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      };
      waiters.push(waiter);
    });
  }

  waitForStatus(predicate, timeoutMs = 600_000) {
    return this.waitOn(this.statusWaiters, predicate, timeoutMs, 'a status notification');
  }

  waitForDiagnostics(predicate, timeoutMs = 120_000) {
    return this.waitOn(this.diagnosticWaiters, predicate, timeoutMs, 'diagnostics');
  }

  /** Calls `listener` with every diagnostics notification until the returned function is called. */
  onDiagnostics(listener) {
    this.diagnosticListeners.add(listener);
    return () => this.diagnosticListeners.delete(listener);
  }

  waitForProgressEnd(timeoutMs = 600_000) {
    return this.waitOn(this.progressWaiters, () => true, timeoutMs, 'the end of the progress report');
  }

  /** `initializationOptions` as the extension sends them (its storage folder for the glossary cache). */
  async initialize(workspaceRoot, initializationOptions) {
    const uri = pathToFileURL(workspaceRoot).toString();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: basename(workspaceRoot) }],
      capabilities: CAPABILITIES,
      initializationOptions,
    });
  }

  initialized() {
    return this.connection.sendNotification('initialized', {});
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  open(uri, text, languageId) {
    this.versions.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes; returns the new version. */
  change(uri, contentChanges) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  close(uri) {
    this.versions.delete(uri);
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The server's peak resident set size (VmHWM) and current RSS, in bytes. */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { peakRss: kb('VmHWM'), rss: kb('VmRSS') };
    } catch {
      return { peakRss: NaN, rss: NaN };
    }
  }

  async shutdown() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(10_000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may be gone already.
    }
    const exited = await Promise.race([this.exited, delay(20_000)]);
    if (!exited) this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}
