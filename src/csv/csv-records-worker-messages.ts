/** What csvRecordsInWorker and its thread say to each other: one reply per request, in order. */
export type WorkerRequest =
  /** The next piece of the file's text. */
  | { readonly text: string }
  /** The end of the file. */
  | { readonly end: true };

export type WorkerReply =
  | { readonly records: string[][] }
  /** The file is not CSV (a CsvRefusal's message). */
  | { readonly refusal: string }
  /** Anything else that went wrong in the thread. */
  | { readonly failure: string };
