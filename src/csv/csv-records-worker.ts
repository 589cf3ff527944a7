import { Worker } from 'node:worker_threads';
import { ChunkDecoder, CsvRefusal, type CsvRecords } from './csv-records.js';
import type { WorkerReply, WorkerRequest } from './csv-records-worker-messages.js';

/**
 * csvRecords with csv-parse in a worker thread (Node only): the same records from the same
 * bytes, while this thread maps the rows, runs the rules and stores them. csv-parse is about a
 * third of a bulk import's time (ADR 0018); on a second core it overlaps the rest.
 *
 * This thread still decodes (a NUL byte refuses the file, a byte that is not UTF-8 switches to
 * Windows-1252) and posts the text; a few chunks are in flight at once, so the thread never
 * waits on this one and neither runs far ahead of the other (memory stays bounded).
 */
export function csvRecordsInWorker(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): CsvRecords {
  const decoder = new ChunkDecoder();
  return { records: generate(chunks, decoder), encoding: () => decoder.encoding };
}

/** Pieces of text posted and not yet answered, at most. */
const IN_FLIGHT = 4;

/** The least text per message (characters). */
const MESSAGE_CHARS = 1 << 16;

async function* generate(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  decoder: ChunkDecoder,
): AsyncGenerator<string[], void, undefined> {
  const thread = new ParserThread();
  try {
    // Text is sent in pieces of 64 KiB or more, whatever the chunks: each message wakes the
    // thread, and a file stream's chunks are 16 KiB.
    let text = '';
    for await (const chunk of chunks) {
      text += decoder.decode(chunk, false);
      if (text.length < MESSAGE_CHARS) continue;
      thread.send(text);
      text = '';
      if (thread.inFlight >= IN_FLIGHT) yield* await thread.next();
    }
    text += decoder.decode(new Uint8Array(0), true);
    if (text.length > 0) thread.send(text);
    thread.send(null);
    while (thread.inFlight > 0) yield* await thread.next();
  } finally {
    await thread.stop();
  }
}

/** One worker thread and the answers it owes, in order. */
class ParserThread {
  private readonly worker = startWorker();
  private readonly answers: WorkerReply[] = [];
  private readonly waiting: {
    resolve: (reply: WorkerReply) => void;
    reject: (e: Error) => void;
  }[] = [];
  private broken: Error | undefined;
  private sent = 0;
  private received = 0;

  constructor() {
    this.worker.on('message', (reply: WorkerReply) => {
      const waiter = this.waiting.shift();
      if (waiter === undefined) this.answers.push(reply);
      else waiter.resolve(reply);
    });
    const fail = (error: Error): void => {
      this.broken = error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      fail(new Error(`the CSV parser thread stopped (exit code ${code})`));
    });
  }

  get inFlight(): number {
    return this.sent - this.received;
  }

  send(text: string | null): void {
    this.worker.postMessage({ text } satisfies WorkerRequest);
    this.sent += 1;
  }

  /** The records of the oldest chunk not yet answered. */
  async next(): Promise<string[][]> {
    const reply = await this.reply();
    this.received += 1;
    if ('records' in reply) return reply.records;
    if ('refusal' in reply) throw new CsvRefusal(reply.refusal);
    throw new Error(`the CSV parser thread failed: ${reply.failure}`);
  }

  private reply(): Promise<WorkerReply> {
    const answered = this.answers.shift();
    if (answered !== undefined) return Promise.resolve(answered);
    if (this.broken !== undefined) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * The compiled thread (dist/…/csv-records-worker-entry.js) where this module is compiled; from
 * TypeScript sources (Vitest, tsx) the thread loads its entry through tsx's loader, which
 * Node 20 needs for TypeScript.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./csv-records-worker-entry.js', here));
  const entry = new URL('./csv-records-worker-entry.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
}
