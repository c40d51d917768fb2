// Worker thread of the initial index: makes the glossary from the file texts it is given (or takes it from
// the glossary cache), then reads and analyses the batches of documents the main thread sends, and sends
// back compact records. Started with `readAhead` instead, it reads the pass's files ahead of the indexing
// threads (see readAhead.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { DocumentRecordMaker, type DocumentOutcome, type GlossaryText } from '../core/documentRecords';
import { recordBuffers } from '../core/index';
import { FileGlossaryCache, type FileGlossaryCacheOptions } from './fileGlossaryCache';
import type { IndexWorkerReply, IndexWorkerRequest } from './indexWorkerPool';
import { readAhead, warmFile, type TakenCounter } from './readAhead';
import { readTextNow } from './readText';

/** What an indexing thread is given. */
export interface IndexWorkerData {
  glossaryFiles: readonly GlossaryText[];
  /** The cache the glossary is taken from when it holds the one of these texts. */
  glossaryCache?: FileGlossaryCacheOptions;
}

/** What the read-ahead thread is given. */
export interface ReadAheadData {
  readAhead: { uris: string[]; taken: TakenCounter; window: number };
}

const port = parentPort;
const readAheadData = (workerData as Partial<ReadAheadData> | undefined)?.readAhead;
if (port && readAheadData) {
  const scratch = Buffer.allocUnsafe(256 * 1024);
  readAhead(readAheadData.uris, readAheadData.taken, { window: readAheadData.window, read: (uri) => warmFile(uri, scratch) });
} else if (port) {
  const { glossaryFiles, glossaryCache } = workerData as IndexWorkerData;
  const maker = new DocumentRecordMaker(glossaryFiles, glossaryCache ? new FileGlossaryCache(glossaryCache.folder, glossaryCache.stamp) : undefined);
  port.on('message', (request: IndexWorkerRequest) => {
    const outcomes: DocumentOutcome[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const uri of request.uris) {
      const outcome = maker.outcomeOf(uri, readTextNow(uri));
      if ('record' in outcome) transfer.push(...recordBuffers(outcome.record));
      outcomes.push(outcome);
    }
    const reply: IndexWorkerReply = { batch: request.batch, outcomes };
    port.postMessage(reply, transfer);
  });
}
