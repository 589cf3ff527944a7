import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

describe('emanifest serve', () => {
  it('prints why it cannot start, without the usage text', async () => {
    const { io, stderr } = memoryIo({});
    const withEnv = { ...io, env: { PORT: 'eighty' } };
    expect(await run(withEnv, ['serve'])).toBe(2);
    expect(stderr()).toContain('emanifest serve: configuration is invalid:');
    expect(stderr()).not.toContain('Usage:');
  });

  it('refuses an EDI profile file it cannot read, naming the setting and the file', async () => {
    const { io, stderr } = memoryIo({});
    const withEnv = { ...io, env: { EDI_PROFILE: '/nonexistent/cbp-profile.json' } };
    expect(await run(withEnv, ['serve'])).toBe(2);
    expect(stderr()).toContain(
      'emanifest serve: cannot start: EDI_PROFILE /nonexistent/cbp-profile.json cannot be read (ENOENT).',
    );
    expect(stderr()).not.toContain('Usage:');
  });

  it('reports every invalid variable in one go, in its own words', async () => {
    const { io, stderr } = memoryIo({});
    const env = {
      NODE_ENV: 'prod',
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      SESSION_TTL: '99999999999d',
      HOST: '999.1.1.1',
    };
    expect(await run({ ...io, env }, ['serve'])).toBe(2);
    for (const name of Object.keys(env)) expect(stderr()).toContain(`\n  ${name}: expected`);
    expect(stderr()).toContain('from 1s to 365d');
    expect(stderr()).not.toContain('Usage:');
  });

  it('refuses a HOST name that does not resolve before starting anything, in one line', async () => {
    const { io, stderr } = memoryIo({});
    const env = { HOST: 'no-such-host.invalid', SQLITE_PATH: ':memory:' };
    expect(await run({ ...io, env }, ['serve'])).toBe(2);
    expect(stderr()).toMatch(
      /^emanifest serve: cannot start: HOST no-such-host\.invalid does not resolve to an address \(E[A-Z_]+\); set HOST to an IP address .*\n$/,
    );
  });

  it("says in one line why the SQLite file's folder cannot be made (Node 20 looped on /proc)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'emanifest-serve-')), 'a-file');
    writeFileSync(file, '');
    const paths = [[join(file, 'e.sqlite'), `${file} is a file, not a folder`]];
    if (existsSync('/proc/self'))
      paths.push(['/proc/nope/e.sqlite', "ENOENT: no such file or directory, mkdir '/proc/nope'"]);
    for (const [path, reason] of paths) {
      const { io, stderr } = memoryIo({});
      expect(await run({ ...io, env: { SQLITE_PATH: path ?? '' } }, ['serve'])).toBe(2);
      expect(stderr()).toBe(`emanifest serve: cannot start: ${reason ?? ''}\n`);
    }
  }, 10_000);

  it('names SQLITE_PATH when it is a folder or a file that is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-serve-'));
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database, but long enough to be read as one: '.repeat(40));
    for (const [path, reason] of [
      [dir, 'unable to open database file'],
      [text, 'file is not a database'],
    ]) {
      const { io, stderr } = memoryIo({});
      expect(await run({ ...io, env: { SQLITE_PATH: path ?? '' } }, ['serve'])).toBe(2);
      expect(stderr()).toBe(
        `emanifest serve: cannot start: SQLITE_PATH ${path ?? ''} cannot be opened as a database (${reason ?? ''}).\n`,
      );
    }
  });

  it('names the CBP mailbox folder a file stands in the place of, before the database is made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-serve-'));
    const file = join(dir, 'outbound');
    writeFileSync(file, '');
    const sqlitePath = join(dir, 'e.sqlite');
    const { io, stderr } = memoryIo({});
    const env = {
      SQLITE_PATH: sqlitePath,
      CBP_TRANSPORT: 'folders',
      CBP_OUTBOUND_DIR: file,
      CBP_INBOUND_DIR: join(dir, 'inbound'),
    };
    expect(await run({ ...io, env }, ['serve'])).toBe(2);
    expect(stderr()).toBe(
      `emanifest serve: cannot start: CBP_OUTBOUND_DIR: ${file} is a file, not a folder\n`,
    );
    expect(existsSync(sqlitePath)).toBe(false);
  });
});
