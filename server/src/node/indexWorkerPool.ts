import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { DocumentOutcome, GlossaryText } from '../core/documentRecords';
import { DocumentQueue, type CancellationFlag, type ParallelIndexer, type ParallelRunResult } from '../core/workspaceIndexer';
import type { FileGlossaryCache, FileGlossaryCacheOptions } from './fileGlossaryCache';
import type { IndexWorkerData, ReadAheadData } from './indexWorker';
import { newTakenCounter, publishTaken } from './readAhead';

/** A batch of documents for a worker to read and analyse. */
export interface IndexWorkerRequest {
  batch: number;
  uris: string[];
}

/** A worker's outcomes for one batch. */
export interface IndexWorkerReply {
  batch: number;
  outcomes: DocumentOutcome[];
}

export interface WorkerIndexerOptions {
  /** Fewer documents than this are indexed on the main thread: starting workers would cost more. */
  minDocuments?: number;
  /** At most this many workers (by default one fewer than the cores, at least one, never more than 4). */
  maxWorkers?: number;
  /** The worker's script; by default `indexWorker.js` next to this code (in the bundle: next to server.js). */
  script?: string;
  /** Documents read ahead of the indexing threads (0: no reading ahead); see readAhead.ts. */
  readAheadWindow?: number;
  /** Where workers take their glossary from when it holds the one of the pass's texts. */
  glossaryCache?: FileGlossaryCache;
}

const DEFAULT_MIN_DOCUMENTS = 200;
const MAX_WORKERS = 4;
/**
 * Documents per batch. A batch of typical documents takes a worker a few tens of milliseconds: longer than
 * the main thread's time slice (it hands out the next batch only between slices), so that a worker with
 * two batches never waits for one; near the end batches shrink, so that no thread waits long for the last.
 */
const BATCH_SIZE = 64;
const MIN_BATCH_SIZE = 4;
/** Batches a worker holds at once, so that it never waits for the next one. */
const BATCHES_IN_FLIGHT = 2;
const CANCEL_POLL_MS = 25;
/** About two batches per indexing thread: far enough ahead to hide the disk, near enough to stay in cache. */
const DEFAULT_READ_AHEAD_WINDOW = 256;

/** The size of the next batch when `remaining` documents are left. */
function batchSize(remaining: number): number {
  return Math.min(BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Math.ceil(remaining / 16)));
}

/**
 * Every worker is a V8 instance of its own, and the server's memory counts them all. An old generation
 * sized to the glossary (which is most of what a worker keeps) makes V8 collect the analyses' garbage
 * early instead of letting each heap swell. The young generation is capped at 32 MB (the default grows to
 * 48 MB): with 8 MB the glossary a worker builds or reads from the cache, long-lived from its first byte,
 * was copied from one young space to the next many times over, and each pass took 0.2 s (first start) to
 * 0.7 s (restart) longer for 15 MB less memory. A worker that still runs out (a huge document) fails, and
 * its batch is indexed on the main thread.
 */
function workerResourceLimits(glossaryFiles: readonly GlossaryText[]): ResourceLimits {
  const glossaryMb = glossaryFiles.reduce((n, f) => n + f.text.length, 0) / 1_000_000;
  return { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: Math.max(128, Math.ceil(64 + 24 * glossaryMb)) };
}

/**
 * Indexes documents on worker threads: one fewer than the machine has cores (at least one, at most 4),
 * each making the glossary from the same texts and answering batches of documents with compact records.
 * Given a shared `DocumentQueue`, the thread that runs the pass takes batches from it too (it makes its
 * glossary anyway, and is otherwise idle once it has), so that no core pays for one more copy of the
 * glossary (it gives the event loop a turn every time slice, so requests are still answered).
 */
export class WorkerIndexer implements ParallelIndexer {
  private readonly minDocuments: number;
  private readonly workerCount: number;
  private readonly script: string;
  private readonly readAheadWindow: number;
  private readonly glossaryCache: FileGlossaryCacheOptions | undefined;

  constructor(options: WorkerIndexerOptions = {}) {
    this.glossaryCache = options.glossaryCache?.options;
    this.readAheadWindow = options.readAheadWindow ?? DEFAULT_READ_AHEAD_WINDOW;
    this.minDocuments = options.minDocuments ?? DEFAULT_MIN_DOCUMENTS;
    this.workerCount = Math.max(1, Math.min(availableParallelism() - 1, MAX_WORKERS, options.maxWorkers ?? MAX_WORKERS));
    this.script = options.script ?? path.join(__dirname, 'indexWorker.js');
  }

  accepts(documentCount: number): boolean {
    return documentCount >= this.minDocuments;
  }

  /** A new worker, or undefined when none can start here. */
  private start(glossaryFiles: readonly GlossaryText[], resourceLimits: ResourceLimits): Worker | undefined {
    try {
      const data: IndexWorkerData = { glossaryFiles, glossaryCache: this.glossaryCache };
      return new Worker(this.script, { workerData: data, resourceLimits });
    } catch {
      return undefined;
    }
  }

