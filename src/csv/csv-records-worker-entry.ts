/**
 * The parser thread (csv-records-worker.ts): the CSV parser over the pieces of the file it is
 * sent, answering each with the records it completed, in order; or, told to `stream`, the whole
 * streamed reader, answering each piece with the events it completed. The thread decodes the
 * bytes itself (ChunkDecoder: UTF-8, or Windows-1252 from the first byte that is not).
 */
import { parentPort } from 'node:worker_threads';
import { ChunkDecoder, CsvRefusal, RecordParser } from './csv-records.js';
import {
  sentEvent,
  type SentEvent,
  type WorkerReply,
  type WorkerRequest,
} from './csv-records-worker-messages.js';
import { ShipmentStream } from './read-shipment-csv.js';

const port = parentPort;
if (port === null) throw new Error('csv-records-worker-entry runs as a worker thread only');
const decoder = new ChunkDecoder();
const parser = new RecordParser();
let stream: ShipmentStream | undefined;
const NO_BYTES = new Uint8Array(0);
/** The bytes of the file received so far. */
let read = 0;
/**
 * Where the header row ends: the progress estimates the file's shipment count from the bytes
 * its first shipments were read from, and with the header counted among them the first steps
 * (a dozen shipments) read a fifth short. The parser counts characters (RecordParser.ends):
 * bytes of an ASCII file, a few per cent fewer where a UTF-8 file has accented letters, which
 * only an estimate meets.
 */
let headerEnd: number | undefined;

function answer(request: WorkerRequest): WorkerReply {
  if ('stream' in request) {
    stream = new ShipmentStream(request.stream);
    return { events: [] };
  }
  const end = 'end' in request;
  if (!end) read += request.bytes.length;
  const records = parser.write(decoder.decode(end ? NO_BYTES : request.bytes, end));
  const ends = [...parser.ends];
  if (end) {
    records.push(...parser.end());
    ends.push(...parser.ends);
  }
  if (stream === undefined) return end ? { records, encoding: decoder.encoding } : { records };
  const events: SentEvent[] = [];
  records.forEach((record, n) => {
    headerEnd ??= ends[n] ?? 0;
    // A step of shipments is given out on the row after its last: read up to that row's end.
    for (const event of stream?.add(record) ?? [])
      events.push(sentEvent(event, (ends[n] ?? 0) - headerEnd));
  });
  if (end) {
    for (const event of stream.end(decoder.encoding))
      events.push(sentEvent(event, read - (headerEnd ?? 0)));
  }
  return { events };
}

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = answer(request);
  } catch (error) {
    reply =
      error instanceof CsvRefusal
        ? stream === undefined
          ? { refusal: error.message, row: error.row }
          : {
              events: stream
                .refuse(error.message, error.row)
                .map((event) => sentEvent(event, read)),
            }
        : { failure: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
