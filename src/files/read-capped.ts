/**
 * Reading a file an operator names, bounded: the CLI's input files and the service's setting
 * files (RULES_FILE, EDI_PROFILE) go through this one reader, so `/dev/zero` or a wrong 2 GB
 * file is refused at the same size everywhere instead of read until memory runs out.
 */
import { createReadStream } from 'node:fs';

/**
 * The most a JSON file given to a command or a setting (a trip document, a regulation table, a
 * profile, a logo) may hold: 32 MiB, the API's limit for an imported document
 * (IMPORT_BODY_LIMIT). Larger is no document of ours, and `/dev/zero` would be read until V8's
 * string limit.
 */
export const MAX_INPUT_FILE_BYTES = 32 * 1024 * 1024;

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

/** A text file (UTF-8) of at most MAX_INPUT_FILE_BYTES; a larger one is refused (EFBIG). */
export async function readCappedText(path: string): Promise<string> {
  return (await readCapped(path, MAX_INPUT_FILE_BYTES)).toString('utf8');
}
