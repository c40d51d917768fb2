import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Files larger than this are not read synchronously: a blocking read would hold the thread too long. */
export const MAX_SYNC_READ_BYTES = 16 * 1024 * 1024;

/**
 * A file's text, or undefined when it cannot be read. Read synchronously: an asynchronous read costs two
 * to four times the CPU (thread pool hand-offs, several calls per file), and the files indexed are small.
 */
export function readTextNow(uri: string): string | undefined {
  try {
    return readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Like `readTextNow`, but answers null for a file of more than `maxBytes` (which the caller then reads
 * asynchronously, so that a thread that answers requests is not blocked for long).
 */
export function readSmallTextNow(uri: string, maxBytes = MAX_SYNC_READ_BYTES): string | undefined | null {
  try {
    const path = fileURLToPath(uri);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return undefined;
    if (stats.size > maxBytes) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
