import type { DocumentOutcome, GlossaryText } from './documentRecords';
import { sameGlossaryTexts } from './glossaryCache';
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
  /**
   * Delivers an outcome for each document, in batches as they come in. Resolves when all are delivered,
   * when `flag` is set (cancelled), or when the workers failed: then with the documents not delivered,
   * which the caller indexes itself. Given a `DocumentQueue`, the workers take their batches from it,
   * and the caller may take batches of its own from the same queue meanwhile.
   */
  run(uris: readonly string[] | DocumentQueue, glossaryFiles: readonly GlossaryText[], deliver: (outcomes: DocumentOutcome[]) => void, flag: CancellationFlag): Promise<ParallelRunResult>;
}

/**
 * Documents not yet handed out. Worker threads and the thread that runs the pass take batches from
 * it, so that each document is analysed once and whoever is free takes the next batch.
 */
export class DocumentQueue {
  private next = 0;
  /** Told after every take how many documents have been taken in all (reading ahead follows it). */
  onTake?: (taken: number) => void;

  constructor(private readonly uris: readonly string[]) {}

  get remaining(): number {
    return this.uris.length - this.next;
  }

  get taken(): number {
    return this.next;
  }

  /** The documents not taken yet, in the order they will be. */
  upcoming(): string[] {
    return this.uris.slice(this.next);
  }

