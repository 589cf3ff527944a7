/** What csvRecordsInWorker and its thread say to each other: one reply per request, in order. */
export interface WorkerRequest {
  /** Decoded text of the next chunk, or null at the end of the file. */
  readonly text: string | null;
}

export type WorkerReply =
  | { readonly records: string[][] }
  /** The file is not CSV (a CsvRefusal's message). */
  | { readonly refusal: string }
  /** Anything else that went wrong in the thread. */
  | { readonly failure: string };
