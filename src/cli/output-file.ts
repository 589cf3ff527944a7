import { UnusableError, type CliIo } from './io.js';

/**
 * The files a command writes its result to (`-o`, `--failed-rows`, `--out`): checked before the
 * command does its work, so a path that cannot be written stops it before anything is stored or
 * reserved (exit 2), and a write that fails all the same is said in one line, never as an
 * unexpected failure.
 */

/** A file error's code (ENOENT, EISDIR, …), else its message. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error) return String(error.code);
  return error instanceof Error ? error.message : String(error);
}

/** Throws UnusableError unless `path` can be created or replaced; changes nothing. */
export async function checkOutputFile(io: CliIo, path: string, option = ''): Promise<void> {
  try {
    await io.checkWritable(path);
  } catch (error) {
    throw new UnusableError(`${option}${path} cannot be written (${reasonOf(error)}).`);
  }
}

/** Writes `path`, a failure said in one line (exit 2). */
export async function writeOutputFile(
  io: CliIo,
  path: string,
  data: string | Uint8Array | AsyncIterable<Uint8Array>,
  afterwards = '',
): Promise<void> {
  try {
    await io.writeFile(path, data);
  } catch (error) {
    throw new UnusableError(`${path} cannot be written (${reasonOf(error)}).${afterwards}`);
  }
}

/** Creates the folder `--out` names, or says in one line why it cannot be written to. */
export async function makeOutputFolder(io: CliIo, folder: string): Promise<void> {
  try {
    await io.makeDirectory(folder);
  } catch (error) {
    const reason = reasonOf(error);
    const hint = reason === 'ENOTDIR' ? ': a file is in the way' : '';
    throw new UnusableError(`the folder ${folder} cannot be written (${reason}${hint}).`);
  }
}
