/**
 * SQLite's write lock held by another process (a CLI import, a backup): the service waits for
 * it on a timer, not inside the synchronous driver, and says so when the wait runs out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrapCompany, type AppDeps } from '../app/index.js';
import { holdSqliteWriteLock } from '../../test/sqlite-lock-holder.js';
import { rowCount } from '../../test/row-count.js';
import { DATABASE_BUSY_MESSAGE, DatabaseBusyError } from './busy.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase } from './open-database.js';
import type { Database } from './schema.js';
import { createSqlStore } from './sql-store.js';
import { createRateLimitCounter } from './rate-limit-counter.js';

let dir: string;
let path: string;
const opened: Kysely<Database>[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emanifest-busy-'));
  path = join(dir, 'busy.sqlite');
  const db = openDatabase({ sqlitePath: path });
  opened.push(db);
  await migrateToLatest(db);
});

afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** The service's view of the file: its own connection and store, waiting up to `waitMs`. */
function service(waitMs: number): { db: Kysely<Database>; deps: AppDeps } {
  const db = openDatabase({ sqlitePath: path });
  opened.push(db);
  const deps: AppDeps = {
    store: createSqlStore(db, { busyWait: { waitMs } }),
    clock: { now: () => new Date('2026-12-01T12:00:00Z') },
    ids: { newId: () => crypto.randomUUID() },
    scrypt: { ln: 10, r: 8, p: 1 },
  };
  return { db, deps };
}

let scacs = 0;
function aCarrier(deps: AppDeps) {
  const scac = `BSY${String.fromCharCode(65 + scacs++)}`;
  return bootstrapCompany(deps, {
    company: { name: `Carrier ${scac}`, scac, defaultPortOfArrival: '0901' },
    admin: {
      email: `admin@${scac.toLowerCase()}.example`,
      displayName: 'Admin',
      password: 'correct horse battery',
    },
  });
}

/** Counts the ticks of a 50 ms interval: it only ticks while the event loop is free. */
function ticker(): { count(): number; stop(): void } {
  let ticks = 0;
  const interval = setInterval(() => {
    ticks += 1;
  }, 50);
  return {
    count: () => ticks,
    stop: () => {
      clearInterval(interval);
    },
  };
}

describe('a write while another process holds the SQLite write lock', () => {
  it('waits for the lock on a timer, the event loop free, and then writes', async () => {
    const { db, deps } = service(10_000);
    const holder = holdSqliteWriteLock(path, 1_500);
    await holder.locked;
    const ticks = ticker();
    try {
      // It can only go through once the other process has committed.
      await aCarrier(deps);
      // A frozen event loop (busy_timeout sleeping inside the driver) would not tick at all
      // during the hold; 1.5 s gives 30 ticks of 50 ms, and 3 is plenty on a slow machine.
      expect(ticks.count()).toBeGreaterThanOrEqual(3);
    } finally {
      ticks.stop();
    }
    await holder.released;
    expect(await rowCount(db, 'companies')).toBe(1);
  }, 20_000);

  it('gives up after the wait with DatabaseBusyError, nothing written', async () => {
    const { db, deps } = service(300);
    const holder = holdSqliteWriteLock(path, 2_000);
    await holder.locked;
    const ticks = ticker();
    try {
      const failure = await aCarrier(deps).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(DatabaseBusyError);
      expect((failure as Error).message).toBe(DATABASE_BUSY_MESSAGE);
      expect((failure as { code: string }).code).toBe('SQLITE_BUSY');
      expect(ticks.count()).toBeGreaterThanOrEqual(1);
    } finally {
      ticks.stop();
    }
    await holder.released;
    expect(await rowCount(db, 'companies')).toBe(0);
  }, 20_000);
});

describe('a read-only transaction while another process holds the lock', () => {
  it('begins DEFERRED and reads without waiting for it', async () => {
    const { deps } = service(10_000);
    const { company } = await aCarrier(deps);
    const holder = holdSqliteWriteLock(path, 2_000);
    await holder.locked;
    let released = false;
    void holder.released.then(() => {
      released = true;
    });
    const found = await deps.store.transaction((repos) => repos.companies.findById(company.id), {
      readOnly: true,
    });
    expect(found?.id).toBe(company.id);
    expect(released).toBe(false);
    await holder.released;
  }, 20_000);
});

describe('a statement outside a transaction while another process holds the lock', () => {
  it('a rate-limit hit (a sign-in) waits for it on a timer too', async () => {
    const { db } = service(10_000);
    const counter = createRateLimitCounter(db, { busyWait: { waitMs: 10_000 } });
    const holder = holdSqliteWriteLock(path, 1_000);
    await holder.locked;
    const ticks = ticker();
    try {
      expect(await counter.hit('sign-in:1', 60_000, Date.now())).toMatchObject({ count: 1 });
      expect(ticks.count()).toBeGreaterThanOrEqual(3);
    } finally {
      ticks.stop();
    }
    await holder.released;
  }, 20_000);
});

describe('a transaction that reads, then writes, while another connection writes meanwhile', () => {
  it('does not fail with SQLITE_BUSY_SNAPSHOT: the other waits for it instead', async () => {
    const one = service(10_000);
    const other = service(10_000);
    const { company } = await aCarrier(one.deps);
    let otherWrite: Promise<unknown> | undefined;
    const reserved = await one.deps.store.transaction(async (repos) => {
      // A read first: a DEFERRED transaction would hold only a read snapshot now ...
      expect(await repos.companies.findById(company.id)).toBeDefined();
      // ... so the other connection's write would commit here, and the write below would
      // fail at once (SQLITE_BUSY_SNAPSHOT).
      otherWrite = aCarrier(other.deps);
      await sleep(200);
      return repos.companies.reserveTripSequence(company.id, 1);
    });
    expect(reserved).toBeGreaterThan(0);
    await otherWrite;
    expect(await rowCount(one.db, 'companies')).toBe(2);
  }, 20_000);
});
