import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import { SQLITE_BUSY_TIMEOUT_MS } from './busy.js';
import type pg from 'pg';
import { isPostgresUrl } from './dialect.js';
import { statementNameOf } from './named-statements.js';
import type { Database } from './schema.js';
import { makeFolders } from '../files/make-folders.js';
import { rememberSqliteHandle } from './table-batch.js';
import { checkpointWhenIdle } from './wal-checkpoints.js';

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
  /** POSTGRES_READ_TIMEOUT_MS unless a test needs it shorter. */
  readonly postgresReadTimeoutMs?: number | undefined;
}

/**
 * A database that stops answering (a proxy that accepts but never replies, a network
 * partition) must not hang requests and pin every pooled connection The server
 * cancels slow statements itself (statement_timeout) and ends transactions left idle; the
 * client gives up on connecting, and on a reply that never comes, a little later, so that a
 * healthy but slow server always answers first. Values: ADR 0007.
 */
export const POSTGRES_TIMEOUTS = {
  connectionTimeoutMillis: 3_000,
  statement_timeout: 10_000,
  idle_in_transaction_session_timeout: 15_000,
  idleTimeoutMillis: 30_000,
  keepAlive: true,
} as const;

/**
 * How long a statement's reply may take before the connection is given up on: later than the
 * server's statement_timeout, so that a healthy slow server always answers first. Kept here
 * rather than as pg's `query_timeout`, whose timer fired before the reply was read whenever
 * this process had been busy that long (a big trip's sync): see readWithin.
 */
export const POSTGRES_READ_TIMEOUT_MS = 12_000;

/**
 * Each pooled client's `query`, wrapped for two things Kysely cannot ask of pg:
 *
 * - A reply that does not come within `readTimeoutMs` (readWithin) fails its statement, and
 *   its connection is closed: it would still wait for the lost reply and block every later
 *   statement on it; closed, the pool discards it on release.
 * - A text marked by `namedOnPostgres` runs as a named statement (Kysely always calls
 *   `query(text, values)`): pg parses it once on this connection and binds it after that.
 */
function wrapQuery(client: pg.PoolClient, readTimeoutMs: number): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const wrapped = (...args: unknown[]): unknown => {
    const [text, values, ...rest] = args;
    const name = typeof text === 'string' ? statementNameOf(text) : undefined;
    const result = name === undefined ? query(...args) : query({ name, text, values }, ...rest);
    if (!(result instanceof Promise)) return result;
    return readWithin(result, readTimeoutMs, async () => {
      const ended = new Promise<void>((resolve) => {
        client.once('end', () => {
          resolve();
        });
        // A connection that had ended already says so no more: never wait long for it.
        setTimeout(resolve, 1_000).unref();
      });
      // pg exposes no public way to abort a connection; its socket is `connection.stream`.
      (
        client as unknown as { connection?: { stream?: { destroy(): void } } }
      ).connection?.stream?.destroy();
      // Once ended, the client says it cannot be queried, and the pool discards it when the
      // failed transaction hands it back (else the next request would get the dead one).
      await ended;
    });
  };
  Object.assign(client, { query: wrapped });
}

/**
 * `reply`, or a "Query read timeout" once `ms` have passed without it (then `abandon` runs).
 * When the timer fires, the decision waits for the sockets to be read once more (setImmediate
 * runs after the event loop's poll phase): a reply that came while this process was busy for
 * longer than `ms` (a synchronous stretch of a big trip's work) is taken, not thrown away with
 * its connection. Only a reply that has not come by then is given up on, once `abandon` has
 * closed its connection.
 */
function readWithin<T>(reply: Promise<T>, ms: number, abandon: () => Promise<void>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    /** The first of the reply and the timeout decides; the other is ignored. */
    const settle = (decide: () => void): void => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      decide();
    };
    const timer = setTimeout(() => {
      setImmediate(() => {
        settle(() => {
          const timedOut = new Error('Query read timeout');
          const fail = () => {
            reject(timedOut);
          };
          abandon().then(fail, fail);
        });
      });
    }, ms);
    reply.then(
      (value) => {
        settle(() => {
          resolve(value);
        });
      },
      (error: unknown) => {
        settle(() => {
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      },
    );
  });
}

/**
 * pg, loaded when a PostgreSQL URL is opened: a service or CLI run on SQLite does not load it
 * (a seventh of a second of CPU at every start, and the browser tests start a service per file).
 */
function loadPg(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}

