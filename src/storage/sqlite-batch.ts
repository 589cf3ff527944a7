import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Batch inserts on SQLite through one prepared statement per table, run row by row on the
 * better-sqlite3 handle underneath Kysely. A multi-row INSERT of 500 rows costs Kysely a
 * compile and SQLite a fresh prepare of a statement with thousands of parameters, every chunk;
 * one prepared single-row statement runs in microseconds (better-sqlite3 is synchronous). The
 * handle is the connection Kysely's open transaction runs on (SQLite has one connection per
 * handle, and Kysely serialises use of it), so the rows are part of that transaction.
 */
const HANDLES = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();

export function rememberSqliteHandle(db: Kysely<Database>, handle: BetterSqlite3.Database): void {
  HANDLES.set(db, handle);
}

export type SqliteValue = string | number | null;

export interface SqliteBatch {
  /** Inserts every row; `orIgnore`: a row hitting a unique constraint is skipped, and its index returned. */
  insert(
    table: keyof Database,
    columns: readonly string[],
    rows: readonly (readonly SqliteValue[])[],
    options?: { readonly onConflictDoNothing?: boolean },
  ): number[];
}

const STATEMENTS = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** The batch inserter of a database opened by openDatabase on SQLite; undefined on PostgreSQL. */
export function sqliteBatchFor(db: Kysely<Database>): SqliteBatch | undefined {
  const handle = HANDLES.get(db);
  if (handle === undefined) return undefined;
  let cache = STATEMENTS.get(handle);
  if (cache === undefined) {
    cache = new Map();
    STATEMENTS.set(handle, cache);
  }
  const statements = cache;
  return {
    insert(table, columns, rows, options = {}) {
      const key = `${table}|${columns.join(',')}|${options.onConflictDoNothing === true ? 'ignore' : ''}`;
      let statement = statements.get(key);
      if (statement === undefined) {
        // Table and column names come from our own code, never from input.
        statement = handle.prepare(
          `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})${
            options.onConflictDoNothing === true ? ' on conflict do nothing' : ''
          }`,
        );
        statements.set(key, statement);
      }
      const prepared = statement;
      const skipped: number[] = [];
      rows.forEach((row, index) => {
        if (prepared.run(...row).changes === 0) skipped.push(index);
      });
      return skipped;
    },
  };
}
