/**
 * The parser thread (csv-records-worker.ts): csv-parse over the pieces of the file it is sent,
 * answering each with the records it completed, in order; or, told to `stream`, the whole
 * streamed reader, answering each piece with the events it completed.
 */
import { parentPort } from 'node:worker_threads';
import { CsvRefusal, RecordParser } from './csv-records.js';
import type { WorkerReply, WorkerRequest } from './csv-records-worker-messages.js';
import { ShipmentStream } from './read-shipment-csv.js';

const port = parentPort;
if (port === null) throw new Error('csv-records-worker-entry runs as a worker thread only');
const parser = new RecordParser();
let stream: ShipmentStream | undefined;

function answer(request: WorkerRequest): WorkerReply {
  if ('stream' in request) {
    stream = new ShipmentStream(request.stream);
    return { events: [] };
  }
  const records = 'end' in request ? parser.end() : parser.write(request.text);
  if (stream === undefined) return { records };
  const events = records.flatMap((record) => stream?.add(record) ?? []);
  return { events: 'end' in request ? [...events, ...stream.end(request.encoding)] : events };
}

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = answer(request);
  } catch (error) {
    reply =
      error instanceof CsvRefusal
        ? stream === undefined
          ? { refusal: error.message }
          : { events: stream.refuse(error.message) }
        : { failure: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
