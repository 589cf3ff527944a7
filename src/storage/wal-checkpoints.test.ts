import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { openSqliteFile } from './open-database.js';

const dirs: string[] = [];
// After all: the cases run concurrently, each in a folder of its own.
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-wal-'));
  dirs.push(dir);
  return join(dir, 'wal.sqlite');
}

/** About 8 MB in one transaction: far past SQLite's automatic checkpoint (1,000 pages). */
function writeBulk(handle: ReturnType<typeof openSqliteFile>): void {
  handle.exec('create table if not exists bulk (body text)');
  const insert = handle.prepare('insert into bulk (body) values (?)');
  handle.transaction(() => {
    for (let n = 0; n < 2_000; n += 1) insert.run(`${n}`.padEnd(4_000, 'x'));
  })();
}

const MB = 1 << 20;

describe.concurrent('checkpointWhenIdle', () => {
  it('leaves a bulk commit in the log and moves it into the file once idle', async ({ expect }) => {
    const file = freshFile();
    const handle = openSqliteFile(file);
    try {
      expect(handle.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      writeBulk(handle);
      // The commit returned without copying the log into the file.
      expect(statSync(file).size).toBeLessThan(MB);
      await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(7 * MB);
    } finally {
      handle.close();
    }
  });

  it('does not checkpoint while a transaction is open on the connection', async ({ expect }) => {
    const file = freshFile();
    const handle = openSqliteFile(file);
    try {
      writeBulk(handle);
      handle.exec('begin');
      // Longer than the checkpoint interval: the open transaction holds it back.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(statSync(file).size).toBeLessThan(MB);
      handle.exec('commit');
      await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(7 * MB);
    } finally {
      handle.close();
    }
  });

  it('keeps every committed row when the process stops before any checkpoint', ({ expect }) => {
    const file = freshFile();
    const writer = openSqliteFile(file);
    writeBulk(writer);
    // A second connection, as after a restart, reads the rows from the log.
    const reader = openSqliteFile(file);
    try {
      expect(reader.prepare('select count(*) as n from bulk').get()).toEqual({ n: 2_000 });
    } finally {
      reader.close();
      writer.close();
    }
  });
});
