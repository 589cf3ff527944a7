/**
 * SQLite's write lock held by another process (`emanifest csv import`, `emanifest backup`)
 * while the service answers: requests wait for it without stalling the others, and past the
 * store's wait answer 503 DATABASE_BUSY with Retry-After, nothing written.
 */
import { describe, expect, it } from 'vitest';
import {
  anApiToken,
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';
import { holdSqliteWriteLock } from '../../test/sqlite-lock-holder.js';
import { rowCount } from '../../test/row-count.js';

/** Resolves with which of the two settled first. */
function first(a: Promise<unknown>, b: Promise<unknown>): Promise<'a' | 'b'> {
  return Promise.race([a.then(() => 'a' as const), b.then(() => 'b' as const)]);
}

describe('a lock held for less than the wait', () => {
  let harness: Harness;
  let admin: Credentials;
  withSignedInHarness(
    'LCKA',
    (signedIn) => {
      ({ harness, admin } = signedIn);
    },
    { database: 'sqlite', busyWaitMs: 15_000 },
  );

  it('the write waits for it and succeeds, while /healthz answers meanwhile', async () => {
    const holder = holdSqliteWriteLock(harness.sqlitePath ?? '', 1_500);
    await holder.locked;
    const creating = call(harness, admin, 'POST', '/api/v1/trips', { body: undefined });
    // The event loop is free while the write waits: another request is answered first.
    const health = harness.app.inject({ method: 'GET', url: '/healthz' });
    expect(await first(health, creating)).toBe('a');
    expect((await health).statusCode).toBe(200);
    // It can only go through once the other process has committed.
    const created = await creating;
    await holder.released;
    expect(created.statusCode, created.body).toBe(201);
    expect(await rowCount(harness.db, 'trips')).toBe(1);
  }, 30_000);
});

describe('a lock held for longer than the wait', () => {
  let harness: Harness;
  let admin: Credentials;
  withSignedInHarness(
    'LCKB',
    (signedIn) => {
      ({ harness, admin } = signedIn);
    },
    { database: 'sqlite', busyWaitMs: 400 },
  );

  it('answers 503 DATABASE_BUSY with Retry-After and writes nothing', async () => {
    const token = await anApiToken(harness, admin);
    const holder = holdSqliteWriteLock(harness.sqlitePath ?? '', 2_500);
    await holder.locked;
    let lockStillHeld = true;
    void holder.released.then(() => {
      lockStillHeld = false;
    });
    // Reading in the browser goes on meanwhile: a session's listing takes no write lock.
    const listed = await call(harness, admin, 'GET', '/api/v1/trips');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(lockStillHeld).toBe(true);
    const answers = [
      await call(harness, admin, 'POST', '/api/v1/trips', { body: undefined }),
      // A bearer token's use is written down (its last use), so even a read waits.
      await call(harness, token, 'GET', '/api/v1/trips'),
    ];
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.json()).toMatchObject({
        code: 'UNAVAILABLE',
        detail:
          'The database is busy: another process (an import or a backup?) holds its write lock. Try again in a moment.',
        issues: [{ code: 'DATABASE_BUSY', path: '' }],
      });
    }
    await holder.released;
    expect(await rowCount(harness.db, 'trips')).toBe(0);
    const again = await call(harness, admin, 'POST', '/api/v1/trips', { body: undefined });
    expect(again.statusCode, again.body).toBe(201);
  }, 30_000);
});