  /**
   * A thread that reads the queue's files ahead of the indexing threads, following the queue as it is
   * taken; undefined when reading ahead is off or the thread cannot start (the pass goes on without it).
   */
  private startReadAhead(queue: DocumentQueue): { stop(): void } | undefined {
    if (this.readAheadWindow <= 0) return undefined;
    const base = queue.taken;
    const taken = newTakenCounter();
    const data: ReadAheadData = { readAhead: { uris: queue.upcoming(), taken, window: this.readAheadWindow } };
    let worker: Worker;
    try {
      worker = new Worker(this.script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 } });
    } catch {
      return undefined;
    }
    // Whatever happens to it, the pass does not depend on it.
    worker.on('error', () => undefined);
    worker.unref();
    const previous = queue.onTake;
    queue.onTake = (count) => {
      previous?.(count);
      publishTaken(taken, count - base);
    };
    return {
      stop: () => {
        queue.onTake = previous;
        void worker.terminate();
      },
    };
  }

  run(documents: readonly string[] | DocumentQueue, glossaryFiles: readonly GlossaryText[], deliver: (outcomes: DocumentOutcome[]) => void, flag: CancellationFlag): Promise<ParallelRunResult> {
    const queue = documents instanceof DocumentQueue ? documents : new DocumentQueue(documents);
    if (queue.remaining === 0) return Promise.resolve({ cancelled: false, undelivered: [] });
    // No worker can start: every document goes back to the caller.
    if (!existsSync(this.script)) return Promise.resolve({ cancelled: false, undelivered: queue.take(queue.remaining), failure: `the worker script ${this.script} is missing` });
    return new Promise((resolve, reject) => {
      /** Batches handed out and not yet answered, by number. */
      const outstanding = new Map<number, { worker: Worker; uris: string[] }>();
      const workers = new Set<Worker>();
      /** Batches of failed workers: they may hold what made a worker fail, so the caller indexes them. */
      const setAside: string[] = [];
      let nextBatch = 0;
      let finished = false;
      let failure: string | undefined;

      const finish = (cancelled: boolean, error?: unknown) => {
        if (finished) return;
        finished = true;
        clearInterval(poll);
        readingAhead?.stop();
        for (const worker of workers) void worker.terminate();
        workers.clear();
        const undelivered = setAside.slice();
        for (const batch of outstanding.values()) undelivered.push(...batch.uris);
        undelivered.push(...queue.take(queue.remaining));
        // Merging an answer failed: the pass fails as it would on the main thread alone.
        if (error !== undefined) reject(error);
        else resolve({ cancelled, undelivered, failure });
      };
      const feed = (worker: Worker) => {
        const uris = queue.take(batchSize(queue.remaining));
        if (uris.length === 0) return;
        const batch = nextBatch++;
        outstanding.set(batch, { worker, uris });
        const request: IndexWorkerRequest = { batch, uris };
        worker.postMessage(request);
      };
      /** A worker that failed: the others go on; its batches are set aside for the caller. */
      const lose = (worker: Worker, reason: string) => {
        if (finished || !workers.delete(worker)) return;
        failure ??= reason;
        void worker.terminate();
        for (const [batch, held] of outstanding) {
          if (held.worker !== worker) continue;
          outstanding.delete(batch);
          setAside.push(...held.uris);
        }
        if (workers.size === 0 || (outstanding.size === 0 && queue.remaining === 0)) finish(false);
      };

      const poll = setInterval(() => {
        if (flag.cancelled) finish(true);
      }, CANCEL_POLL_MS);
      const resourceLimits = workerResourceLimits(glossaryFiles);
      const readingAhead = this.startReadAhead(queue);
      const count = Math.min(this.workerCount, Math.max(1, Math.ceil(queue.remaining / BATCH_SIZE / BATCHES_IN_FLIGHT)));
      for (let i = 0; i < count; i++) {
        const worker = this.start(glossaryFiles, resourceLimits);
        if (!worker) {
          failure ??= 'a worker could not start';
          continue;
        }
        workers.add(worker);
        worker.on('message', (reply: IndexWorkerReply) => {
          if (finished) return;
          outstanding.delete(reply.batch);
          if (flag.cancelled) return finish(true);
          try {
            deliver(reply.outcomes);
          } catch (error) {
            return finish(false, error ?? new Error('merging an index record failed'));
          }
          feed(worker);
          if (outstanding.size === 0 && queue.remaining === 0) finish(false);
        });
        worker.on('error', (error) => lose(worker, `a worker failed: ${error.message}`));
        worker.on('exit', (code) => lose(worker, `a worker stopped (exit code ${code})`));
        for (let k = 0; k < BATCHES_IN_FLIGHT; k++) feed(worker);
      }
      if (workers.size === 0) finish(false);
      else if (queue.remaining === 0 && outstanding.size === 0) finish(false);
    });
  }
}
