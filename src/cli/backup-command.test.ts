import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { processIo, run } from './main.js';
import { memoryIo } from './test-io.js';

function liveDatabase(dir: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(join(dir, 'live.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE trips (trip_number TEXT PRIMARY KEY)');
  const insert = db.prepare('INSERT INTO trips VALUES (?)');
  for (let i = 0; i < 500; i++) insert.run(`DEMO${String(i).padStart(6, '0')}`);
  return db;
}

describe('emanifest backup', () => {
  it('copies a live WAL database, committed rows included, while it stays open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-backup-'));
    const live = liveDatabase(dir); // kept open: its last writes are still in the WAL
    const { io, stdout } = memoryIo({});
    const target = join(dir, 'copy.sqlite');
    expect(await run(io, ['backup', '--database', join(dir, 'live.sqlite'), target])).toBe(0);
    expect(stdout()).toContain(`to ${target}`);
    const copy = new BetterSqlite3(target, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM trips').get()).toEqual({ n: 500 });
    copy.close();
    live.close();
  });

  it('refuses to overwrite a file, a missing database and PostgreSQL, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-backup-'));
    liveDatabase(dir).close();
    const source = join(dir, 'live.sqlite');
    const { io, stderr } = memoryIo({});
    expect(await run(io, ['backup', '--database', source, source])).toBe(2);
    expect(stderr()).toContain('exists already');
    expect(await run(io, ['backup', '--database', join(dir, 'none.sqlite'), join(dir, 'x')])).toBe(
      2,
    );
    expect(stderr()).toContain('there is no SQLite database');
    const pg = memoryIo({});
    const pgIo = { ...pg.io, env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' } };
    expect(await run(pgIo, ['backup', join(dir, 'y')])).toBe(2);
    expect(pg.stderr()).toContain('pg_dump');
  });

  it('says in one line, exit 2, that the copy cannot be written where FILE says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-backup-'));
    liveDatabase(dir).close();
    const source = join(dir, 'live.sqlite');
    const { makeDirectory, checkWritable } = processIo;
    const targets: [string, string][] = [[join(source, 'copy.sqlite'), source]];
    // Node 20's recursive mkdir never returned here.
    if (existsSync('/proc/self')) targets.push(['/proc/nope/copy.sqlite', '/proc/nope']);
    for (const [target, folder] of targets) {
      const memory = memoryIo({});
      const io = { ...memory.io, makeDirectory, checkWritable };
      expect(await run(io, ['backup', '--database', source, target])).toBe(2);
      expect(memory.stderr()).toMatch(
        new RegExp(
          `^emanifest backup: the folder ${folder} cannot be written \\((ENOTDIR|ENOENT)[^)]*\\)\\.\n$`,
        ),
      );
    }
  }, 10_000);
});