  /** Up to `count` documents, taken out of the queue; empty when none are left. */
  take(count: number): string[] {
    const batch = this.uris.slice(this.next, this.next + count);
    this.next += batch.length;
    this.onTake?.(this.next);
    return batch;
  }
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

/**
 * A workspace that can also read a file synchronously (cheaper in CPU than `readFile`) answers what
 * `readFile` would, or null for a file it reads only asynchronously (a large one).
 */
type SyncReader = (uri: string) => string | undefined | null;

function syncReaderOf(workspace: Workspace): SyncReader | undefined {
  const readable = workspace as Workspace & { readFileNow?: SyncReader };
  return readable.readFileNow ? (uri) => readable.readFileNow!(uri) : undefined;
}

/** The texts of a batch of files (undefined for each that cannot be read), synchronously where the workspace can. */
function readBatch(workspace: Workspace, readNow: SyncReader | undefined, uris: readonly string[]): Promise<(string | undefined)[]> | (string | undefined)[] {
  if (!readNow) return Promise.all(uris.map((uri) => workspace.readFile(uri)));
  const texts = uris.map(readNow);
  if (!texts.includes(null)) return texts as (string | undefined)[];
  return Promise.all(texts.map((text, k) => (text === null ? workspace.readFile(uris[k]) : text)));
}

/**
 * Gives the event loop a turn so that requests are answered while a long pass runs. setImmediate runs
 * right after pending I/O; a zero timeout would wait at least a millisecond, every time slice.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
const TIME_SLICE_MS = 15;
/**
 * Progress reports are notifications written to the client: a few per second move a progress bar
 * smoothly, while one per time slice cost the server (and the client) a pipe write every 15 ms.
 */
const PROGRESS_INTERVAL_MS = 250;
const READ_BATCH = 16;

/** Why a document's text is not indexed, or undefined when it is fine. */
export function skipReason(text: string): string | undefined {
  if (text.length > MAX_ANALYZED_DOCUMENT_CHARS) return `larger than ${MAX_ANALYZED_DOCUMENT_CHARS / 1_000_000}M characters`;
  if (text.slice(0, 8192).includes('\u0000')) return 'binary content';
  return undefined;
}

/**
 * Builds the whole index: glossary files first (so that documents are analysed once, with the full
 * glossary), then every document. Returns false when cancelled. Worker threads, where the workspace
 * has them, make their own glossary from the same texts and start on the documents at once, while this
 * thread loads its glossary; their records are merged once it is in use here.
 */
export async function indexWorkspace(service: PolicyService, workspace: Workspace, hooks: IndexerHooks, flag: CancellationFlag): Promise<boolean> {
  const files = await workspace.listFiles();
  if (flag.cancelled) return false;
  // One look at each path (a workspace may hold tens of thousands).
  const glossaries: string[] = [];
  const documents: string[] = [];
  for (const uri of files) {
    if (hooks.isGlossary(uri)) {
      if (!hooks.isOpen(uri)) glossaries.push(uri);
    } else if (hooks.isDocument(uri) && !hooks.isOpen(uri)) documents.push(uri);
  }
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
  const pass = new IndexPass(service, hooks, flag, documents.length);
  const parallel = parallelIndexerOf(workspace);
  const runFlag = abandonableFlag(flag);
  let early: { glossaryFiles: GlossaryText[]; queue: DocumentQueue; run: Promise<ParallelRunResult> } | undefined;
  if (parallel?.accepts(documents.length)) {
    const glossaryFiles = glossaryTextsAfter(service, changes);
    const queue = new DocumentQueue(documents);
    const run = parallel.run(queue, glossaryFiles, pass.deliver, runFlag);
    // Awaited below; a failure before then must not go unhandled.
    run.catch(() => undefined);
    early = { glossaryFiles, queue, run };
  }
  try {
    // A large glossary is loaded in slices: requests are answered meanwhile.
    const { recognitionChanged } = await service.updateGlossaryFiles(changes);
    if (flag.cancelled) return false;
    hooks.onGlossaryLoaded?.({ recognitionChanged });
    const wanted = new Set(documents);
    service.removeDocumentsWhere((uri) => !wanted.has(uri) && !hooks.isOpen(uri));
    if (!early) return await pass.inThread(workspace, new DocumentQueue(documents));
    // Records made with other glossary texts than the ones now in use (an edit during the load) are
    // merged as stale: a later pass scans those documents again.
    const current = service.recognitionGeneration;
    pass.release(sameGlossaryTexts(early.glossaryFiles, service.getGlossaryTexts()) ? current : current - 1);
    return await pass.alongside(workspace, early.queue, early.run);
  } finally {
    // Workers still running (the pass was cancelled or failed) stop.
    runFlag.abandoned = true;
  }
}

/** A flag that is set when `flag` is, or when the pass that made it gives up. */
function abandonableFlag(flag: CancellationFlag): CancellationFlag & { abandoned: boolean } {
  return {
    abandoned: false,
    get cancelled() {
      return flag.cancelled || this.abandoned;
    },
  };
}

/** The glossary files' texts in use once `changes` are applied, in URI order. */
function glossaryTextsAfter(service: PolicyService, changes: readonly { uri: string; text: string | undefined }[]): GlossaryText[] {
  const texts = new Map<string, string>();
  for (const uri of service.glossaryFileUris()) texts.set(uri, service.getGlossaryText(uri) ?? '');
  for (const { uri, text } of changes) {
    if (text === undefined) texts.delete(uri);
    else texts.set(uri, text);
  }
  return [...texts.keys()].sort().map((uri) => ({ uri, text: texts.get(uri)! }));
}

/**
 * One pass over documents: counts progress, and merges the outcomes that worker threads deliver,
 * holding them until the glossary they were made with is in use on this thread (`release`).
 */
class IndexPass {
  private done = 0;
  private sliceStart = Date.now();
  private lastReport = Date.now();
  /** Outcomes delivered before `release`; undefined once released. */
  private held: DocumentOutcome[][] | undefined = [];
  private generation = 0;

  constructor(
    private readonly service: PolicyService,
    readonly hooks: IndexerHooks,
    readonly flag: CancellationFlag,
    private readonly total: number,
  ) {
    hooks.onProgress?.(0, total);
  }

  readonly deliver = (outcomes: DocumentOutcome[]): void => {
    if (this.flag.cancelled) return;
    this.done += outcomes.length;
    if (this.held) this.held.push(outcomes);
    else this.merge(outcomes);
    this.reportProgress();
  };

