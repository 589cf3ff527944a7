import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupSqlite } from './backup-sqlite.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase } from './open-database.js';

describe('backupSqlite', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('copies a live WAL database, including rows not yet checkpointed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-backup-'));
    dirs.push(dir);
    const live = join(dir, 'live.sqlite');
    const db = openDatabase({ sqlitePath: live });
    await migrateToLatest(db);
    const now = new Date().toISOString();
    await db
      .insertInto('companies')
      .values({
        id: 'c1',
        name: 'Demo',
        scac: 'DEMO',
        default_port_of_arrival: null,
        trip_number_prefix: 'DEMO',
        next_trip_sequence: 1,
        next_scn_sequence: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const target = join(dir, 'copies', 'backup.sqlite');
    // The service keeps its connection open while the backup runs.
    await backupSqlite(live, target);
    await db.destroy();
    const copy = new BetterSqlite3(target, { readonly: true });
    expect(copy.prepare('select scac from companies').all()).toEqual([{ scac: 'DEMO' }]);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });
});
