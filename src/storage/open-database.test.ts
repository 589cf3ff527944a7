import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteFile } from './open-database.js';

const dir = mkdtempSync(join(tmpdir(), 'emanifest-open-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteFile', () => {
  it('makes a new database with 16 KiB pages, in WAL mode', () => {
    const handle = openSqliteFile(join(dir, 'new.sqlite'));
    try {
      handle.exec('create table t (x text)');
      expect(handle.pragma('page_size', { simple: true })).toBe(16_384);
      expect(handle.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      handle.close();
    }
  });

  it('opens a database made with other pages as it is, its data intact', () => {
    const path = join(dir, 'old.sqlite');
    const old = new BetterSqlite3(path);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec("create table t (x text); insert into t values ('kept')");
    old.close();
    const handle = openSqliteFile(path);
    try {
      expect(handle.pragma('page_size', { simple: true })).toBe(4_096);
      expect(handle.prepare('select x from t').pluck().all()).toEqual(['kept']);
      handle.exec("insert into t values ('added')");
      expect(handle.prepare('select count(*) from t').pluck().get()).toBe(2);
    } finally {
      handle.close();
    }
  });
});
