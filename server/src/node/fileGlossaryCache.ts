import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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
    this.file = path.join(folder, GLOSSARY_CACHE_FILE);
  }

  load(texts: readonly GlossaryText[]): GlossarySnapshot | undefined {
    if (!fitsCache(texts)) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return undefined;
    }
    const header = Buffer.from(this.headerOf(texts), 'utf8');
    if (bytes.length <= header.length || !bytes.subarray(0, header.length).equals(header)) return undefined;
    try {
      const snapshot = deserialize(bytes.subarray(header.length)) as GlossarySnapshot;
      this.log?.(`Glossary cache: read the glossary of ${texts.length === 1 ? 'one file' : `${texts.length} files`} (${bytes.length} bytes).`);
      return snapshot;
    } catch (error) {
      this.log?.(`The glossary cache could not be read (${describe(error)}); the glossary is built from its files.`);
      return undefined;
    }
  }

  save(texts: readonly GlossaryText[], snapshot: GlossarySnapshot): void {
    if (!fitsCache(texts)) return;
    const partial = `${this.file}.${process.pid}.tmp`;
    try {
      const payload = serialize(snapshot);
      mkdirSync(path.dirname(this.file), { recursive: true });
      // Written aside and renamed: a reader never sees half a file, even when two servers share the folder.
      writeFileSync(partial, Buffer.concat([Buffer.from(this.headerOf(texts), 'utf8'), payload]));
      renameSync(partial, this.file);
      this.log?.(`Glossary cache: kept the glossary for the next start (${payload.length} bytes).`);
    } catch (error) {
      this.log?.(`The glossary cache could not be written (${describe(error)}).`);
      try {
        unlinkSync(partial);
      } catch {
        // Nothing was written.
      }
    }
  }

  private headerOf(texts: readonly GlossaryText[]): string {
    const hash = createHash('sha256');
    hash.update(this.options.stamp);
    for (const { uri, text } of texts) hash.update(`\u0000${uri}\u0000${text.length}\u0000`).update(text);
    return `${FORMAT} ${hash.digest('hex')}\n`;
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
