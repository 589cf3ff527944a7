import { writeTemporaryFile } from '../../shared/temporary-file.js';

/**
 * An uploaded CSV kept as it came, in a temporary file: the transaction that stores it then
 * never waits on the network (on SQLite it holds the one connection), the file can be read a
 * second time when it cannot be imported as a stream, and 100 MB of upload take no memory.
 */
export interface CsvSpool {
  readonly bytes: number;
  /** The bytes again, from the start. */
  read(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

export async function spoolCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onChunk: (bytes: number) => void,
): Promise<CsvSpool> {
  let bytes = 0;
  return writeTemporaryFile('emanifest-csv-', async (append) => {
    for await (const chunk of chunks) {
      await append(chunk);
      bytes += chunk.length;
      onChunk(bytes);
    }
  });
}
