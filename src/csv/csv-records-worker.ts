import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CsvRefusal, type CsvRecords, type CsvRecordSource, type Encoding } from './csv-records.js';
import {
  receivedEvent,
  type WorkerReply,
  type WorkerRequest,
} from './csv-records-worker-messages.js';
import type { CsvReadOptions, CsvStreamEvent } from './read-shipment-csv.js';

/**
 * csvRecords in a worker thread (Node only): the same records from the same bytes, while this
 * thread maps the rows, runs the rules and stores them (ADR 0018): on a second core the reading
 * overlaps the rest.
 *
 * This thread posts the file's bytes as they came, in pieces of 64 KiB or more (handed over,
 * not copied); the thread decodes them with the same ChunkDecoder (a NUL byte refuses the file,
 * the first byte that is not UTF-8 switches to Windows-1252). A few pieces are in flight at
 * once, so the thread never waits on this one and neither runs far ahead of the other (memory
 * stays bounded). The same thread and messages serve streamShipmentCsvInWorker, which runs the
 * reader there too.
 */
export function csvRecordsInWorker(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  started?: StartedParserThread,
): CsvRecords {
  const thread = started ?? startParserThread();
  let encoding: Encoding = 'utf-8';
  const records = async function* (): AsyncGenerator<string[], void, undefined> {
    for await (const reply of exchange(chunks, thread)) {
      if (!('records' in reply)) continue;
      if (reply.encoding !== undefined) encoding = reply.encoding;
      yield* reply.records;
    }
  };
  return { records: records(), encoding: () => encoding };
}

/**
 * A parser thread started ahead of its file: a thread takes 60–90 ms to start and load
 * its modules, which the import waited for at its first rows; started while the upload is still
 * being spooled, it is ready when the reading begins. Stopping it is idempotent; the records
 * source it is given to stops it at the end of the read.
 */
export type StartedParserThread = ParserThread;

/** A parser thread for a read: the one started ahead if it waits, else a new one. */
export function startParserThread(): StartedParserThread {
  const ready = spare;
  spare = undefined;
  if (ready !== undefined && ready.usable) {
    ready.taken();
    return ready;
  }
  void ready?.stop();
  return new ParserThread();
}

/**
 * Starts a parser thread ahead of the next large file, which then starts reading at once: a
 * thread takes 60–90 ms to start and load its modules, which the import's first shipments
 * waited for (ADR 0018). `emanifest csv import` starts one while it opens the database. The
 * thread waiting does not keep the process alive.
 */
export function startParserThreadAhead(): void {
  spare ??= new ParserThread(true);
}

/**
 * As startParserThreadAhead, for a long-running process (the service): once the ready thread is
 * taken, the next is started when that import's thread ends, not beside it.
 */
export function keepParserThreadReady(): void {
  keepReady = true;
  startParserThreadAhead();
}

/** Whether a parser thread is started and waiting for the next large file. */
export function parserThreadReady(): boolean {
  return spare !== undefined;
}

/** Stops the ready thread and starts no other (the service's shutdown). */
export async function stopKeepingParserThreadReady(): Promise<void> {
  keepReady = false;
  const ready = spare;
  spare = undefined;
  await ready?.stop();
}

let keepReady = false;
let spare: ParserThread | undefined;

/**
 * From this size on a file is parsed in a worker thread; below it the file parses in tens of
 * milliseconds, less than a thread takes to start.
 */
const IN_WORKER_FROM_BYTES = 1 << 20;

/** Whether a file of `bytes` bytes is best parsed in a worker thread: when it is large. */
export function parsedInWorker(bytes: number): boolean {
  return bytes >= IN_WORKER_FROM_BYTES;
}

/**
 * Where a file of `bytes` bytes is best parsed: in a worker thread when it is large, the first
 * read in `started` if given (each later read starts a thread of its own).
 */
export function recordSourceFor(
  bytes: number,
  started?: StartedParserThread,
): CsvRecordSource | undefined {
  if (!parsedInWorker(bytes)) return undefined;
  let ahead = started;
  return (chunks) => {
    const thread = ahead;
    ahead = undefined;
    return csvRecordsInWorker(chunks, thread);
  };
}

