import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.js';
import { readinessProbe } from './readiness.js';

/** 'answered' when `work` settles within `ms`, else 'waiting'. */
async function within(ms: number, work: Promise<unknown>): Promise<'answered' | 'waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const waiting = new Promise<'waiting'>((resolve) => {
    timer = setTimeout(() => {
      resolve('waiting');
    }, ms);
  });
  try {
    return await Promise.race([work.then(() => 'answered' as const), waiting]);
  } finally {
    clearTimeout(timer);
  }
}

describe('readinessProbe on SQLite', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function aDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-ready-'));
    dirs.push(dir);
    return openDatabase({ sqlitePath: join(dir, 'ready.sqlite') });
  }

  it('answers while a long transaction holds the one connection', async () => {
    const db = aDatabase();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await held;
    });
    try {
      // Through Kysely the probe would queue behind the transaction.
      const queued = sql`select 1`.execute(db);
      expect(await within(200, queued)).toBe('waiting');
      expect(await within(200, readinessProbe(db)())).toBe('answered');
      release();
      await transaction;
      await queued;
    } finally {
      release();
      await db.destroy();
    }
  });

  it('fails once the database is closed', async () => {
    const db = aDatabase();
    const probe = readinessProbe(db);
    await probe();
    await sql`select 1`.execute(db);
    await db.destroy();
    await expect(probe()).rejects.toThrow();
  });
});
