import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { GlossaryText } from '../core/documentRecords';
import type { GlossaryCache, GlossarySnapshot } from '../core/glossaryCache';

/** The cache's file in its folder: one glossary per folder (a workspace's storage). */
export const GLOSSARY_CACHE_FILE = 'glossary-cache.bin';
/** Changes whenever what a snapshot holds changes shape. */
const FORMAT = 'policy-gloss glossary cache 1';
/**
 * Glossaries larger than this are not kept: reading back the object graph of a very large glossary
 * costs about what building it does (V8's deserializer makes every object anew), and the file would be
 * several times the glossary's size.
 */
export const MAX_CACHED_GLOSSARY_CHARS = 8_000_000;

/** What a worker thread needs to read the same cache. */
export interface FileGlossaryCacheOptions {
  folder: string;
  /** Identifies the code that wrote a snapshot; a snapshot of other code is never read. */
  stamp: string;
}

/**
 * A glossary cache in one file of a folder (the extension gives its workspace storage), written with V8's
 * serializer. The file starts with a line that names the format, the code and the hash of the glossary
 * texts; a file whose line differs is not read. Reading or writing never throws: a damaged or foreign
 * file reads as nothing, and a write that fails leaves the cache empty.
 */
export class FileGlossaryCache implements GlossaryCache {
  readonly options: FileGlossaryCacheOptions;
  private readonly file: string;

  constructor(folder: string, stamp: string = codeStamp(), private readonly log?: (message: string) => void) {
    this.options = { folder, stamp };
    this.file = cacheFileIn(folder);
  }

  load(texts: readonly GlossaryText[]): GlossarySnapshot | undefined {
    if (!fitsCache(texts)) return undefined;
    const header = Buffer.from(this.headerOf(texts), 'utf8');
    let payload: Buffer | undefined;
    try {
      payload = readAfterHeader(this.file, header);
    } catch {
      return undefined;
    }
    if (!payload) return undefined;
    try {
      const snapshot = deserialize(payload) as GlossarySnapshot;
      this.log?.(`Glossary cache: read the glossary of ${texts.length === 1 ? 'one file' : `${texts.length} files`} (${payload.length} bytes).`);
      return snapshot;
    } catch (error) {
      this.log?.(`The glossary cache could not be read (${describe(error)}); the glossary is built from its files.`);
      return undefined;
    }
  }

  save(texts: readonly GlossaryText[], snapshot: GlossarySnapshot): void {
    if (!fitsCache(texts)) return;
    const outcome = writeGlossaryCache({ texts, ...this.options }, snapshot);
    if ('bytes' in outcome) this.log?.(`Glossary cache: kept the glossary for the next start (${outcome.bytes} bytes).`);
    else this.log?.(`The glossary cache could not be written (${outcome.error}).`);
  }

  private headerOf(texts: readonly GlossaryText[]): string {
    return headerOf(this.options.stamp, texts);
  }
}

/** Where and for which code a cache file is written. */
export interface GlossaryCacheWrite extends FileGlossaryCacheOptions {
  texts: readonly GlossaryText[];
}

/** Writes a glossary snapshot to the cache file of a folder, under the header of these texts. Never throws. */
export function writeGlossaryCache(request: GlossaryCacheWrite, snapshot: GlossarySnapshot): { bytes: number } | { error: string } {
  const file = cacheFileIn(request.folder);
  const partial = `${file}.${process.pid}.tmp`;
  try {
    const payload = serialize(snapshot);
    mkdirSync(request.folder, { recursive: true });
    // Written aside and renamed: a reader never sees half a file, even when two servers share the folder.
    const fd = openSync(partial, 'w');
    try {
      writeSync(fd, headerOf(request.stamp, request.texts));
      writeSync(fd, payload);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
    return { bytes: payload.length };
  } catch (error) {
    try {
      unlinkSync(partial);
    } catch {
      // Nothing was written.
    }
    return { error: describe(error) };
  }
}

function cacheFileIn(folder: string): string {
  return path.join(folder, GLOSSARY_CACHE_FILE);
}

/** The first line of a cache file: the format, and a hash of the code and of the glossary texts. */
function headerOf(stamp: string, texts: readonly GlossaryText[]): string {
  const hash = createHash('sha256');
  hash.update(stamp);
  for (const { uri, text } of texts) hash.update(`\u0000${uri}\u0000${text.length}\u0000`).update(text);
  return `${FORMAT} ${hash.digest('hex')}\n`;
}

/**
 * The bytes after `header` when the file starts with it; undefined when it does not. The header is read
 * first, so that a cache of other texts (after a glossary edit) costs a few bytes, not the whole file.
 */
function readAfterHeader(file: string, header: Buffer): Buffer | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= header.length) return undefined;
    const start = Buffer.alloc(header.length);
    if (readSync(fd, start, 0, header.length, 0) !== header.length || !start.equals(header)) return undefined;
    const payload = Buffer.allocUnsafe(size - header.length);
    let at = 0;
    while (at < payload.length) {
      const read = readSync(fd, payload, at, payload.length - at, header.length + at);
      if (read === 0) return undefined;
      at += read;
    }
    return payload;
  } finally {
    closeSync(fd);
  }
}

function fitsCache(texts: readonly GlossaryText[]): boolean {
  return texts.length > 0 && texts.reduce((n, file) => n + file.text.length, 0) <= MAX_CACHED_GLOSSARY_CHARS;
}

/**
 * The running code's identity: the size and time of this script (the bundle, or the module in tests), so
 * that a new build never reads what an older one wrote.
 */
export function codeStamp(): string {
  try {
    const stat = statSync(__filename);
    return `${__filename}:${stat.size}:${stat.mtimeMs}:${process.versions.v8}`;
  } catch {
    return `${__filename}:${process.versions.v8}`;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
