import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WatchKind,
  type Disposable,
  type FileEvent,
  type FileSystemWatcher,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GlossaryUpdate } from '../core/service';
import { isSameOrBelow } from '../core/uris';
import type { Workspace } from '../core/workspace';
import { indexDocuments, indexWorkspace, skipReason, type CancellationFlag, type IndexerHooks } from '../core/workspaceIndexer';
import { StatusNotification } from '../protocol';
import type { ServerContext } from '../serverContext';
import type { DiagnosticsPublisher } from './diagnostics';

/** After a glossary edit, documents on disk are scanned again once edits pause this long. */
const REINDEX_DELAY_MS = 500;
/** Edits of open documents reach the workspace index once typing pauses this long. */
const INDEX_UPDATE_DELAY_MS = 300;
/** Glossary lenses show mention counts; after document edits they are refreshed once edits pause this long. */
const LENS_REFRESH_DELAY_MS = 1000;

/**
 * Keeps the service in step with the editor and the disk: open documents from memory (every change),
 * the rest of the workspace from an index built at start and kept current by file watching. Disk work
 * runs one task at a time, so that a slow pass never overwrites a newer change with older text.
 */
export class WorkspaceSync {
  private queue: Promise<void> = Promise.resolve();
  private runningPass: { flag: CancellationFlag; kind: 'full' | 'stale' } | undefined;
  /** Passes queued or running; the index is complete when none is left. */
  private pendingPasses = 0;
  private reindexTimer: ReturnType<typeof setTimeout> | undefined;
  private lensTimer: ReturnType<typeof setTimeout> | undefined;
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private readonly pendingDocuments = new Set<string>();
  private readonly pendingGlossaries = new Set<string>();
  private flushScheduled = false;
  private pendingFileEvents: FileEvent[] = [];
  private watcherRegistration: Promise<Disposable> | undefined;
  /** Open documents too large (or binary) to analyse, each noted in the log once. */
  private readonly skipNoted = new Set<string>();

  constructor(
    private readonly context: ServerContext,
    private readonly publisher: DiagnosticsPublisher,
    private workspace: Workspace,
    private readonly isServedDocument: (document: TextDocument) => boolean,
  ) {}

  // --- open documents ----------------------------------------------------------------------------

