import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { holdSqliteWriteLock } from '../../test/sqlite-lock-holder.js';
import { POSTGRES_URL } from '../../test/storage-harness.js';
import { lostSchemaRace, migrateToLatest, schemaVersion } from './migrate.js';
import { openDatabase } from './open-database.js';

function raced(message: string, code = '3F000') {
  return { error: Object.assign(new Error(message), { code }), results: [] };
}

describe('a migration run that lost a race with another schema being dropped', () => {
  it('is told apart from a missing schema of our own and from other errors', () => {
    expect(lostSchemaRace(raced('schema "theirs" does not exist'), 'ours')).toBe(true);
    expect(lostSchemaRace(raced('schema "ours" does not exist'), 'ours')).toBe(false);
    expect(lostSchemaRace(raced('relation "x" does not exist', '42P01'), 'ours')).toBe(true);
    expect(
      lostSchemaRace(
        raced('column "role" of relation "api_tokens" does not exist', '42703'),
        'ours',
      ),
    ).toBe(true);
    expect(lostSchemaRace(raced('syntax error at or near "x"', '42601'), 'ours')).toBe(false);
    // A migration of ours that failed is never retried, whatever the code.
    expect(
      lostSchemaRace(
        {
          ...raced('column "x" does not exist', '42703'),
          results: [{ migrationName: '0001', direction: 'Up', status: 'Error' }],
        },
        'ours',
      ),
    ).toBe(false);
    expect(lostSchemaRace(raced('schema "theirs" does not exist'), undefined)).toBe(false);
    expect(lostSchemaRace({ results: [] }, 'ours')).toBe(false);
  });

  // Kysely's catalogue scan once failed a test run with 3F000 while a neighbouring test file
  // dropped its schema, and once with 42703 while another was migrating. Schemas are created,
  // altered and dropped in a tight loop beside the migrations.
  it('still migrates while other schemas are created and dropped beside it', async () => {
    const churn = new pg.Client({ connectionString: POSTGRES_URL });
    await churn.connect();
    const state = { churning: true };
    const loop = (async () => {
      while (state.churning) {
        const other = `churn_${randomBytes(6).toString('hex')}`;
        await churn.query(`create schema ${other}; create table ${other}.t (id serial)`);
        await churn.query(`alter table ${other}.t add column role text`);
        await churn.query(`drop schema ${other} cascade`);
        // Bursts with gaps, as real DDL comes: a retry finds a quiet moment, as it would live.
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    })();
    const ours: string[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const schema = `migrate_race_${randomBytes(6).toString('hex')}`;
        ours.push(schema);
        await churn.query(`create schema ${schema}`);
        const db = openDatabase({
          url: POSTGRES_URL,
          sqlitePath: ':memory:',
          postgresSchema: schema,
        });
        try {
          expect((await migrateToLatest(db)).length).toBeGreaterThan(0);
        } finally {
          await db.destroy();
        }
      }
    } finally {
      state.churning = false;
      await loop;
      for (const schema of ours) await churn.query(`drop schema if exists ${schema} cascade`);
      await churn.end();
    }
  }, 60_000);
});

describe('a migration run on SQLite while another process holds the write lock', () => {
  /**
   * A database file made, in WAL mode, as the service makes it, whose write lock another
   * process then holds for `holdMs`; `check` gets a connection of this process to it.
   */
  async function whileLocked(
    holdMs: number,
    check: (db: ReturnType<typeof openDatabase>, released: Promise<void>) => Promise<void>,
  ): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-migrate-busy-'));
    const path = join(dir, 'busy.sqlite');
    await openDatabase({ sqlitePath: path }).destroy();
    const holder = holdSqliteWriteLock(path, holdMs);
    await holder.locked;
    const db = openDatabase({ sqlitePath: path });
    try {
      await check(db, holder.released);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('waits for the lock on a timer and migrates once it is let go', async () => {
    await whileLocked(1_000, async (db, released) => {
      // The connection's own busy timeout is 50 ms: without the wait, this failed at once.
      const applied = await migrateToLatest(db, { waitMs: 10_000 });
      expect(applied.length).toBeGreaterThan(10);
      await released;
    });
  });

  it('says the database is busy when the lock outlasts the wait, and changes nothing', async () => {
    await whileLocked(1_500, async (db, released) => {
      await expect(migrateToLatest(db, { waitMs: 200 })).rejects.toMatchObject({
        name: 'DatabaseBusyError',
      });
      await released;
      expect(await schemaVersion(db)).toMatchObject({ applied: 0 });
    });
  });
});
