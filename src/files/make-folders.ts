import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A file error with its code, as Node's own carry one. */
function folderError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function codeOf(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/**
 * Creates a folder and its missing parents one at a time; an existing folder is fine. Node 20's
 * `mkdir(…, { recursive: true })` never returns where a parent exists but takes no new entries
 * (`/proc/nope`, spinning at full CPU), and answers a file in the way with EEXIST; here the
 * first refusal is the answer: ENOENT, EACCES, or ENOTDIR when a file is in the way.
 */
export function makeFolders(path: string): void {
  const full = resolve(path);
  let found;
  try {
    found = statSync(full);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  if (found?.isDirectory() === true) return;
  if (found !== undefined) throw folderError(`${path} is a file, not a folder`, 'ENOTDIR');
  const parent = dirname(full);
  if (parent !== full) makeFolders(parent);
  try {
    mkdirSync(full);
  } catch (error) {
    // Made meanwhile by someone else: fine if it is a folder.
    if (codeOf(error) !== 'EEXIST') throw error;
    if (!statSync(full).isDirectory()) throw folderError(`${path} is not a folder`, 'ENOTDIR');
  }
}
