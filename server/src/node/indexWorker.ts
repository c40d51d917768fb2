// Worker thread of the initial index: makes the glossary from the file texts it is given, then reads and
// analyses the batches of documents the main thread sends, and sends back compact records.
import { parentPort, workerData } from 'node:worker_threads';
import { DocumentRecordMaker, type DocumentOutcome, type GlossaryText } from '../core/documentRecords';
import { recordBuffers } from '../core/index';
import type { IndexWorkerReply, IndexWorkerRequest } from './indexWorkerPool';
import { readTextNow } from './readText';

const port = parentPort;
if (port) {
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
