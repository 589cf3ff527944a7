import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { isPostgresUrl } from './dialect.js';
import type { Database } from './schema.js';

/**
 * Opens the database the configuration names: PostgreSQL when `url` is a postgres:// URL,
 * otherwise the embedded SQLite file. Config comes in as arguments; only api/ and cli/ read
 * the environment (docs/architecture.md).
 */
export interface DatabaseConfig {
  readonly url?: string | undefined;
  /** SQLite file, created with its folder when missing; `:memory:` for a throwaway database. */
  readonly sqlitePath: string;
  /** PostgreSQL schema to work in (tests isolate each file in its own schema). */
  readonly postgresSchema?: string | undefined;
  readonly postgresPoolSize?: number | undefined;
}

export function openDatabase(config: DatabaseConfig): Kysely<Database> {
  if (isPostgresUrl(config.url)) {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.postgresPoolSize ?? 10,
      ...(config.postgresSchema === undefined
        ? {}
        : { options: `-c search_path=${quoteIdentifier(config.postgresSchema)}` }),
    });
    // Without a listener, an idle connection dropped by the server (restart, failover) would
    // crash the process; the pool discards it and the next query reports any real outage.
    pool.on('error', () => undefined);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqliteFile(config.sqlitePath) }),
  });
}

/** Opens a better-sqlite3 handle with the pragmas every connection needs. */
export function openSqliteFile(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL: readers never block the writer, and `emanifest backup` can copy a live database.
  sqlite.pragma('journal_mode = WAL');
  // SQLite leaves foreign keys off unless asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  // A second process (backup, CLI) holding the lock makes us wait, not fail at once.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Bad schema name: ${name}`);
  return name;
}
