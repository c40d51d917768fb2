import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_SYNC_READ_BYTES } from './readText';

/**
 * Reading ahead of the initial index. The threads that index read each file when its turn comes and wait
 * for the disk when it is not in the page cache (after a reboot, or once the system has reclaimed the
 * pages): measured on the benchmark workspace, 100 MB in 10,000 files, a cold cache added a third to the
 * index time while both cores sat partly idle. A thread of its own reads the files in queue order a little
 * ahead of the indexing threads, so that theirs are served from memory; the bytes themselves are dropped.
 */

/** Shared between the pass and the read-ahead thread: slot 0 holds how many documents have been taken. */
export type TakenCounter = Int32Array;

export function newTakenCounter(): TakenCounter {
  return new Int32Array(new SharedArrayBuffer(4));
}

export function publishTaken(counter: TakenCounter, taken: number): void {
  Atomics.store(counter, 0, taken);
  Atomics.notify(counter, 0);
}

export interface ReadAheadOptions {
  /** At most this many documents ahead of the last one taken. */
  window: number;
  /** Reads one file (errors are the reader's to swallow). */
  read: (uri: string) => void;
  /** Blocks until the counter changes or the time passes; a thread that must not block passes a no-op. */
  wait?: (counter: TakenCounter, seen: number) => void;
}

const WAIT_MS = 50;

/**
 * Reads the files of `uris` in order while the indexing takes them (`counter`): never more than `window`
 * ahead, and never one that has been taken already (the indexing read it). Returns how many it read.
 */
export function readAhead(uris: readonly string[], counter: TakenCounter, options: ReadAheadOptions): number {
  const wait = options.wait ?? ((c, seen) => Atomics.wait(c, 0, seen, WAIT_MS));
  let read = 0;
  let k = 0;
  while (k < uris.length) {
    const taken = Atomics.load(counter, 0);
    if (taken >= uris.length) break;
    if (k < taken) k = taken;
    if (k >= taken + options.window) {
      wait(counter, taken);
      continue;
    }
    options.read(uris[k++]);
    read++;
  }
  return read;
}

/** Brings a file into the page cache: reads it into a scratch buffer and drops the bytes. */
export function warmFile(uri: string, scratch: Buffer): void {
  let fd: number | undefined;
  try {
    fd = openSync(fileURLToPath(uri), 'r');
    const stats = fstatSync(fd);
    // What the index reads asynchronously (large files) and what is not a file is left alone.
    if (!stats.isFile() || stats.size > MAX_SYNC_READ_BYTES) return;
    while (readSync(fd, scratch, 0, scratch.length, null) > 0) {
      // Nothing to keep: reading is the point.
    }
  } catch {
    // A file that cannot be read is reported by the indexing thread that reads it.
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already closed or gone.
      }
    }
  }
}
