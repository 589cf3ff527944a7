import { createReadStream, type ReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A file of this process's own in a folder of its own under `within` (the system's temporary
 * folder), for what is too large to hold: an upload spooled before it is read (CSV), an export
 * written before it is sent.
 */
export interface TemporaryFile {
  readonly path: string;
  /** Its size in bytes. */
  readonly bytes: number;
  /** Its bytes from the start; as often as asked, until it is removed. */
  readonly read: () => ReadStream;
  readonly remove: () => Promise<void>;
}

/**
 * Makes the file and runs `fill` with a function that appends to it, in order. If `fill`
 * fails, the file is removed and the failure thrown.
 */
export async function writeTemporaryFile(
  prefix: string,
  fill: (append: (data: string | Uint8Array) => Promise<void>) => Promise<void>,
  within: string = tmpdir(),
): Promise<TemporaryFile> {
  const dir = await mkdtemp(join(within, prefix));
  const path = join(dir, 'file');
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    const file = await open(path, 'w');
    try {
      await fill(async (data) => {
        // appendFile writes it all (a plain write may write part of it).
        await file.appendFile(data);
        bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
      });
    } finally {
      await file.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    path,
    bytes,
    read: () => createReadStream(path, { highWaterMark: 1 << 16 }),
    remove,
  };
}
