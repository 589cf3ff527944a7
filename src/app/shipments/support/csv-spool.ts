import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  const dir = await mkdtemp(join(tmpdir(), 'emanifest-csv-'));
  const path = join(dir, 'upload.csv');
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    const file = await open(path, 'w');
    try {
      for await (const chunk of chunks) {
        await file.write(chunk);
        bytes += chunk.length;
        onChunk(bytes);
      }
    } finally {
      await file.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    bytes,
    read: () => createReadStream(path, { highWaterMark: 1 << 16 }),
    remove,
  };
}
