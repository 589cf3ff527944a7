import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config/service-config.js';
import { backupSqlite } from '../storage/index.js';
import { checkOutputFile, makeOutputFolder } from './output-file.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';

export const BACKUP_USAGE = `Usage: emanifest backup FILE [--database PATH]

Writes a consistent copy of the live SQLite database to FILE, page by page, while the service
keeps running (SQLite's online backup). The database is SQLITE_PATH (default
./data/emanifest.sqlite) unless --database names another. For PostgreSQL use pg_dump.`;

export async function backupCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { database: { type: 'string' } },
  });
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0)
    throw new UsageError('backup needs exactly one FILE.');
  const parsed = parseConfig(io.env);
  if (!parsed.ok)
    throw new UnusableError(`configuration is invalid:\n  ${parsed.errors.join('\n  ')}`);
  if (values.database === undefined && parsed.config.database.url !== undefined) {
    throw new UsageError('DATABASE_URL points at PostgreSQL: back it up with pg_dump.');
  }
  const source = values.database ?? parsed.config.database.sqlitePath;
  if (!existsSync(source)) throw new UsageError(`there is no SQLite database at ${source}.`);
  if (existsSync(target)) throw new UsageError(`${target} exists already; choose a new file name.`);
  // The folder is made here, not by the backup's own recursive mkdir, which never returns on
  // Node 20 where a parent takes no new entries (/proc/nope/copy.sqlite).
  await makeOutputFolder(io, dirname(target));
  await checkOutputFile(io, target);
  const { totalPages } = await backupSqlite(source, target);
  io.stdout(`Backed up ${source} to ${target} (${totalPages} pages).\n`);
  return EXIT.ok;
}
