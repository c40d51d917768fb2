import type { DocumentOutcome, GlossaryText } from './documentRecords';
import type { GlossaryUpdate, PolicyService } from './service';
import type { Workspace } from './workspace';

/** Documents larger than this are not analysed (on disk or open), so that the server stays responsive. */
export const MAX_ANALYZED_DOCUMENT_CHARS = 10_000_000;

/** How the indexer decides what a file is, and what it reports. */
export interface IndexerHooks {
  isGlossary(uri: string): boolean;
  isDocument(uri: string): boolean;
  /** Open files are served from memory; the indexer leaves them alone. */
  isOpen(uri: string): boolean;
  onProgress?(done: number, total: number): void;
  /** Called once the glossary files are loaded, before documents are read. */
  onGlossaryLoaded?(update: GlossaryUpdate): void;
  /** A file that was not indexed and why (binary, too large). */
  onSkip?(uri: string, reason: string): void;
  /** Worker threads failed; the pass goes on without them. */
  onWorkerFailure?(reason: string): void;
}

/** Set `cancelled` to stop a running pass at its next step. */
export interface CancellationFlag {
  cancelled: boolean;
}

/**
 * Reads and analyses documents off the main thread (worker threads), each worker with a glossary made
 * from the same file texts. A workspace that can do so offers one as `parallelIndexer`.
 */
export interface ParallelIndexer {
  /** Whether this many documents are worth the start-up of workers. */
  accepts(documentCount: number): boolean;
  /** Starts workers ahead of the next `run` with these glossary texts, so that they load it meanwhile. */
  prepare?(glossaryFiles: readonly GlossaryText[]): void;
  /** Ends workers that `prepare` started and no `run` took. */
  discardPrepared?(): void;
  /**
   * Delivers an outcome for each document, in batches as they come in. Resolves when all are delivered,
   * when `flag` is set (cancelled), or when the workers failed: then with the documents not delivered,
   * which the caller indexes itself.
   */
  run(uris: readonly string[], glossaryFiles: readonly GlossaryText[], deliver: (outcomes: DocumentOutcome[]) => void, flag: CancellationFlag): Promise<ParallelRunResult>;
}

export interface ParallelRunResult {
  cancelled: boolean;
  /** Documents without an outcome: the caller indexes them itself. */
  undelivered: string[];
  /** Why workers stopped early (a crash, a missing worker file). */
  failure?: string;
}

/** A workspace that can index on worker threads. */
function parallelIndexerOf(workspace: Workspace): ParallelIndexer | undefined {
  return (workspace as Workspace & { parallelIndexer?: ParallelIndexer }).parallelIndexer;
}

/** Gives the event loop a turn so that requests are answered while a long pass runs. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const TIME_SLICE_MS = 15;
const READ_BATCH = 16;

/** Why a document's text is not indexed, or undefined when it is fine. */
export function skipReason(text: string): string | undefined {
  if (text.length > MAX_ANALYZED_DOCUMENT_CHARS) return `larger than ${MAX_ANALYZED_DOCUMENT_CHARS / 1_000_000}M characters`;
  if (text.slice(0, 8192).includes('\u0000')) return 'binary content';
  return undefined;
}

/**
 * Builds the whole index: glossary files first (so that documents are analysed once, with the full
 * glossary), then every document. Returns false when cancelled.
 */
export async function indexWorkspace(service: PolicyService, workspace: Workspace, hooks: IndexerHooks, flag: CancellationFlag): Promise<boolean> {
  const files = await workspace.listFiles();
  if (flag.cancelled) return false;
  const glossaries = files.filter((uri) => hooks.isGlossary(uri) && !hooks.isOpen(uri));
  const documents = files.filter((uri) => !hooks.isGlossary(uri) && hooks.isDocument(uri) && !hooks.isOpen(uri));
  // Glossaries that vanished since the last pass, and the texts of the others.
  const present = new Set(glossaries);
  const changes: { uri: string; text: string | undefined }[] = [];
  for (const uri of service.glossaryFileUris()) {
    if (!hooks.isOpen(uri) && !present.has(uri)) changes.push({ uri, text: undefined });
  }
  for (const uri of glossaries) {
    const text = await workspace.readFile(uri);
    if (flag.cancelled) return false;
    if (text !== undefined && !hooks.isOpen(uri)) changes.push({ uri, text });
  }
  // Workers, if any, make their glossary from the same texts while this thread makes its own.
  const parallel = parallelIndexerOf(workspace);
  if (parallel?.accepts(documents.length)) parallel.prepare?.(glossaryTextsAfter(service, changes));
  try {
    // A large glossary is loaded in slices: requests are answered meanwhile.
    const { recognitionChanged } = await service.updateGlossaryFiles(changes);
    if (flag.cancelled) return false;
    hooks.onGlossaryLoaded?.({ recognitionChanged });
    const wanted = new Set(documents);
    service.removeDocumentsWhere((uri) => !wanted.has(uri) && !hooks.isOpen(uri));
    return await indexDocuments(service, workspace, documents, hooks, flag);
  } finally {
    // Prepared workers that no run took (cancelled, or a glossary edit changed the texts) end here.
    parallel?.discardPrepared?.();
  }
}

