import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * The batch path's inserts (shipments, SCN claims, audit entries) for thousands of rows at a
 * time. Kysely's multi-row INSERT compiles a statement with thousands of parameters per 500
 * rows, and the database prepares each anew; here instead:
 *
 * - SQLite: one prepared single-row statement per table, run row by row on the better-sqlite3
 *   handle under Kysely (synchronous, microseconds a row). The handle is the connection Kysely's
 *   open transaction runs on (one connection per handle, its use serialised by Kysely), so the
 *   rows are part of that transaction and roll back with it.
 * - PostgreSQL: none; the repositories' multi-row statements, which run as named statements
 *   (parsed once per connection) at the row counts that recur (named-statements.ts).
 */
export type TableValue = string | number | null;

export interface TableBatch {
  /**
   * Inserts every row (values in `columns` order). With `onConflictDoNothing`, a row that hits
   * a unique constraint is skipped; the indexes of the skipped rows are returned.
   */
  insert(
    table: keyof Database,
    columns: readonly string[],
    rows: readonly (readonly TableValue[])[],
    options?: { readonly onConflictDoNothing?: boolean },
  ): Promise<number[]>;
}

const HANDLES = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();
const STATEMENTS = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function rememberSqliteHandle(db: Kysely<Database>, handle: BetterSqlite3.Database): void {
  HANDLES.set(db, handle);
}

/** The better-sqlite3 handle under `db` (as opened by openDatabase), if it is SQLite. */
export function sqliteHandleOf(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return HANDLES.get(db);
}

/** The batch inserter for transactions of `root` (as opened by openDatabase), if any. */
export function tableBatchFor(root: Kysely<Database>): TableBatch | undefined {
  const handle = sqliteHandleOf(root);
  if (handle !== undefined) return sqliteBatch(handle);
  // PostgreSQL keeps Kysely's 500-row statements: an unnest() of one array per column was
  // measured three times slower (the JSON text escaped into array literals and parsed back).
  return undefined;
}

function sqliteBatch(handle: BetterSqlite3.Database): TableBatch {
  let cache = STATEMENTS.get(handle);
  if (cache === undefined) {
    cache = new Map();
    STATEMENTS.set(handle, cache);
  }
  const statements = cache;
  return {
    insert(table, columns, rows, options = {}) {
      const ignore = options.onConflictDoNothing === true;
      const key = `${table}|${columns.join(',')}|${ignore ? 'ignore' : ''}`;
      let statement = statements.get(key);
      if (statement === undefined) {
        // Table and column names come from our own code, never from input.
        statement = handle.prepare(
          `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})${
            ignore ? ' on conflict do nothing' : ''
          }`,
        );
        statements.set(key, statement);
      }
      const prepared = statement;
      const skipped: number[] = [];
      rows.forEach((row, index) => {
        if (prepared.run(...row).changes === 0) skipped.push(index);
      });
      return Promise.resolve(skipped);
    },
  };
}
