import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { sqliteHandleOf } from './table-batch.js';

/**
 * Whether the database answers, for /readyz. On SQLite the probe asks the better-sqlite3 handle
 * itself: through Kysely it would queue for the one connection, which a long transaction (the
 * upload of a 100,000-shipment file) holds for many seconds while the database answers fine,
 * and a load balancer would take the instance out of service for every large upload. A
 * `select 1` touches no table, so it is harmless inside another transaction.
 */
export function readinessProbe(db: Kysely<Database>): () => Promise<void> {
  const handle = sqliteHandleOf(db);
  if (handle !== undefined) {
    const probe = handle.prepare('select 1');
    // A closed handle throws: the executor turns that into the rejection /readyz reports.
    return () =>
      new Promise((resolve) => {
        probe.get();
        resolve();
      });
  }
  return async () => {
    await sql`select 1`.execute(db);
  };
}