/** The glossary files' texts in use once `changes` are applied, in the order `indexDocuments` lists them. */
function glossaryTextsAfter(service: PolicyService, changes: readonly { uri: string; text: string | undefined }[]): GlossaryText[] {
  const texts = new Map<string, string>();
  for (const uri of service.glossaryFileUris()) texts.set(uri, service.getGlossaryText(uri) ?? '');
  for (const { uri, text } of changes) {
    if (text === undefined) texts.delete(uri);
    else texts.set(uri, text);
  }
  return [...texts.keys()].sort().map((uri) => ({ uri, text: texts.get(uri)! }));
}

/** Reads and analyses the given documents from the workspace (those open in the editor are skipped). */
export async function indexDocuments(service: PolicyService, workspace: Workspace, uris: string[], hooks: IndexerHooks, flag: CancellationFlag): Promise<boolean> {
  const total = uris.length;
  let done = 0;
  let sliceStart = Date.now();
  hooks.onProgress?.(0, total);
  const parallel = parallelIndexerOf(workspace);
  if (parallel?.accepts(total)) {
    // Records made with the glossary of this generation; a glossary change meanwhile leaves them stale.
    const generation = service.recognitionGeneration;
    const glossaryFiles = service.glossaryFileUris().map((uri) => ({ uri, text: service.getGlossaryText(uri) ?? '' }));
    const result = await parallel.run(uris, glossaryFiles, (outcomes) => {
      if (flag.cancelled) return;
      for (const outcome of outcomes) {
        done++;
        // Opened while it was being read: the editor's text wins.
        if (hooks.isOpen(outcome.uri)) continue;
        if ('record' in outcome) service.indexRecord(outcome.record, generation);
        else {
          service.removeDocument(outcome.uri);
          if ('skipped' in outcome) hooks.onSkip?.(outcome.uri, outcome.skipped);
        }
      }
      if (Date.now() - sliceStart >= TIME_SLICE_MS) {
        hooks.onProgress?.(done, total);
        sliceStart = Date.now();
      }
    }, flag);
    if (result.cancelled || flag.cancelled) return false;
    if (result.failure) hooks.onWorkerFailure?.(result.failure);
    // What the workers did not deliver (they failed) is indexed here.
    uris = result.undelivered;
    done = total - uris.length;
  }
  for (let i = 0; i < uris.length; i += READ_BATCH) {
    const batch = uris.slice(i, i + READ_BATCH);
    const texts = await Promise.all(batch.map((uri) => workspace.readFile(uri)));
    for (let k = 0; k < batch.length; k++) {
      if (flag.cancelled) return false;
      const uri = batch[k];
      const text = texts[k];
      done++;
      // Opened while it was being read: the editor's text wins.
      if (hooks.isOpen(uri)) continue;
      if (text === undefined) {
        service.removeDocument(uri);
        continue;
      }
      const reason = skipReason(text);
      if (reason) {
        service.removeDocument(uri);
        hooks.onSkip?.(uri, reason);
        continue;
      }
      service.indexDocument({ uri, version: 0, text });
      if (Date.now() - sliceStart >= TIME_SLICE_MS) {
        hooks.onProgress?.(done, total);
        await yieldToEventLoop();
        sliceStart = Date.now();
        if (flag.cancelled) return false;
      }
    }
  }
  hooks.onProgress?.(total, total);
  return true;
}
