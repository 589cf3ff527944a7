/**
 * The SQLite reader connection (openSqliteReader): transactions marked read-only run on it, see
 * what was committed and nothing of a write still open, and cannot write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.js';
import { openDatabase, openSqliteReader } from './open-database.js';
import type { Database } from './schema.js';
import { createSqlStore } from './sql-store.js';
import type { Store } from '../app/shared/ports/index.js';
import type { Company } from '../app/shared/records.js';
import { holdWriteTransaction } from '../../test/held-write.js';

let dir: string;
let db: Kysely<Database>;
let reader: Kysely<Database> | undefined;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emanifest-reader-'));
  const sqlitePath = join(dir, 'reader.sqlite');
  db = openDatabase({ sqlitePath });
  await migrateToLatest(db);
  reader = openSqliteReader({ sqlitePath });
  store = createSqlStore(db, { reader });
});

afterEach(async () => {
  await reader?.destroy();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const COMPANY: Company = {
  id: 'c1',
  name: 'Reader Freight',
  scac: 'RDRF',
  defaultPortOfArrival: null,
  tripNumberPrefix: 'RDRF',
  filingMode: 'test',
  version: 1,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

async function companyNames(): Promise<string[]> {
  return store.transaction(
    async (repos) => ((await repos.companies.findById(COMPANY.id)) === undefined ? [] : ['found']),
    { readOnly: true },
  );
}

describe('openSqliteReader', () => {
  it('is none for an in-memory database or PostgreSQL', () => {
    expect(openSqliteReader({ sqlitePath: ':memory:' })).toBeUndefined();
    expect(
      openSqliteReader({ url: 'postgres://nobody@127.0.0.1:1/none', sqlitePath: '' }),
    ).toBeUndefined();
  });

  it('reads the last commit while a write is open, and the write once it commits', async () => {
    const held = await holdWriteTransaction(store, (repos) => repos.companies.insert(COMPANY));
    // Served at once, beside the open write, from the snapshot before it.
    expect(await companyNames()).toEqual([]);
    await held.release();
    expect(await companyNames()).toEqual(['found']);
  });

  it('refuses a write in a transaction marked read-only', async () => {
    await expect(
      store.transaction((repos) => repos.companies.insert(COMPANY), { readOnly: true }),
    ).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
    expect(await companyNames()).toEqual([]);
  });
});