  /** An open document was opened or changed: it is analysed on the next turn (bursts coalesce). */
  documentChanged(document: TextDocument): void {
    if (this.context.isGlossaryUri(document.uri)) this.pendingGlossaries.add(document.uri);
    else if (this.isServedDocument(document)) this.pendingDocuments.add(document.uri);
    else return;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Applies pending changes now: glossaries first, so that documents are analysed with the new glossary. */
  flush(): void {
    this.flushScheduled = false;
    if (this.pendingGlossaries.size > 0) {
      const changes: { uri: string; text: string }[] = [];
      for (const uri of this.pendingGlossaries) {
        const document = this.context.documents.get(uri);
        if (document) changes.push({ uri, text: document.getText() });
      }
      this.pendingGlossaries.clear();
      this.updateGlossary(changes);
      // Re-diagnosing every open document once the glossary is in use covers the pending ones too,
      // unless a large glossary is still being prepared: then they are served with the one in use.
      if (!this.context.service.glossaryBuilding) {
        this.pendingDocuments.clear();
        return;
      }
    }
    if (this.pendingDocuments.size === 0) return;
    const uris = [...this.pendingDocuments];
    this.pendingDocuments.clear();
    for (const uri of uris) this.refreshOpenDocument(uri);
  }

  /** A document was closed: its diagnostics go, and the disk's text replaces the editor's. */
  documentClosed(document: TextDocument): void {
    const uri = document.uri;
    this.pendingDocuments.delete(uri);
    this.pendingGlossaries.delete(uri);
    if (this.context.isGlossaryUri(uri)) {
      this.enqueue(async () => {
        if (this.context.documents.get(uri)) return;
        const text = await this.workspace.readFile(uri);
        if (this.context.documents.get(uri)) return;
        this.updateGlossary([{ uri, text }]);
      });
      return;
    }
    this.publisher.clear(uri);
    this.context.service.releaseDocument(uri);
    if (!this.context.isDocumentUri(uri)) {
      this.context.service.removeDocument(uri);
      this.sendStatus();
      return;
    }
    this.enqueue(async () => {
      if (this.context.documents.get(uri)) return;
      const text = await this.workspace.readFile(uri);
      if (this.context.documents.get(uri)) return;
      if (text === undefined || skipReason(text)) this.context.service.removeDocument(uri);
      else this.context.service.indexDocument({ uri, version: 0, text });
      this.sendStatus();
    });
  }

  /** Analyses an open document, records it in the index and publishes its diagnostics. */
  private refreshOpenDocument(uri: string): void {
    const document = this.context.documents.get(uri);
    if (!document || !this.isServedDocument(document)) return;
    const file = { uri, version: document.version, text: document.getText() };
    const skipped = this.context.service.analyzed(file).skipped;
    if (skipped && !this.skipNoted.has(uri)) {
      this.skipNoted.add(uri);
      this.context.log(`Not analysing ${uri}: ${skipped}.`);
    }
    const { service } = this.context;
    let countChanged = false;
    if (this.context.isDocumentUri(uri)) {
      // A document new to the index goes in now (counts, status); edits are recorded when typing pauses.
      if (service.isIndexed(uri)) {
        service.indexDocumentLater(file);
        this.scheduleIndexUpdate();
      } else {
        service.indexDocument(file, { cache: true });
        countChanged = true;
      }
    } else if (service.isIndexed(uri)) {
      service.removeDocument(uri);
      countChanged = true;
    }
    this.publisher.publishDocument(file);
    if (countChanged) this.sendStatus();
    this.scheduleLensRefresh();
  }

  /** Records edited open documents in the index once typing pauses (any request reading the index does it sooner). */
  private scheduleIndexUpdate(): void {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      this.context.service.flushPendingIndex();
    }, INDEX_UPDATE_DELAY_MS);
  }

  /** Mention counts in glossary lenses change as documents are edited: refresh them once typing pauses. */
  private scheduleLensRefresh(): void {
    if (!this.context.clientCapabilities().workspace?.codeLens?.refreshSupport) return;
    if (!this.context.documents.all().some((d) => this.context.service.hasGlossaryFile(d.uri))) return;
    if (this.lensTimer) clearTimeout(this.lensTimer);
    this.lensTimer = setTimeout(() => {
      this.lensTimer = undefined;
      void this.context.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }, LENS_REFRESH_DELAY_MS);
  }

  /** Every open document again: after a glossary or settings change. */
  refreshOpenDocuments(): void {
    for (const document of this.context.documents.all()) {
      if (this.context.isGlossaryUri(document.uri)) continue;
      if (this.isServedDocument(document)) this.refreshOpenDocument(document.uri);
      else if (this.context.service.index.has(document.uri)) {
        // No longer served (the settings changed): it leaves the index and the Problems panel.
        this.context.service.removeDocument(document.uri);
        this.publisher.clear(document.uri);
      }
    }
  }

  // --- glossary ----------------------------------------------------------------------------------

  /**
   * Glossary files changed (undefined: gone). Large glossaries are prepared in slices while requests
   * are answered with the glossary in use; the views follow once the new one is in use.
   */
  private updateGlossary(changes: { uri: string; text: string | undefined }[]): void {
    this.context.service.updateGlossaryFiles(changes).then(
      (update) => this.glossaryChanged(update),
      (error: unknown) => this.context.logError('loading the glossary failed', error),
    );
  }

  private glossaryChanged(update: GlossaryUpdate): void {
    this.publisher.publishGlossaryProblems();
    this.refreshOpenDocuments();
    if (update.recognitionChanged && this.started) this.scheduleReindexOfStaleDocuments();
    this.refreshClientViews();
    this.sendStatus();
  }

  /** Documents on disk were analysed with an older glossary: scan them again once edits pause. */
  private scheduleReindexOfStaleDocuments(): void {
    // A stale pass is outdated by the new glossary; a full pass finishes and then schedules this again.
    if (this.runningPass?.kind === 'stale') this.runningPass.flag.cancelled = true;
    if (this.reindexTimer) clearTimeout(this.reindexTimer);
    this.reindexTimer = setTimeout(() => {
      this.reindexTimer = undefined;
      this.enqueuePass(async () => {
        const stale = this.context.service.staleDocumentUris().filter((uri) => !this.context.documents.get(uri));
        if (stale.length > 0) await this.runPass('stale', (flag) => indexDocuments(this.context.service, this.workspace, stale, this.hooks(), flag));
        // The pass may have been cancelled by a newer edit; the newer edit scheduled its own pass.
        this.refreshClientViews();
      });
    }, REINDEX_DELAY_MS);
    this.sendStatus();
  }

  // --- whole workspace ---------------------------------------------------------------------------

  /** Builds the index from scratch with a progress report (at start, and when settings or folders change). */
  rebuildIndex(workspace?: Workspace): void {
    if (workspace) this.workspace = workspace;
    if (this.runningPass) this.runningPass.flag.cancelled = true;
    this.enqueuePass(async () => {
      const progress = await this.context.connection.window.createWorkDoneProgress().catch(() => undefined);
      progress?.begin('Policy Gloss', 0, 'Indexing the workspace', false);
      const hooks = this.hooks();
      const onProgress = hooks.onProgress;
      hooks.onProgress = (done, total) => {
        onProgress?.(done, total);
        progress?.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${done}/${total} documents`);
      };
      hooks.onGlossaryLoaded = (update) => this.glossaryChanged({ ...update, recognitionChanged: false });
      const completed = await this.runPass('full', (flag) => indexWorkspace(this.context.service, this.workspace, hooks, flag));
      progress?.done();
      // A cancelled pass was replaced by a newer one, queued right behind it.
      if (!completed) return;
      this.started = true;
      this.context.log(`Indexed ${this.context.service.index.documentCount} documents and ${this.context.service.glossaryFileUris().length} glossary files.`);
      // Open documents were served all along; re-diagnose them with the complete glossary.
      this.refreshOpenDocuments();
      this.publisher.publishGlossaryProblems();
      this.refreshClientViews();
      // Glossary edits during the pass leave documents read before them stale.
      if (this.context.service.staleDocumentUris().some((uri) => !this.context.documents.get(uri))) this.scheduleReindexOfStaleDocuments();
    });
  }

  /** File watcher events: created, changed and deleted files (and folders) on disk. */
  filesChanged(events: FileEvent[]): void {
    this.pendingFileEvents.push(...events);
    this.enqueue(async () => {
      const events = this.pendingFileEvents;
      this.pendingFileEvents = [];
      if (events.length > 0) await this.applyFileEvents(events);
    });
  }

  private async applyFileEvents(events: FileEvent[]): Promise<void> {
    const { service, documents } = this.context;
    // The last event for each URI wins (a quick delete-and-create is a change).
    const latest = new Map<string, number>();
    for (const e of events) latest.set(e.uri, e.type);
    // Glossary files change together, once the files are read (see updateGlossary).
    const glossaryChanges = new Map<string, string | undefined>();
    const createdUnknown: string[] = [];
    const read = async (uri: string) => {
      if (documents.get(uri)) return;
      if (this.context.isGlossaryUri(uri)) {
        const text = await this.workspace.readFile(uri);
        if (documents.get(uri)) return;
        glossaryChanges.set(uri, text);
      } else if (this.context.isDocumentUri(uri)) {
        const text = await this.workspace.readFile(uri);
        if (documents.get(uri)) return;
        const reason = text === undefined ? 'unreadable' : skipReason(text);
        if (reason) {
          service.removeDocument(uri);
          if (text !== undefined) this.context.log(`Skipped ${uri}: ${reason}.`);
        } else service.indexDocument({ uri, version: 0, text: text! });
      }
    };
    for (const [uri, type] of latest) {
      if (type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event: everything below it goes too.
        for (const g of service.glossaryFileUris()) {
          if (isSameOrBelow(g, uri) && !documents.get(g)) glossaryChanges.set(g, undefined);
        }
        service.removeDocumentsWhere((u) => isSameOrBelow(u, uri) && !documents.get(u));
      } else if (this.context.isGlossaryUri(uri) || this.context.isDocumentUri(uri)) {
        await read(uri);
      } else if (type === FileChangeType.Created) {
        createdUnknown.push(uri);
      }
    }
    // A created (or renamed) folder: index what is inside it.
    if (createdUnknown.length > 0) {
      for (const uri of await this.workspace.listFiles()) {
        if (createdUnknown.some((folder) => isSameOrBelow(uri, folder) && uri !== folder) && !service.index.has(uri) && !service.hasGlossaryFile(uri)) {
          await read(uri);
        }
      }
    }
    if (glossaryChanges.size > 0) this.updateGlossary([...glossaryChanges].map(([uri, text]) => ({ uri, text })));
    else {
      this.refreshClientViews();
      this.sendStatus();
    }
  }

  // --- watchers ----------------------------------------------------------------------------------

  /** Registers file watchers for the glossary and document patterns (when the client allows it). */
  registerWatchers(): void {
    const capabilities = this.context.clientCapabilities();
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const previous = this.watcherRegistration;
    const settings = this.context.settings();
    const watchers: FileSystemWatcher[] = [...new Set([...settings.glossaryFiles, ...settings.documents])].map((globPattern) => ({ globPattern }));
    // Deleted and created folders (a rename is both) arrive as events for the folder itself.
    watchers.push({ globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete });
    this.watcherRegistration = this.context.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    this.watcherRegistration.catch((error) => this.context.logError('registering file watchers failed', error));
    void previous?.then((d) => d.dispose()).catch(() => undefined);
  }

  // --- status ------------------------------------------------------------------------------------

  get indexing(): boolean {
    return !this.started || this.pendingPasses > 0 || this.reindexTimer !== undefined;
  }

  sendStatus(): void {
    const { service } = this.context;
    const glossary = service.getGlossary();
    void this.context.connection.sendNotification(StatusNotification, {
      indexing: this.indexing,
      entries: glossary.entries.length,
      glossaryFiles: glossary.files.length,
      glossaryErrors: glossary.problems.filter((p) => p.severity === 'error').length,
      documents: service.index.documentCount,
    });
  }

  /** Asks the client to fetch tokens, hints and lenses again (their answers depend on the glossary and index). */
  refreshClientViews(): void {
    const workspace = this.context.clientCapabilities().workspace;
    const languages = this.context.connection.languages;
    if (workspace?.semanticTokens?.refreshSupport) languages.semanticTokens.refresh();
    if (workspace?.inlayHint?.refreshSupport) void languages.inlayHint.refresh().catch(() => undefined);
    if (workspace?.codeLens?.refreshSupport) void this.context.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  // --- internals ---------------------------------------------------------------------------------

  private hooks(): IndexerHooks {
    return {
      isGlossary: (uri) => this.context.isGlossaryUri(uri),
      isDocument: (uri) => this.context.isDocumentUri(uri),
      isOpen: (uri) => this.context.documents.get(uri) !== undefined,
      onSkip: (uri, reason) => this.context.log(`Skipped ${uri}: ${reason}.`),
      onWorkerFailure: (reason) => this.context.log(`Indexing on worker threads stopped (${reason}); the rest is indexed on the main thread.`),
    };
  }

  private async runPass(kind: 'full' | 'stale', pass: (flag: CancellationFlag) => Promise<boolean>): Promise<boolean> {
    const running = { flag: { cancelled: false }, kind };
    this.runningPass = running;
    this.sendStatus();
    try {
      return await pass(running.flag);
    } finally {
      if (this.runningPass === running) this.runningPass = undefined;
    }
  }

  /** Queues a task that runs a pass; the status says "indexing" from now until the task has finished. */
  private enqueuePass(task: () => Promise<void>): void {
    this.pendingPasses++;
    this.enqueue(async () => {
      try {
        await task();
      } finally {
        this.pendingPasses--;
        this.sendStatus();
      }
    });
  }

  /** Runs disk work one task at a time; a failing task is logged and the queue goes on. */
  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error) => this.context.logError('workspace update failed', error));
  }
}
