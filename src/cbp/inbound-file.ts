/**
 * Reading one answer file of the inbound mailbox folder. A file that cannot be read as an
 * answer (too large, not UTF-8, not readable) becomes a message with its problem, archived and
 * moved to processed/ like any other: before, one such file failed the whole receive on every
 * round, so no answer behind it was ever read, and a 200 MB file was read whole into memory.
 */
import type { InboundMessage } from '../app/index.js';
import { MAX_INPUT_FILE_BYTES, readCapped } from '../files/read-capped.js';

/**
 * The most an answer file may hold: 32 MiB, as for every file the service reads. CBP's largest
 * answer, a 350 for a 9,999-shipment manifest (CSMS #19-000156), is a few MB.
 */
export const MAX_INBOUND_FILE_BYTES = MAX_INPUT_FILE_BYTES;

const codeOf = (error: unknown) =>
  error instanceof Error && 'code' in error ? String(error.code) : undefined;

/** The file as a message; undefined when it went away between listing and reading. */
export async function readInboundFile(
  path: string,
  ref: string,
  maxBytes: number = MAX_INBOUND_FILE_BYTES,
): Promise<InboundMessage | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readCapped(path, maxBytes);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT') return undefined;
    if (code === 'EFBIG') {
      return {
        ref,
        text: '',
        problem: `larger than ${String(maxBytes)} bytes, more than any answer of CBP: not read`,
      };
    }
    if (code === 'EACCES' || code === 'EPERM') {
      return { ref, text: '', problem: `the service may not read it (${code})` };
    }
    throw error;
  }
  try {
    return { ref, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ref,
      text: bytes.toString('utf8'),
      problem: 'not UTF-8 text (binary, or another encoding): kept with U+FFFD for what is not',
    };
  }
}
