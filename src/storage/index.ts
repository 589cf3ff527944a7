/** Storage: Kysely on SQLite or PostgreSQL, implementing the app's Store port. */
export {
  openDatabase,
  openSqliteFile,
  openSqliteReader,
  type DatabaseConfig,
} from './open-database.js';
export { migrateToLatest, schemaVersion } from './migrate.js';
export { createSqlStore, repositoriesFor, type SqlStoreOptions } from './sql-store.js';
export { backupSqlite } from './backup-sqlite.js';
export { dialectOf, isPostgresUrl, type SqlDialect } from './dialect.js';
export type { Database } from './schema.js';
export { isDatabaseUnavailable } from './unavailable.js';
export {
  DATABASE_BUSY_MESSAGE,
  DatabaseBusyError,
  isSqliteBusy,
  SQLITE_BUSY_WAIT_MS,
  type BusyWait,
} from './busy.js';
export { readinessProbe } from './readiness.js';
export { POSTGRES_TIMEOUTS } from './open-database.js';
export { createRateLimitCounter, type RateLimitCounter } from './rate-limit-counter.js';
