import Papa from 'papaparse';
import { Windows1252Decoder } from './windows-1252.js';

/**
 * Bytes → CSV records, chunk by chunk: neither the whole text nor all records are ever held.
 * Plain JavaScript (Papa Parse, TextDecoder): runs in a browser as well as in Node.
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
 * Papa Parse driven synchronously over decoded text: each `write` returns the records it
 * completed, and a malformed file is a CsvRefusal thrown at once instead of a stream event.
 * CRLF, LF and CR line ends may mix (each is read as LF, also inside a quoted field); quoted
 * fields may hold commas, quotes and line breaks (RFC 4180). A quote inside an unquoted field
 * is a character of it (`12" pipe`), as spreadsheet programs read it.
 *
 * Papa Parse's `Parser` is the class its own streaming reads with (ADR 0026): given the text so
 * far with `ignoreLastRow`, it returns the complete records and where the unfinished one starts,
 * which is carried to the next write and read again with it.
 */
export class RecordParser {
  private readonly parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
  /** The unfinished record: the text after the last complete one. */
  private carry = '';
  /** A CR at the end of the last write: the line end may go on with an LF in the next. */
  private carriedCr = false;
  /** Records given out so far: the next one is row `given + 1`. */
  private given = 0;
  /** Characters of the text before `carry`: where the next record starts. */
  private offset = 0;
  private ended = false;
  /**
   * Where each record the last `write` or `end` returned ends: the characters of text read
   * then, the last exact and the others estimated from their fields' lengths (a progress
   * measure, not an offset into the file's bytes).
   */
  ends: readonly number[] = [];

  write(chunk: string): string[][] {
    if (chunk.length === 0) return this.take([], this.offset);
    let text = this.carriedCr ? `\r${chunk}` : chunk;
    this.carriedCr = text.endsWith('\r');
    if (this.carriedCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(LINE_END, '\n');
    const input = this.carry + text;
    const result = this.parse(input, true);
    this.carry = input.slice(result.cursor);
    if (this.carry.length > MAX_RECORD_BYTES) {
      const row = this.given + result.records.length + 1;
      throw refusal(
        `row ${row} is longer than 1 MiB, so a quoted field in it is probably never closed`,
        row,
      );
    }
    return this.take(result.records, this.offset + result.cursor);
  }

  /** The last records; after it nothing more may be written. */
  end(): string[][] {
    if (this.ended) return [];
    this.ended = true;
    const input = this.carry + (this.carriedCr ? '\n' : '');
    this.carry = '';
    // A file that ends with its line end has no record after it (an empty input none at all).
    if (input === '') return this.take([], this.offset);
    const result = this.parse(input, false);
    return this.take(result.records, this.offset + input.length);
  }

  /** Papa Parse over `input`: the complete records, and where the unfinished one starts. */
  private parse(input: string, unfinished: boolean): { records: string[][]; cursor: number } {
    const result = this.parser.parse(input, 0, unfinished) as PapaResult;
    const records = result.data;
    // A quote problem in the unfinished record is found again when it is read whole.
    const problem = result.errors.find((error) => !unfinished || error.row < records.length);
    if (problem !== undefined) {
      const row = this.given + problem.row + 1;
      throw refusal(
        problem.code === 'MissingQuotes'
          ? `the quoted field that starts on row ${row} is never closed`
          : `a quoted field on row ${row} has more after its closing quote`,
        row,
      );
    }
    return { records, cursor: unfinished ? result.meta.cursor : input.length };
  }

  /** Gives out `records`, whose last ends at `end`, and notes where each ends. */
  private take(records: string[][], end: number): string[][] {
    const ends = new Array<number>(records.length);
    let at = this.offset;
    records.forEach((record, n) => {
      // Each field, its comma or line end; quotes are not counted, so the estimate is short.
      for (const field of record) at += field.length + 1;
      ends[n] = Math.min(at, end);
    });
    if (records.length > 0) ends[records.length - 1] = end;
    this.ends = ends;
    this.given += records.length;
    this.offset = end;
    return records;
  }
}

/** What Papa Parse's Parser answers (its types say `any`). */
interface PapaResult {
  readonly data: string[][];
  readonly errors: readonly { readonly code: string; readonly row: number }[];
  readonly meta: { readonly cursor: number };
}

/** A CRLF or a lone CR: read as LF. */
const LINE_END = /\r\n?/g;

/** Reads CSV records from byte chunks (a file stream, a fetch body, a test's array). */
export function csvRecords(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): CsvRecords {
  const decoder = new ChunkDecoder();
  return { records: generate(chunks, decoder), encoding: () => decoder.encoding };
}

async function* generate(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  decoder: ChunkDecoder,
): AsyncGenerator<string[], void, undefined> {
  const parser = new RecordParser();
  for await (const chunk of chunks) yield* parser.write(decoder.decode(chunk, false));
  yield* parser.write(decoder.decode(new Uint8Array(0), true));
  yield* parser.end();
}

/** The reader's refusal of a file that is not valid CSV, `why` located at `row`. */
function refusal(why: string, row: number): CsvRefusal {
  return new CsvRefusal(
    `the file is not valid CSV: ${why}. Look for a lone double quote (") there.`,
    row,
  );
}