  /** Outcomes from now on, and those held so far, are merged as made with the glossary of `generation`. */
  release(generation: number): void {
    this.generation = generation;
    const held = this.held ?? [];
    this.held = undefined;
    for (const outcomes of held) {
      if (this.flag.cancelled) return;
      this.merge(outcomes);
    }
  }

  private merge(outcomes: readonly DocumentOutcome[]): void {
    for (const outcome of outcomes) {
      // Opened while it was being read: the editor's text wins.
      if (this.hooks.isOpen(outcome.uri)) continue;
      if ('record' in outcome) this.service.indexRecord(outcome.record, this.generation);
      else {
        this.service.removeDocument(outcome.uri);
        if ('skipped' in outcome) this.hooks.onSkip?.(outcome.uri, outcome.skipped);
      }
    }
  }

  /** A progress report, unless one went out within the last `PROGRESS_INTERVAL_MS`. */
  private reportProgress(): void {
    const now = Date.now();
    if (now - this.lastReport < PROGRESS_INTERVAL_MS) return;
    this.hooks.onProgress?.(this.done, this.total);
    this.lastReport = now;
  }

  /** True once a time slice has passed since the last turn of the event loop (which the caller then gives). */
  private sliceEnded(): boolean {
    if (Date.now() - this.sliceStart < TIME_SLICE_MS) return false;
    this.reportProgress();
    return true;
  }

  /** A new time slice starts (after a turn of the event loop). */
  private sliceStarted(): void {
    this.sliceStart = Date.now();
  }

  /**
   * Takes batches from the queue on this thread while workers take theirs; then indexes what the
   * workers did not deliver (they failed).
   */
  async alongside(workspace: Workspace, queue: DocumentQueue, run: Promise<ParallelRunResult>): Promise<boolean> {
    if (!(await this.readAndIndex(workspace, queue))) return false;
    const result = await run;
    if (result.cancelled || this.flag.cancelled) return false;
    if (result.failure) this.hooks.onWorkerFailure?.(result.failure);
    return this.inThread(workspace, new DocumentQueue(result.undelivered));
  }

  /** Indexes every document of the queue on this thread. */
  async inThread(workspace: Workspace, queue: DocumentQueue): Promise<boolean> {
    if (!(await this.readAndIndex(workspace, queue))) return false;
    this.hooks.onProgress?.(this.total, this.total);
    return true;
  }

  /** Reads and analyses batches from the queue until it is empty, giving the event loop a turn every time slice. */
  private async readAndIndex(workspace: Workspace, queue: DocumentQueue): Promise<boolean> {
    const { service, hooks, flag } = this;
    const readNow = syncReaderOf(workspace);
    for (let batch = queue.take(READ_BATCH); batch.length > 0; batch = queue.take(READ_BATCH)) {
      const texts = await readBatch(workspace, readNow, batch);
      for (let k = 0; k < batch.length; k++) {
        if (flag.cancelled) return false;
        const uri = batch[k];
        const text = texts[k];
        this.done++;
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
        if (this.sliceEnded()) {
          await yieldToEventLoop();
          this.sliceStarted();
          if (flag.cancelled) return false;
        }
      }
    }
    return !flag.cancelled;
  }
}

/** Reads and analyses the given documents from the workspace (those open in the editor are skipped). */
export async function indexDocuments(service: PolicyService, workspace: Workspace, uris: string[], hooks: IndexerHooks, flag: CancellationFlag): Promise<boolean> {
  const pass = new IndexPass(service, hooks, flag, uris.length);
  const parallel = parallelIndexerOf(workspace);
  const queue = new DocumentQueue(uris);
  if (!parallel?.accepts(uris.length)) return pass.inThread(workspace, queue);
  // Records made with the glossary of this generation; a glossary change meanwhile leaves them stale.
  pass.release(service.recognitionGeneration);
  const runFlag = abandonableFlag(flag);
  try {
    const run = parallel.run(queue, service.getGlossaryTexts(), pass.deliver, runFlag);
    run.catch(() => undefined);
    return await pass.alongside(workspace, queue, run);
  } finally {
    runFlag.abandoned = true;
  }
}
