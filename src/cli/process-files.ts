/**
 * The real file system behind the CLI's I/O (main.ts `processIo`): the few operations whose
 * plain Node form misbehaves on the inputs operators give.
 */
import { open, rm } from 'node:fs/promises';
import { makeFolders } from '../files/make-folders.js';

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