/** Parser threads started in this process that have not ended yet. */
let running = 0;

/**
 * How many parser threads are running in this process: each import's thread ends with its
 * read or its cancel, so anything above the imports under way is a leaked thread.
 */
export function parserThreadsRunning(): number {
  return running - (spare === undefined ? 0 : 1);
}

/** Pieces posted and not yet answered, at most. */
const IN_FLIGHT = 4;

/** The least bytes per piece: each message wakes the thread. */
const PIECE = 1 << 16;

/**
 * The first piece's least size, doubled for each next up to PIECE: the thread answers a piece
 * once it is parsed, and while its code is still being compiled a full piece took it ~100 ms,
 * which this thread spent waiting for its first shipments.
 */
const FIRST_PIECE = 1 << 13;

/**
 * streamShipmentCsv with the whole reader in the parser thread (Node only): the same events
 * from the same bytes, while this thread checks and stores the shipments of the last one.
 * Mapping rows to shipments is as much work as parsing them (ADR 0018); here neither is on the
 * thread that runs the rules and the database. `started` as for csvRecordsInWorker.
 * `onRead` is told, before each step of shipments is given out, how many of the file's bytes past
 * its header row it was read from: the bytes taken from `chunks` run a few pieces ahead of the
 * steps.
 */
export async function* streamShipmentCsvInWorker(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: Pick<CsvReadOptions, 'autofillScns'> = {},
  started?: StartedParserThread,
  onRead?: (bytes: number) => void,
): AsyncGenerator<CsvStreamEvent, void, undefined> {
  const thread = started ?? startParserThread();
  thread.send({ stream: { autofillScns: options.autofillScns } });
  for await (const reply of exchange(chunks, thread)) {
    if (!('events' in reply)) continue;
    for (const sent of reply.events) {
      if (sent.kind === 'shipments') onRead?.(sent.read);
      const event = receivedEvent(sent);
      yield event;
      // The last event: the thread reads no further (exchange's end stops it).
      if (event.kind !== 'shipments') return;
    }
  }
}

/**
 * Sends the file to the thread in pieces and gives out the thread's replies in order; a
 * refusal or failure is thrown. The thread is stopped at the end, or when the caller stops.
 */
async function* exchange(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  thread: ParserThread,
): AsyncGenerator<WorkerReply, void, undefined> {
  try {
    const piece = new Piece();
    for await (const chunk of chunks) {
      piece.add(chunk);
      while (piece.ready) {
        thread.sendBytes(piece.take());
        if (thread.inFlight >= IN_FLIGHT) yield await thread.next();
      }
    }
    while (piece.size > 0) thread.sendBytes(piece.take());
    thread.send({ end: true });
    while (thread.inFlight > 0) yield await thread.next();
  } finally {
    await thread.stop();
  }
}

/**
 * Chunks gathered into a piece of the file to post: copied into an array of its own, whose
 * memory can be handed to the thread (a chunk may be a view of a buffer shared with others, as
 * Node's pooled buffers are). The first pieces are cut small from however large a chunk came
 * (FIRST_PIECE); after them a piece is what has gathered, PIECE or more.
 */
class Piece {
  private chunks: Uint8Array[] = [];
  size = 0;

  /** The least size of the next piece; below PIECE, also its size. */
  private least = FIRST_PIECE;

