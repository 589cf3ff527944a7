import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, schemaVersion } from '../storage/index.js';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

const dir = mkdtempSync(join(tmpdir(), 'emanifest-service-db-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function trips(env: Record<string, string>) {
  const memory = memoryIo({});
  const status = await run({ ...memory.io, env }, ['trips']);
  return { status, stderr: memory.stderr(), stdout: memory.stdout() };
}

describe("commands on the service's database", () => {
  it('say in one line, without the usage text, that SQLITE_PATH is a folder or not a database (exit 2)', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(await trips({ SQLITE_PATH: folder })).toEqual({
      status: 2,
      stdout: '',
      stderr: `emanifest trips: the database at ${folder} (SQLITE_PATH) cannot be opened: unable to open database file\n`,
    });
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database, and long enough to have a header of sorts\n');
    expect(await trips({ SQLITE_PATH: text })).toEqual({
      status: 2,
      stdout: '',
      stderr: `emanifest trips: the database at ${text} (SQLITE_PATH) cannot be opened: file is not a database\n`,
    });
  });

  it('read-only commands neither create nor migrate: an empty file is no database, and stays empty', async () => {
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const result = await trips({ SQLITE_PATH: empty });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `emanifest trips: there is no database at ${empty} (SQLITE_PATH): start the service once (\`npm start\`) to create it, or set SQLITE_PATH or DATABASE_URL to the service's.\n`,
    );
    expect(statSync(empty).size).toBe(0);
    const memory = memoryIo({});
    const env = { SQLITE_PATH: empty };
    expect(await run({ ...memory.io, env }, ['csv', 'export', '--unassociated'])).toBe(2);
    expect(await run({ ...memory.io, env }, ['lead-sheet', 'X1', '-o', 'o.pdf'])).toBe(2);
    expect(readFileSync(empty)).toHaveLength(0);
  });

  it('read-only commands leave a database of an earlier version for the service to bring up to date', async () => {
    const path = join(dir, 'behind.sqlite');
    const db = openDatabase({ sqlitePath: path });
    await migrateToLatest(db);
    // As the previous release left it: its last migration not yet run.
    const last = await sql<{
      name: string;
    }>`select max(name) as name from kysely_migration`.execute(db);
    await sql`delete from kysely_migration where name = ${last.rows[0]?.name ?? ''}`.execute(db);
    const result = await trips({ SQLITE_PATH: path });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `emanifest trips: the database at ${path} (SQLITE_PATH) is from an earlier version of ACE eManifest (1 schema change behind) and this command only reads: start the service (\`emanifest serve\`) once to bring it up to date.\n`,
    );
    expect(await schemaVersion(db)).toMatchObject({ pending: 1 });
    await db.destroy();
  });

  it('report an invalid configuration without the usage text (exit 2)', async () => {
    const result = await trips({ SQLITE_PATH: join(dir, 'x.sqlite'), PORT: 'abc', HOST: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'emanifest trips: configuration is invalid:\n  PORT: expected a whole number from 0 to 65535, found "abc"\n',
    );
  });
});
