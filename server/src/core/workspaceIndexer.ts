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
}

/** Set `cancelled` to stop a running pass at its next step. */
export interface CancellationFlag {
  cancelled: boolean;
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
  let recognitionChanged = false;
  // Glossaries that vanished since the last pass.
  const present = new Set(glossaries);
  for (const uri of service.glossaryFileUris()) {
    if (!hooks.isOpen(uri) && !present.has(uri)) recognitionChanged = service.deleteGlossaryFile(uri).recognitionChanged || recognitionChanged;
  }
  const loaded: { uri: string; text: string }[] = [];
  for (const uri of glossaries) {
    const text = await workspace.readFile(uri);
    if (flag.cancelled) return false;
    if (text !== undefined && !hooks.isOpen(uri)) loaded.push({ uri, text });
  }
  recognitionChanged = service.setGlossaryFiles(loaded).recognitionChanged || recognitionChanged;
  hooks.onGlossaryLoaded?.({ recognitionChanged });
  const wanted = new Set(documents);
  service.removeDocumentsWhere((uri) => !wanted.has(uri) && !hooks.isOpen(uri));
  return indexDocuments(service, workspace, documents, hooks, flag);
}

/** Reads and analyses the given documents from the workspace (those open in the editor are skipped). */
export async function indexDocuments(service: PolicyService, workspace: Workspace, uris: string[], hooks: IndexerHooks, flag: CancellationFlag): Promise<boolean> {
  let done = 0;
  let sliceStart = Date.now();
  hooks.onProgress?.(0, uris.length);
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
        hooks.onProgress?.(done, uris.length);
        await yieldToEventLoop();
        sliceStart = Date.now();
        if (flag.cancelled) return false;
      }
    }
  }
  hooks.onProgress?.(uris.length, uris.length);
  return true;
}
