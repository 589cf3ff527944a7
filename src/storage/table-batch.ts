import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import { ROWS_PER_STATEMENT } from './chunks.js';
import { dialectOf } from './dialect.js';
import { namedOnPostgres } from './named-statements.js';
import type { Database } from './schema.js';

/**
 * The batch path's inserts (shipments, SCN claims, audit entries) for thousands of rows at a
 * time, written as plain statement texts instead of Kysely's query builder. A CSV upload of
 * 100,000 shipments inserts 300,000 rows; through the builder each value became an operation
 * node, copied again by the compiler, and on PostgreSQL these short-lived trees outlived the
 * round trips they waited on and filled the old generation: the upload peaked at 307–317 MB
 * against SQLite's 247 MB.
 *
 * - SQLite, on the handle openDatabase opened: one prepared single-row statement per table,
 *   run row by row on the better-sqlite3 handle under Kysely (synchronous, microseconds a row).
 *   The handle is the connection Kysely's open transaction runs on (one connection per handle,
 *   its use serialised by Kysely), so the rows are part of that transaction and roll back with
 *   it.
 * - Otherwise (PostgreSQL, or a SQLite executor whose handle is not known): one multi-row INSERT
 *   per ROWS_PER_STATEMENT rows, through the executor (so inside its transaction), its text
 *   built once per table, columns and row count; on PostgreSQL the recurring counts run as
 *   named statements (named-statements.ts). An unnest() of one array per column was measured
 *   three times slower on PostgreSQL (the JSON text escaped into array literals and parsed
 *   back).
 */
export type TableValue = string | number | null;

export interface InsertOptions {
  /**
   * A row that hits a unique constraint is skipped, not an error. `identifiedBy` names a column
   * whose value tells the batch's rows apart (the rows written are read back by it).
   */
  readonly skipConflicts?: { readonly identifiedBy: string } | undefined;
  /**
   * A row whose `key` columns match a stored row's unique key writes its other columns over
   * that row's (an upsert: a sync's filing states).
   */
  readonly replaceOnConflict?: { readonly key: readonly string[] } | undefined;
}

export interface TableBatch {
  /**
   * Inserts every row (values in `columns` order) and returns the indexes of the rows skipped
   * (only with `skipConflicts`).
   */
  insert(
    table: keyof Database,
    columns: readonly string[],
    rows: readonly (readonly TableValue[])[],
    options?: InsertOptions,
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

/**
 * The batch inserter for `executor`, a transaction of `root` (as opened by openDatabase) or
 * `root` itself.
 */
export function tableBatchFor(
  root: Kysely<Database>,
  executor: Kysely<Database> = root,
): TableBatch {
  const handle = sqliteHandleOf(root);
  return handle === undefined ? statementBatch(executor) : sqliteBatch(handle);
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
      const conflict = conflictClause(columns, options);
      const key = `${table}|${columns.join(',')}|${conflict}`;
      let statement = statements.get(key);
      if (statement === undefined) {
        statement = handle.prepare(insertText(table, columns, 1, 'sqlite', conflict));
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

function statementBatch(db: Kysely<Database>): TableBatch {
  const dialect = dialectOf(db);
  return {
    async insert(table, columns, rows, options = {}) {
      const identifiedBy = options.skipConflicts?.identifiedBy;
      const keyAt = identifiedBy === undefined ? -1 : columns.indexOf(identifiedBy);
      if (identifiedBy !== undefined && keyAt < 0) {
        throw new Error(`${identifiedBy} is not one of the inserted columns`);
      }
      const conflict = conflictClause(columns, options);
      const skipped: number[] = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const text = cachedInsertText(
          table,
          columns,
          chunk.length,
          dialect,
          conflict,
          identifiedBy,
        );
        const query = CompiledQuery.raw(text, chunk.flat());
        const { rows: written } = await db.executeQuery<Record<string, unknown>>(
          namedOnPostgres(db, query, chunk.length),
        );
        if (identifiedBy === undefined) continue;
        const kept = new Set(written.map((row) => row[identifiedBy]));
        chunk.forEach((row, n) => {
          if (!kept.has(row[keyAt])) skipped.push(start + n);
        });
      }
      return skipped;
    },
  };
}

const TEXTS = new Map<string, string>();
/** Texts kept: the tables and row counts that recur are few; any other is built each time. */
const MAX_TEXTS = 64;

function cachedInsertText(
  table: string,
  columns: readonly string[],
  rowCount: number,
  dialect: 'sqlite' | 'postgres',
  conflict: string,
  returning: string | undefined,
): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rowCount}|${conflict}|${returning ?? ''}`;
  const known = TEXTS.get(key);
  if (known !== undefined) return known;
  const text = insertText(table, columns, rowCount, dialect, conflict, returning);
  if (TEXTS.size < MAX_TEXTS) TEXTS.set(key, text);
  return text;
}

/**
 * What a row that hits a unique constraint does, as the statement's `on conflict` clause (the
 * same words in SQLite and PostgreSQL): fails the statement (none), is skipped, or writes its
 * other columns over the stored row's.
 */
function conflictClause(columns: readonly string[], options: InsertOptions): string {
  const replace = options.replaceOnConflict;
  if (replace !== undefined) {
    const others = columns.filter((column) => !replace.key.includes(column));
    return (
      ` on conflict (${replace.key.map((c) => `"${c}"`).join(', ')}) do update set ` +
      others.map((c) => `"${c}" = excluded."${c}"`).join(', ')
    );
  }
  return options.skipConflicts === undefined ? '' : ' on conflict do nothing';
}

/**
 * `insert into "t" ("a", "b") values (…), (…)`: placeholders `?` on SQLite, `$1…` on
 * PostgreSQL. Table and column names come from our own code, never from input.
 */
function insertText(
  table: string,
  columns: readonly string[],
  rowCount: number,
  dialect: 'sqlite' | 'postgres',
  conflict: string,
  returning?: string,
): string {
  let parameter = 0;
  const placeholder = dialect === 'postgres' ? () => `$${String((parameter += 1))}` : () => '?';
  const values = Array.from(
    { length: rowCount },
    () => `(${columns.map(placeholder).join(', ')})`,
  ).join(', ');
  return (
    `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values}` +
    conflict +
    (returning === undefined ? '' : ` returning "${returning}"`)
  );
}
