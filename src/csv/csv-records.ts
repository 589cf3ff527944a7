// package.json maps this to csv-parse's browser build in the browser and to its Node build
// (native Buffer, about four times faster) elsewhere.
import { Parser } from '#csv-parse';
import { Windows1252Decoder } from './windows-1252.js';

/**
 * Bytes → CSV records, chunk by chunk: neither the whole text nor all records are ever held.
 * Runs in the browser as well as in Node (csv-parse's browser build; TextDecoder).
 */

/**
 * The input is not CSV at all: the reader reports this one message and reads no further; `row`
 * is where the broken row starts when the parser knows it (header = row 1).
 */
export class CsvRefusal extends Error {
  override readonly name = 'CsvRefusal';
  constructor(
    message: string,
    readonly row: number | null = null,
  ) {
    super(message);
  }
}

/**
 * How the file was read. `utf-8-then-windows-1252`: UTF-8 with letters beyond ASCII, then a
 * byte that is not UTF-8 (a character pasted from another program): the part before was read
 * as UTF-8 and the rest as Windows-1252, so one of them is garbled, and the file is refused.
 */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-8-then-windows-1252';

/** Native checks of a chunk's bytes (Node's buffer.isUtf8 and buffer.isAscii). */
export interface ByteChecks {
  readonly isUtf8: (bytes: Uint8Array) => boolean;
  readonly isAscii: (bytes: Uint8Array) => boolean;
}

/**
 * Decodes UTF-8 (a byte-order mark is dropped) until a byte sequence is not UTF-8, then
 * Windows-1252 from that chunk on: spreadsheet programs on Windows export "CSV" in the ANSI
 * code page, and Windows-1252 maps every byte (WHATWG Encoding Standard).
 */
export class ChunkDecoder {
  encoding: Encoding = 'utf-8';
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly cp1252 = new Windows1252Decoder();
  /** Decodes what it can, U+FFFD for the rest: to find UTF-8 letters before a stray byte. */
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  private first = true;
  /** Whether a chunk read as UTF-8 had a letter beyond ASCII (see Encoding). */
  private beyondAscii = false;
  /** Bytes of an incomplete UTF-8 sequence at the end of the last chunk (at most 3). */
  private carry: Uint8Array = new Uint8Array(0);

  /** The chunk as text. */
  decode(chunk: Uint8Array, end: boolean): string {
    const bytes = this.whole(chunk, end);
    if (typeof bytes === 'string') return bytes;
    let text: string;
    try {
      text = this.utf8.decode(bytes);
    } catch {
      return this.windows1252(bytes);
    }
    if (!this.beyondAscii && BEYOND_ASCII.test(text)) this.beyondAscii = true;
    return text;
  }

  /**
   * The chunk as csv-parse takes it fastest: its bytes as they are while the file is UTF-8
   * (`checks` say so without making a string: Node's buffer.isUtf8 and isAscii), text once it
   * is Windows-1252. A multi-byte character is never split between two results.
   */
  pass(chunk: Uint8Array, end: boolean, checks: ByteChecks): Uint8Array | string {
    const bytes = this.whole(chunk, end);
    if (typeof bytes === 'string' || bytes.length === 0) return bytes;
    if (!checks.isUtf8(bytes)) return this.windows1252(bytes);
    if (!this.beyondAscii && !checks.isAscii(bytes)) this.beyondAscii = true;
    return bytes;
  }

  /**
   * The chunk's complete UTF-8 bytes (after the carry of the last one, without the BOM and
   * without an unfinished sequence at its end, carried to the next); its text once the file is
   * read as Windows-1252, which is one byte per character (no sequence spans two chunks).
   */
  private whole(chunk: Uint8Array, end: boolean): Uint8Array | string {
    if (chunk.includes(0)) {
      throw new CsvRefusal(
        'the file has NUL bytes, so it is binary (a workbook, a PDF or a picture), not a CSV file',
      );
    }
    if (this.encoding !== 'utf-8') return this.cp1252.decode(chunk);
    let bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    if (this.first && bytes.length >= 3) {
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    } else if (this.first && !end) {
      this.carry = bytes.slice();
      return NOTHING;
    }
    const tail = end ? NOTHING : incompleteTail(bytes);
    this.carry = tail.length === 0 ? NOTHING : tail.slice();
    return bytes.subarray(0, bytes.length - tail.length);
  }

  /**
   * The first bytes that are not UTF-8: this chunk (with the bytes carried after it) and the
   * rest of the file are Windows-1252.
   */
  private windows1252(bytes: Uint8Array): string {
    // UTF-8 letters before the stray byte, in earlier chunks or in this one.
    const utf8Before = this.beyondAscii || UTF8_LETTER.test(this.lenient.decode(bytes));
    this.encoding = utf8Before ? 'utf-8-then-windows-1252' : 'windows-1252';
    const all = this.carry.length === 0 ? bytes : concat(bytes, this.carry);
    this.carry = NOTHING;
    return this.cp1252.decode(all);
  }
}

