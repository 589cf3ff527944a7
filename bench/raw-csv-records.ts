import { inferSchema, initParser, type Parser } from 'udsv';

/**
 * The floors' parse: the fastest of the CSV parsers we measured (ADR 0026), over the file's
 * bytes in pieces of 64 KiB as a stream gives them (each record handed on, none kept). On the
 * 30,000-row bench file: uDSV about 30 ms, Papa Parse's Parser (what the
 * import reads with) about 37 ms, csv-parse about 220 ms. A floor that parsed with a slower
 * parser than the import's would flatter the import's ratio.
 */
export function rawCsvRecords(bytes: Uint8Array, onRecord: (record: string[]) => void): number {
  const decoder = new TextDecoder();
  let parser: Parser | undefined;
  let records = 0;
  const take = (record: string[]): void => {
    records += 1;
    onRecord(record);
  };
  for (let at = 0; at < bytes.length; at += PIECE) {
    const text = decoder.decode(bytes.subarray(at, at + PIECE), { stream: true });
    // The header row names the columns: uDSV reads it from the first piece and gives it out none.
    parser ??= initParser(inferSchema(text));
    parser.chunk<string[]>(text, parser.stringArrs, take);
  }
  const rest = decoder.decode();
  if (parser !== undefined && rest !== '') parser.chunk<string[]>(rest, parser.stringArrs, take);
  parser?.end();
  return records;
}

const PIECE = 1 << 16;
