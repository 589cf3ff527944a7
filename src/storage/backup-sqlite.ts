import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { makeFolders } from '../files/make-folders.js';

/**
 * Consistent copy of a live SQLite database (`emanifest backup FILE`). better-sqlite3's
 * online backup copies page by page and restarts when a writer changes a copied page, so the
 * result is a snapshot even while the service keeps writing; copying the file (and its WAL)
 * by hand is not.
 */
export async function backupSqlite(
  source: string | BetterSqlite3.Database,
  targetFile: string,
): Promise<{ readonly totalPages: number }> {
  makeFolders(dirname(targetFile));
  const handle =
    typeof source === 'string' ? new BetterSqlite3(source, { fileMustExist: true }) : source;
  try {
    const result = await handle.backup(targetFile);
    return { totalPages: result.totalPages };
  } finally {
    if (typeof source === 'string') handle.close();
  }
}
