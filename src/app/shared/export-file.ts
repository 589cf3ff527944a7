import type { ReadStream } from 'node:fs';
import { writeTemporaryFile } from './temporary-file.js';

/**
 * An export written to a temporary file a page at a time, then sent from it. A trip of
 * 100,000 shipments built whole as one object and one JSON text peaked at 803 MB of the
 * service's 1 GiB heap, and its export with history at 1.47 GB: one such request, or two at
 * once, would end the process for every company. Written a page at a time, it holds a page;
 * sent from a file, a slow download holds no transaction and no memory.
 */
export interface ExportFile {
  /** Its size, for `content-length`. */
  readonly bytes: number;
  /** Where it is, until it is removed. */
  readonly path: string;
  /** Its bytes, once; the file is removed when the stream closes, read to its end or not. */
  open(): ReadStream;
  /** Removes the file without reading it (a caller that will not send it). */
  remove(): Promise<void>;
}

/** Where the writer of an export puts its text, in order. */
export interface ExportSink {
  write(text: string): Promise<void>;
}

/** Text gathered before a write to the file: a few writes per page of shipments. */
const FLUSH_AT = 1 << 20;

/**
 * Runs `writer` into a new temporary file (in a folder of its own in `within`) and gives the
 * file. If `writer` fails, the file is removed and the failure thrown.
 */
export async function writeExportFile(
  writer: (sink: ExportSink) => Promise<void>,
  within?: string,
): Promise<ExportFile> {
  const file = await writeTemporaryFile(
    'emanifest-export-',
    async (append) => {
      let pending: string[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        if (pending.length === 0) return;
        const text = pending.join('');
        pending = [];
        size = 0;
        await append(text);
      };
      await writer({
        async write(text) {
          pending.push(text);
          size += text.length;
          if (size >= FLUSH_AT) await flush();
        },
      });
      await flush();
    },
    within,
  );
  return {
    bytes: file.bytes,
    path: file.path,
    open() {
      const stream = file.read();
      stream.once('close', () => void file.remove());
      return stream;
    },
    remove: file.remove,
  };
}
