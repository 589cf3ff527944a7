import { createHash } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';
import { ROWS_PER_STATEMENT } from './chunks.js';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

/**
 * PostgreSQL: the batch path's statements (shipments, SCN claims, audit entries, the SCN look-up)
 * run as named, server-side prepared statements on each pooled connection. Kysely sends every
 * query unnamed, so the server parses and plans each 100-row INSERT with its 1,000 placeholders
 * anew; a CSV upload of 100,000 shipments sends 4,000 of them, and parse + bind was a quarter of
 * the server's time. Named, they are parsed once per connection and then run on a cached plan.
 *
 * Kysely has no way to name a statement: `openDatabase` wraps each pooled client's `query` and
 * gives the texts marked here their name (a hash of the text, so one name never stands for two
 * texts). A prepared statement holds about 3 KB of server memory per row of its VALUES list for
 * the life of the connection (270 KB for a 100-row audit insert with its cached plan), and a
 * multi-row INSERT's text changes with its row count, so only the counts that recur are named:
 * one row (a shipment created by hand, the audit entry of any write), a CSV upload's reading
 * step (100 shipments) and a full chunk (ROWS_PER_STATEMENT): at most about 5 MB per
 * connection. Any other count runs unnamed, as before. ADR 0019.
 */
export const NAMED_ROW_COUNTS: ReadonlySet<number> = new Set([1, 100, ROWS_PER_STATEMENT]);

/** A safety net: a statement marked beyond this many distinct texts runs unnamed. */
const MAX_NAMED_TEXTS = 64;

const NAMES = new Map<string, string>();

/**
 * Marks `query` to run as a named statement on PostgreSQL when it writes `rowCount` rows of a
 * recurring count (always, without `rowCount`: a text that does not vary with the input).
 * Returns the query unchanged; on SQLite it does nothing.
 */
export function namedOnPostgres<R>(
  db: Kysely<Database>,
  query: CompiledQuery<R>,
  rowCount?: number,
): CompiledQuery<R> {
  if (dialectOf(db) !== 'postgres') return query;
  if (rowCount !== undefined && !NAMED_ROW_COUNTS.has(rowCount)) return query;
  if (!NAMES.has(query.sql) && NAMES.size < MAX_NAMED_TEXTS) {
    NAMES.set(
      query.sql,
      `emanifest_${createHash('sha256').update(query.sql).digest('hex').slice(0, 32)}`,
    );
  }
  return query;
}

/** The statement name of a marked text, for the pooled client's `query`. */
export function statementNameOf(text: string): string | undefined {
  return NAMES.get(text);
}
