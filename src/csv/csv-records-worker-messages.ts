import type { Shipment } from '../domain/index.js';
// Not the domain's index: the parser thread loads this module, and the index loads zod.
import { parseRememberedJson } from '../domain/remembered-json.js';
import type { CsvIssue } from './csv-issue.js';
import type { Encoding } from './csv-records.js';
import type { CsvStreamEvent, ReadShipment, ShipmentRows } from './read-shipment-csv.js';

/**
 * What the parser thread and this one say to each other (csv-records-worker.ts): one reply per
 * request, in order. The thread answers records (csvRecordsInWorker) unless a `stream` request
 * came first; then it runs the whole streamed reader and answers its events.
 */
export type WorkerRequest =
  /** Read the file as streamShipmentCsv does, AUTOFILL SCNs as `autofillScns` says. */
  | { readonly stream: { readonly autofillScns?: 'numbered' | 'kept' | undefined } }
  /** The next piece of the file, its bytes as they came (the thread decodes them). */
  | { readonly bytes: Uint8Array }
  /** The end of the file. */
  | { readonly end: true };

export type WorkerReply =
  /** Records completed; the last reply also says the encoding the file was read in. */
  | { readonly records: string[][]; readonly encoding?: Encoding }
  /** The streamed reader's events (none for the `stream` request itself), as sent. */
  | { readonly events: readonly SentEvent[] }
  /** The file is not CSV (a CsvRefusal's message and row). */
  | { readonly refusal: string; readonly row: number | null }
  /** Anything else that went wrong in the thread. */
  | { readonly failure: string };

/**
 * A stream event as the thread sends it: a `shipments` event carries each shipment as its JSON
 * text, which crosses threads faster than the object (one string, not a graph of a few dozen
 * objects) and is the text its row stores (domain/remembered-json.ts).
 */
export type SentEvent =
  | Exclude<CsvStreamEvent, { kind: 'shipments' }>
  | {
      readonly kind: 'shipments';
      readonly json: readonly string[];
      readonly rows: readonly ShipmentRows[];
      readonly issues: readonly CsvIssue[];
      /**
       * How many bytes past the header row these shipments were read from: for the progress,
       * which estimates the file's shipment count from them.
       */
      readonly read: number;
    };

/** The event as the thread sends it, `read` bytes into the file. */
export function sentEvent(event: CsvStreamEvent, read: number): SentEvent {
  if (event.kind !== 'shipments') return event;
  return {
    kind: 'shipments',
    json: event.shipments.map((shipment) => JSON.stringify(shipment.shipment)),
    rows: event.shipments.map((shipment) => shipment.rows),
    issues: event.issues,
    read,
  };
}

/** The event the thread sent, its shipments parsed (and their text remembered). */
export function receivedEvent(event: SentEvent): CsvStreamEvent {
  if (event.kind !== 'shipments') return event;
  const shipments: ReadShipment[] = event.json.map((text, n) => ({
    // The thread wrote the text from a Shipment a moment ago.
    shipment: parseRememberedJson(text) as Shipment,
    rows: event.rows[n] ?? { firstRow: 0, commodityRows: [] },
  }));
  return { kind: 'shipments', shipments, issues: event.issues };
}