const NOTHING = new Uint8Array(0);
const BEYOND_ASCII = /[\u0080-\uffff]/;
/**
 * A character beyond ASCII that UTF-8 decoding made, not U+FFFD (what it gives for a byte that
 * is not UTF-8). Windows-1252 text rarely forms a valid UTF-8 sequence by chance ("Ã©" would).
 */
const UTF8_LETTER = /[\u0080-\ufffc\ufffe\uffff]/;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** The trailing bytes of an unfinished UTF-8 sequence (RFC 3629 §3), or none. */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.subarray(bytes.length - back) : NOTHING;
  }
  return NOTHING;
}

export interface CsvRecords {
  /** Each record's fields, header first; a blank line is a record of one empty field. */
  readonly records: AsyncGenerator<string[], void, undefined>;
  /** Known once the records are read: the encoding the file was read in. */
  encoding(): Encoding;
}

/** Where records come from: csvRecords in this thread, or csvRecordsInWorker (Node). */
export type CsvRecordSource = (
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
) => CsvRecords;

/**
 * The longest row read, in bytes: a template row is a few hundred, and every cell past 256
 * characters is an error anyway. A longer "row" is a quote never closed, which would otherwise
 * make the rest of the file one field held in memory (a 100 MB upload took 1.4 GB), so the file
 * is refused as soon as the row passes this size.
 */
export const MAX_RECORD_BYTES = 1 << 20;

/**
 * csv-parse driven synchronously over decoded text, or UTF-8 bytes as ChunkDecoder.pass gives
 * them (csv-parse reads bytes, so text costs it an encoding first): each `write` returns the
 * records it completed, and a malformed file is a CsvRefusal thrown at once instead of a stream
 * event.
 * CRLF, LF and CR line ends may mix; quoted fields may hold commas, quotes and line breaks
 * (RFC 4180).
 */
export class RecordParser {
  private readonly parser: Parser;
  private pending: string[][] = [];
  private pendingEnds: number[] = [];
  private failure: Error | undefined;
  private written = false;
  /**
   * Where each record the last `write` or `end` returned ends: the bytes of input csv-parse had
   * read then (UTF-8; a progress measure, not an exact offset into a Windows-1252 file).
   */
  ends: readonly number[] = [];

  constructor(parserClass: typeof Parser = Parser) {
    const parser = new parserClass({
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_RECORD_BYTES,
    });
    parser.push = (record: unknown): boolean => {
      if (Array.isArray(record)) {
        this.pending.push(record as string[]);
        this.pendingEnds.push(parser.info.bytes);
      }
      return true;
    };
    const transform = parser._transform.bind(parser);
    parser._transform = (chunk, encoding, callback) => {
      transform(chunk, encoding, (error?: Error | null) => {
        if (error) this.failure = error;
        callback();
      });
    };
    this.parser = parser;
  }

  write(chunk: string | Uint8Array): string[][] {
    if (chunk.length > 0) {
      this.parser.write(chunk);
      this.written = true;
    }
    return this.take();
  }

  /** The last records; after it nothing more may be written. */
  end(): string[][] {
    // csv-parse closes an empty input through stream machinery its browser build lacks.
    if (!this.written) return [];
    this.parser._flush((error?: Error | null) => {
      if (error) this.failure = error;
    });
    return this.take();
  }

  private take(): string[][] {
    if (this.failure !== undefined) throw refusal(this.failure);
    const records = this.pending;
    this.pending = [];
    this.ends = this.pendingEnds;
    this.pendingEnds = [];
    return records;
  }
}

/** Reads CSV records from byte chunks (a file stream, a fetch body, a test's array). */
export function csvRecords(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  parserClass: typeof Parser = Parser,
): CsvRecords {
  const decoder = new ChunkDecoder();
  return { records: generate(chunks, decoder, parserClass), encoding: () => decoder.encoding };
}

async function* generate(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  decoder: ChunkDecoder,
  parserClass: typeof Parser,
): AsyncGenerator<string[], void, undefined> {
  const parser = new RecordParser(parserClass);
  for await (const chunk of chunks) yield* parser.write(decoder.decode(chunk, false));
  yield* parser.write(decoder.decode(new Uint8Array(0), true));
  yield* parser.end();
}

/**
 * csv-parse's error in the reader's words, at the row where the broken record starts: csv-parse
 * counts the records it completed (`records`), while its `line` is where it gave up, which for
 * a quote never closed is the end of the file.
 */
function refusal(error: Error): CsvRefusal {
  const code = 'code' in error ? String(error.code) : '';
  const records = 'records' in error && typeof error.records === 'number' ? error.records : null;
  const row = records === null ? null : records + 1;
  const at = row === null ? '' : ` on row ${row}`;
  const why =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? `the quoted field that starts${at} is never closed`
      : code.endsWith('INVALID_OPENING_QUOTE') || code.endsWith('INVALID_CLOSING_QUOTE')
        ? `a quote appears inside an unquoted field${at}`
        : code === 'CSV_MAX_RECORD_SIZE'
          ? `${row === null ? 'a row' : `row ${row}`} is longer than 1 MiB, so a quoted field in it is probably never closed`
          : error.message;
  return new CsvRefusal(
    `the file is not valid CSV: ${why}. Look for a lone double quote (") there.`,
    row,
  );
}
