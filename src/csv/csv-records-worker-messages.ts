import type { Encoding } from './csv-records.js';
import type { CsvStreamEvent } from './read-shipment-csv.js';

/**
 * What the parser thread and this one say to each other (csv-records-worker.ts): one reply per
 * request, in order. The thread answers records (csvRecordsInWorker) unless a `stream` request
 * came first; then it runs the whole streamed reader and answers its events.
 */
export type WorkerRequest =
  /** Read the file as streamShipmentCsv does, AUTOFILL SCNs as `autofillScns` says. */
  | { readonly stream: { readonly autofillScns?: 'numbered' | 'kept' | undefined } }
  /** The next piece of the file's text. */
  | { readonly text: string }
  /** The end of the file, read in `encoding`. */
  | { readonly end: true; readonly encoding: Encoding };

export type WorkerReply =
  | { readonly records: string[][] }
  /** The streamed reader's events (none for the `stream` request itself). */
  | { readonly events: readonly CsvStreamEvent[] }
  /** The file is not CSV (a CsvRefusal's message). */
  | { readonly refusal: string }
  /** Anything else that went wrong in the thread. */
  | { readonly failure: string };
