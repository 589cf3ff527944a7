import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POSTGRES_URL } from '../../test/postgres-schemas.js';
import { openDatabase } from './open-database.js';
import { isDatabaseUnavailable } from './unavailable.js';

/**
 * A connection PostgreSQL ends while a transaction holds it (a restart, a failover, an
 * administrator, idle_in_transaction_session_timeout; or the pool's own socket destroyed after
 * a read timeout, open-database.ts): pg emits 'error' on the client, which pg-pool listens for
 * only while the client is idle. Unheard, it crashed the service, and every tenant's requests
 * with it, in the middle of a 100,000-shipment filing.
 */
describe('a PostgreSQL connection lost while a transaction holds it', () => {
  it('fails that transaction only; the pool serves the next on a new connection', async () => {
    const db = openDatabase({ url: POSTGRES_URL, sqlitePath: ':memory:', postgresPoolSize: 1 });
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      let first = 0;
      const lost = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        first = rows[0]?.pid ?? 0;
        await admin.query('select pg_terminate_backend($1)', [first]);
        // The client hears of the end between the two statements, as when the server ends an
        // idle transaction.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sql`select 1`.execute(trx);
      });
      // Answered as the database not answering (503, try again), not as a bug.
      const error: unknown = await lost.then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      expect(rows[0]?.pid).toBeGreaterThan(0);
      expect(rows[0]?.pid).not.toBe(first);
    } finally {
      await admin.end();
      await db.destroy();
    }
  });
});
