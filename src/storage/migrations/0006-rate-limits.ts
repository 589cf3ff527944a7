import type { Kysely, Migration } from 'kysely';

/**
 * Rate-limit counters (sign-in attempts per address and per address + e-mail, anonymous
 * validations), kept in the database so that several instances behind a load balancer share
 * them. One row per key and fixed window; `reset_at` is milliseconds since the epoch.
 */
export function rateLimitsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('reset_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('rate_limits_reset_at')
        .on('rate_limits')
        .column('reset_at')
        .execute();
    },
  };
}