  add(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** Whether a piece is ready to post. */
  get ready(): boolean {
    return this.size >= this.least;
  }

  /** The next piece (what is left, at the end). */
  take(): Uint8Array<ArrayBuffer> {
    const length = this.least < PIECE ? Math.min(this.size, this.least) : this.size;
    const bytes = new Uint8Array(length);
    let at = 0;
    while (at < length) {
      const chunk = this.chunks[0];
      if (chunk === undefined) break;
      const part = Math.min(chunk.length, length - at);
      bytes.set(part === chunk.length ? chunk : chunk.subarray(0, part), at);
      at += part;
      if (part === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part);
    }
    this.size -= length;
    this.least = Math.min(PIECE, this.least * 2);
    return bytes;
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

  /** Set by stop(): the exit that follows is the one asked for, not a failure. */
  private stopping = false;

  constructor(ready = false) {
    running += 1;
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
    this.worker.once('exit', (code) => {
      running -= 1;
      if (!this.stopping) fail(new Error(`the CSV parser thread stopped (exit code ${code})`));
    });
    // A thread kept ready waits unref'd, after its listeners (adding one refs it again): it must
    // not keep a finished process alive.
    if (ready) this.worker.unref();
  }

  /** Whether the thread can still take a file: not stopped nor broken. */
  get usable(): boolean {
    return !this.stopping && this.broken === undefined;
  }

  /** A ready thread taken by a read: the process now waits for it. */
  taken(): void {
    this.worker.ref();
  }

  get inFlight(): number {
    return this.sent - this.received;
  }

  send(request: WorkerRequest): void {
    this.worker.postMessage(request);
    this.sent += 1;
  }

  /** A piece of the file, its memory handed over to the thread (`bytes` is unusable after). */
  sendBytes(bytes: Uint8Array<ArrayBuffer>): void {
    const request: WorkerRequest = { bytes };
    this.worker.postMessage(request, [bytes.buffer]);
    this.sent += 1;
  }

  /** The answer to the oldest request not yet answered: its records or events. */
  async next(): Promise<Extract<WorkerReply, { records: unknown } | { events: unknown }>> {
    const reply = await this.reply();
    this.received += 1;
    if ('refusal' in reply) throw new CsvRefusal(reply.refusal, reply.row);
    if ('failure' in reply) throw new Error(`the CSV parser thread failed: ${reply.failure}`);
    return reply;
  }

  private reply(): Promise<WorkerReply> {
    const answered = this.answers.shift();
    if (answered !== undefined) return Promise.resolve(answered);
    if (this.broken !== undefined) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // A second stop (the import's own, after the read stopped it) waits for the same end.
    const first = this.stopped === undefined;
    await (this.stopped ??= this.worker.terminate());
    if (first && keepReady && spare === undefined) spare = new ParserThread(true);
  }

  private stopped: Promise<number> | undefined;
}

/**
 * The compiled thread (dist/…/csv-records-worker-entry.js) where this module is compiled; from
 * TypeScript sources (Vitest, tsx) the thread runs its entry bundled from the sources.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  const entry = here.endsWith('.ts')
    ? (entryFromSources ??= bundledEntry(here))
    : new URL('./csv-records-worker-entry.js', here);
  return new Worker(entry, { resourceLimits: THREAD_LIMITS });
}

/**
 * The thread's young generation, smaller than V8's default: what it makes (a step's records and
 * shipments) dies within the step, so a smaller nursery costs it no time, and the 100,000-
 * shipment import's peak RSS fell by about 10 MB (its target is 300 MB; ADR 0018).
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 24 };

/** The smallest part of esbuild's API that bundledEntry uses. */
interface Esbuild {
  buildSync(options: {
    entryPoints: string[];
    bundle: true;
    platform: 'node';
    format: 'esm';
    write: false;
  }): { outputFiles: { text: string }[] };
}

let entryFromSources: URL | undefined;

/**
 * The thread's entry and the CSV parser bundled into one module by esbuild, once per process: Node 20
 * runs no `.ts`, and loading the entry through tsx's loader in each thread cost about 0.2 s of
 * CPU per thread (tsx starts its own loader thread and esbuild for each), where a bundle loads
 * in a few milliseconds. esbuild is what tsx compiles with; only the sources need it.
 */
function bundledEntry(here: string): URL {
  const esbuild = createRequire(here)('esbuild') as Esbuild;
  const [bundle] = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./csv-records-worker-entry.ts', here))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
  }).outputFiles;
  if (bundle === undefined) throw new Error('esbuild bundled nothing for the CSV parser thread');
  return new URL(`data:text/javascript;base64,${Buffer.from(bundle.text).toString('base64')}`);
}
