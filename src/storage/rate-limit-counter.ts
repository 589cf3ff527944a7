import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './schema.js';
import { retryWhileBusy, type BusyWait } from './busy.js';

/**
 * Fixed-window counters in the `rate_limits` table (migration 0006). One upsert per hit,
 * atomic on both databases (INSERT … ON CONFLICT … RETURNING: SQLite 3.35+, PostgreSQL 9.5+),
 * so concurrent instances never lose a count.
 */
export interface RateLimitCounter {
  /** Counts one hit on `key`; returns the hits in the current window and when it ends. */
  hit(key: string, windowMs: number, nowMs: number): Promise<{ count: number; resetAtMs: number }>;
  /** Deletes windows that ended before `nowMs`; returns how many. */
  sweep(nowMs: number): Promise<number>;
}

/**
 * Each statement runs on its own, outside any transaction; on SQLite one refused because another
 * process holds the write lock changed nothing, so it is simply tried again on a timer, as a
 * transaction's BEGIN is (busy.ts): a sign-in waits for a CLI import instead of failing.
 */
export function createRateLimitCounter(
  db: Kysely<Database>,
  options: { readonly busyWait?: BusyWait | undefined } = {},
): RateLimitCounter {
  const whileBusy = <T>(statement: () => Promise<T>) =>
    retryWhileBusy(statement, () => true, options.busyWait);
  return {
    async hit(key, windowMs, nowMs) {
      const row = await whileBusy(() =>
        db
          .insertInto('rate_limits')
          .values({ key, count: 1, reset_at: nowMs + windowMs })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              count: sql<number>`case when rate_limits.reset_at <= ${nowMs} then 1 else rate_limits.count + 1 end`,
              reset_at: sql<number>`case when rate_limits.reset_at <= ${nowMs} then ${nowMs + windowMs} else rate_limits.reset_at end`,
            }),
          )
          .returning(['count', 'reset_at'])
          .executeTakeFirstOrThrow(),
      );
      // PostgreSQL returns bigint as a string.
      return { count: row.count, resetAtMs: Number(row.reset_at) };
    },
    async sweep(nowMs) {
      const result = await whileBusy(() =>
        db.deleteFrom('rate_limits').where('reset_at', '<=', nowMs).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
}
