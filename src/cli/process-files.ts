/**
 * The real file system behind the CLI's I/O (main.ts `processIo`): the few operations whose
 * plain Node form misbehaves on the inputs operators give.
 */
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { makeFolders } from '../files/make-folders.js';

/** A file error with its code, as Node's own carry one. */
function fileError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * A file's bytes, refused past `maxBytes` (code EFBIG) before more is read: `/dev/zero` or a
 * wrong file would otherwise be read until memory or V8's string limit runs out.
 */
export async function readCapped(path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes)
        throw fileError(`${path} is larger than ${String(maxBytes)} bytes`, 'EFBIG');
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, size);
}

/** Creates a folder and its missing parents (makeFolders: never Node 20's loop). */
export function makeDirectory(path: string): Promise<void> {
  return new Promise((resolve) => {
    makeFolders(path);
    resolve();
  });
}

/**
 * Rejects, changing nothing, when a file could not be created or replaced at `path` (no such
 * folder, a folder there, no permission, a file system that takes no new files such as /proc):
 * the file is opened for writing, and removed again if it was not there before. Asking the
 * permissions instead (access) would not do: root passes every such check.
 */
export async function checkWritable(path: string): Promise<void> {
  let created;
  try {
    created = await open(path, 'wx');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    // Replaced later: it must open for writing (a folder answers EISDIR). Not truncated here.
    await (await open(path, 'r+')).close();
    return;
  }
  await created.close();
  await rm(path, { force: true });
}
