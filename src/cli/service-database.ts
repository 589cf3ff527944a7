import { randomIds, systemClock, type AppDeps } from '../app/index.js';
import { parseConfig } from '../config/service-config.js';
import { createSqlStore, migrateToLatest, openDatabase } from '../storage/index.js';
import { UnusableError, UsageError, type CliIo } from './io.js';

/**
 * Runs `work` on the service's own database (DATABASE_URL, or SQLITE_PATH), migrated to the
 * latest schema, and closes it afterwards. A configuration error is a usage error; a database
 * that cannot be opened is unusable input (exit 2), said plainly.
 */
export async function withServiceDatabase<T>(
  io: CliIo,
  work: (deps: AppDeps) => Promise<T>,
): Promise<T> {
  const parsed = parseConfig(io.env);
  if (!parsed.ok)
    throw new UsageError(`configuration is invalid:\n  ${parsed.errors.join('\n  ')}`);
  const { database } = parsed.config;
  const db = openDatabase(database);
  try {
    try {
      await migrateToLatest(db);
    } catch (error) {
      const where = database.url === undefined ? database.sqlitePath : 'DATABASE_URL';
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnusableError(`the database (${where}) cannot be opened: ${reason}`);
    }
    return await work({ store: createSqlStore(db), clock: systemClock, ids: randomIds });
  } finally {
    await db.destroy();
  }
}
