// Worker thread of the initial index: makes the glossary from the file texts it is given, then reads and
// analyses the batches of documents the main thread sends, and sends back compact records. Started with
// `readAhead` instead, it reads the pass's files ahead of the indexing threads (see readAhead.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { DocumentRecordMaker, type DocumentOutcome, type GlossaryText } from '../core/documentRecords';
import { recordBuffers } from '../core/index';
import type { IndexWorkerReply, IndexWorkerRequest } from './indexWorkerPool';
import { readAhead, warmFile, type TakenCounter } from './readAhead';
import { readTextNow } from './readText';

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
  const maker = new DocumentRecordMaker((workerData as { glossaryFiles: GlossaryText[] }).glossaryFiles);
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
