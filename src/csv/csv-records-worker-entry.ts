/**
 * The worker thread of csvRecordsInWorker: csv-parse over the pieces of the file it is sent,
 * answering each with the records it completed, in order.
 */
import { parentPort } from 'node:worker_threads';
import { CsvRefusal, RecordParser } from './csv-records.js';
import type { WorkerReply, WorkerRequest } from './csv-records-worker-messages.js';

const port = parentPort;
if (port === null) throw new Error('csv-records-worker-entry runs as a worker thread only');
const parser = new RecordParser();
port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { records: 'end' in request ? parser.end() : parser.write(request.text) };
  } catch (error) {
    reply =
      error instanceof CsvRefusal
        ? { refusal: error.message }
        : { failure: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
