import { readdirSync, readFile, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Workspace } from '../core/workspace';
import { WorkerIndexer, type WorkerIndexerOptions } from './indexWorkerPool';
import { readSmallTextNow } from './readText';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
/** Folders are listed synchronously for at most this long before the event loop gets a turn. */
const LIST_SLICE_MS = 15;

/** A workspace on disk: the given root folders, walked without following symbolic links. */
export class NodeWorkspace implements Workspace {
  /** Large workspaces are indexed on worker threads that read the files themselves. */
  readonly parallelIndexer: WorkerIndexer;

  constructor(
    private readonly roots: string[],
    indexing: WorkerIndexerOptions = {},
  ) {
    this.parallelIndexer = new WorkerIndexer(indexing);
  }

  /**
   * Every file under the roots, sorted. Folders are listed synchronously, with a turn of the event loop
   * every time slice: an asynchronous listing waits for the thread pool once per folder, one folder
   * after another, and a large workspace has thousands of folders.
   */
  async listFiles(): Promise<string[]> {
    const out: string[] = [];
    const pending = this.roots.slice();
    let sliceStart = Date.now();
    while (pending.length > 0) {
      listFolder(pending.pop()!, out, pending);
      if (Date.now() - sliceStart >= LIST_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    return out.sort();
  }

  readFile(uri: string): Promise<string | undefined> {
    // The callback form: the promise-based fs.readFile costs about twice the CPU per file.
    return new Promise((resolve) => {
      let path: string;
      try {
        path = fileURLToPath(uri);
      } catch {
        return resolve(undefined);
      }
      readFile(path, 'utf8', (error, text) => resolve(error ? undefined : text));
    });
  }

  /**
   * What `readFile` answers, read synchronously (a fraction of the CPU of an asynchronous read), or null
   * for a file too large to read without blocking the thread for long: `readFile` it then.
   */
  readFileNow(uri: string): string | undefined | null {
    return readSmallTextNow(uri);
  }
}

/** Adds the URIs of a folder's files to `out` and its subfolders to `folders` (symbolic links are not followed). */
function listFolder(dir: string, out: string[], folders: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) folders.push(full);
    } else if (entry.isFile()) {
      out.push(pathToFileURL(full).toString());
    }
  }
}