export function openDatabase(config: DatabaseConfig): Kysely<Database> {
  if (isPostgresUrl(config.url)) {
    const pool = new (loadPg().Pool)({
      connectionString: config.url,
      max: config.postgresPoolSize ?? 10,
      ...POSTGRES_TIMEOUTS,
      ...(config.postgresSchema === undefined
        ? {}
        : { options: `-c search_path=${quoteIdentifier(config.postgresSchema)}` }),
    });
    // Without a listener, an idle connection dropped by the server (restart, failover) would
    // crash the process; the pool discards it and the next query reports any real outage.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      // The same while a transaction holds the connection: pg emits 'error' on its client,
      // which pg-pool listens for only while the client is idle. The statement under way (or
      // the next) fails with the error already, and the pool discards the client on release;
      // unheard, the event crashed the service, every tenant's requests with it.
      client.on('error', () => undefined);
      wrapQuery(client, config.postgresReadTimeoutMs ?? POSTGRES_READ_TIMEOUT_MS);
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const handle = openSqliteFile(config.sqlitePath);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: handle }) });
  rememberSqliteHandle(db, handle);
  return db;
}

/**
 * A second connection to the service's SQLite file, for the transactions a use case marks
 * read-only (Store's `readOnly`; createSqlStore's `reader`). better-sqlite3 gives a Kysely one
 * connection, and Kysely runs one transaction on it at a time: while a CSV upload of 100,000
 * shipments held it (about 50 s), every other request of the process, a trip list or a session
 * check of another company too, waited behind it. In WAL mode a reader on its own connection
 * reads the last committed state while the writer works (https://sqlite.org/wal.html,
 * "Concurrency"), so browsing goes on during an upload. `query_only` makes a write on it fail
 * at once: a use case marked read-only that writes is a bug, and the tests meet it.
 *
 * None for PostgreSQL (its pool has connections enough) nor an in-memory database (a second
 * connection would open another, empty one). The file must exist, migrated: open it after
 * migrateToLatest.
 */
export function openSqliteReader(config: DatabaseConfig): Kysely<Database> | undefined {
  if (isPostgresUrl(config.url) || config.sqlitePath === ':memory:') return undefined;
  const handle = new BetterSqlite3(config.sqlitePath, { fileMustExist: true });
  handle.pragma('foreign_keys = ON');
  handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  handle.pragma('cache_size = -16384');
  handle.pragma('query_only = ON');
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: handle }) });
}

/**
 * Kysely's SQLite driver opens every transaction with a plain (DEFERRED) BEGIN, which takes the
 * write lock only at the first write. When another connection (another process) has written
 * since the transaction's first read, that upgrade fails at once with SQLITE_BUSY_SNAPSHOT,
 * which no waiting can cure, in the middle of the use case's work. BEGIN IMMEDIATE takes the
 * lock at the start instead, so lock contention shows at BEGIN, before any work, where the
 * store can wait and try again (createSqlStore).
 *
 * Every transaction but those the use case marks read-only (Store's `readOnly`, passed as
 * Kysely's 'read only' access mode, which SQLite itself does not enforce): those keep the plain
 * BEGIN and read their WAL snapshot while another process writes. An unmarked one waits for
 * the lock even if it only reads: most use cases that read also write (the audit log, a
 * token's last use), and a mark forgotten costs a wait, while a mark wrongly given costs only
 * the old behaviour (an upgrade that may fail with SQLITE_BUSY).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    const begin = settings?.accessMode === 'read only' ? 'begin' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Opens a better-sqlite3 handle with the pragmas every connection needs. */
export function openSqliteFile(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') makeFolders(dirname(path));
  const sqlite = new BetterSqlite3(path);
  // A new database's pages (one made before keeps its own: WAL mode fixes the size). A stored
  // shipment and its audit entry are JSON of a kilobyte or more each; on SQLite's default 4 KiB
  // pages a bulk import split and spilled pages three times as often, and storing a 10,000-
  // shipment upload took a third longer (ADR 0016). Reads of one row read one page of 16 KiB.
  sqlite.pragma('page_size = 16384');
  // WAL: readers never block the writer, and `emanifest backup` can copy a live database.
  sqlite.pragma('journal_mode = WAL');
  // SQLite leaves foreign keys off unless asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  // A second process (backup, CLI) holding the lock makes a statement wait a little, not fail
  // at once; only a little, because the wait stops the event loop. A transaction waits longer,
  // between tries on a timer (busy.ts, createSqlStore).
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = NORMAL');
  // A bulk import inserts thousands of rows into indexes keyed by random ids (shipment and audit
  // entity UUIDs). With SQLite's default 2 MiB page cache those index pages spill to the WAL and
  // are read back over and over inside the one transaction; 16 MiB halved the time to store a
  // 100,000-shipment CSV (ADR 0016). The cache fills only as far as it is used.
  sqlite.pragma('cache_size = -16384');
  // The log is moved into the file between requests, not inside a big import's commit.
  checkpointWhenIdle(sqlite);
  return sqlite;
}

function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Bad schema name: ${name}`);
  return name;
}
