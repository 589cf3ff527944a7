import { stat } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POSTGRES_URL } from '../../test/postgres-schemas.js';
import { openDatabase } from './open-database.js';
import { isDatabaseUnavailable } from './unavailable.js';

/** One connection that gives up on a reply after 200 ms (the service waits 12 s). */
function quickToGiveUp() {
  return openDatabase({
    url: POSTGRES_URL,
    sqlitePath: ':memory:',
    postgresPoolSize: 1,
    postgresReadTimeoutMs: 200,
  });
}

describe('a PostgreSQL reply that came while this process was busy', () => {
  it('is read, not taken for a database that does not answer', async () => {
    const db = quickToGiveUp();
    try {
      await sql`select 1`.execute(db);
      const {
        rows: [before],
      } = await sql<{
        pid: number;
      }>`select pg_backend_pid() as pid`.execute(db);
      const asked = sql<{ answer: number }>`select pg_sleep(0.1), 42 as answer`.execute(db);
      await new Promise((resolve) => setTimeout(resolve, 20));
      // A synchronous stretch longer than the timeout, in an I/O callback as a request's
      // handler runs (a big trip's sync), during which the reply arrives. pg's own
      // query_timeout fired when the stretch ended, before the reply waiting in the socket
      // was read.
      await new Promise<void>((resolve) => {
        stat('.', () => {
          const until = Date.now() + 600;
          while (Date.now() < until) {
            // busy
          }
          resolve();
        });
      });
      expect((await asked).rows).toEqual([{ pg_sleep: '', answer: 42 }]);
      // The same connection serves on: it was not destroyed.
      const {
        rows: [after],
      } = await sql<{
        pid: number;
      }>`select pg_backend_pid() as pid`.execute(db);
      expect(after?.pid).toBe(before?.pid);
    } finally {
      await db.destroy();
    }
  });

  it('times out when it does not come, and the connection is replaced', async () => {
    const db = quickToGiveUp();
    try {
      const slow = sql`select pg_sleep(2)`.execute(db);
      await expect(slow).rejects.toThrow('Query read timeout');
      expect(isDatabaseUnavailable(await slow.catch((error: unknown) => error))).toBe(true);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
    }
  });
});

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
