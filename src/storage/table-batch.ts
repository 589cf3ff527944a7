import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
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
 * - PostgreSQL: one `INSERT … SELECT * FROM unnest($1::text[], …)` per chunk: one array
 *   parameter per column, whatever the number of rows.
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
    options?: { readonly onConflictDoNothing?: { readonly key: string } },
  ): Promise<number[]>;
}

const HANDLES = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();
const STATEMENTS = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function rememberSqliteHandle(db: Kysely<Database>, handle: BetterSqlite3.Database): void {
  HANDLES.set(db, handle);
}

/** Integer columns among those the batch path writes; every other one is text. */
const INTEGER_COLUMNS = new Set(['position', 'version']);
const POSTGRES_ROWS_PER_STATEMENT = 2_000;

/**
 * The batch inserter for transactions of `root` (as opened by openDatabase): `trx` is the open
 * transaction the PostgreSQL statements run in; undefined when neither applies.
 */
export function tableBatchFor(
  root: Kysely<Database>,
  trx: Kysely<Database>,
): TableBatch | undefined {
  const handle = HANDLES.get(root);
  if (handle !== undefined) return sqliteBatch(handle);
  return dialectOf(trx) === 'postgres' ? postgresBatch(trx) : undefined;
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
      const ignore = options.onConflictDoNothing !== undefined;
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

function postgresBatch(trx: Kysely<Database>): TableBatch {
  return {
    async insert(table, columns, rows, options = {}) {
      const skipped: number[] = [];
      for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + POSTGRES_ROWS_PER_STATEMENT);
        const arrays = columns.map(
          (column, i) =>
            sql`${chunk.map((row) => row[i] ?? null)}::${sql.raw(INTEGER_COLUMNS.has(column) ? 'integer' : 'text')}[]`,
        );
        const conflict = options.onConflictDoNothing;
        const insert = sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`;
        if (conflict === undefined) {
          await insert.execute(trx);
          continue;
        }
        // RETURNING names the rows written; the others hit the constraint.
        const keyIndex = columns.indexOf(conflict.key);
        const result = await sql<
          Record<string, string>
        >`${insert} on conflict do nothing returning ${sql.ref(conflict.key)}`.execute(trx);
        const written = new Set(result.rows.map((row) => row[conflict.key]));
        chunk.forEach((row, index) => {
          if (!written.has(row[keyIndex] as string)) skipped.push(start + index);
        });
      }
      return skipped;
    },
  };
}
