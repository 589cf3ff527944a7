/**
 * `emanifest csv import` as a dispatcher runs it in a terminal, cancelled with Ctrl-C (SIGINT)
 * once shipments are being stored: the real process, its real signal handling, a SQLite file.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapCompany, randomIds, systemClock } from '../src/app/index.js';
import { csvText, templateRow } from '../src/csv/test-csv.js';
import { createSqlStore, migrateToLatest, openDatabase } from '../src/storage/index.js';
import { spawnNode } from './cli-process.js';
import { importFootprint, TEST_SCRYPT } from './storage-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'emanifest-csv-sigint-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function storedState(sqlitePath: string) {
  const db = openDatabase({ sqlitePath });
  try {
    // The file's database holds the one company the test made.
    const company = await db.selectFrom('companies').select('id').executeTakeFirstOrThrow();
    return await importFootprint(db, company.id);
  } finally {
    await db.destroy();
  }
}

async function companyDatabase(name: string): Promise<string> {
  const sqlitePath = join(dir, name);
  const db = openDatabase({ sqlitePath });
  await migrateToLatest(db);
  await bootstrapCompany(
    { store: createSqlStore(db), clock: systemClock, ids: randomIds, scrypt: TEST_SCRYPT },
    {
      company: { name: 'Sigint Haul', scac: 'SGNT', defaultPortOfArrival: '0901' },
      admin: {
        email: 'admin@sgnt.example',
        displayName: 'Admin',
        password: 'correct horse battery',
      },
    },
  );
  await db.destroy();
  return sqlitePath;
}

describe('emanifest csv import (a real process)', () => {
  it('a large file for a trip that does not exist: says so and exits, its parser thread started ahead unused', async () => {
    const sqlitePath = await companyDatabase('unknown-trip.sqlite');
    const file = join(dir, 'large.csv');
    writeFileSync(
      file,
      csvText(
        Array.from({ length: 6_000 }, (_, n) =>
          templateRow({ SCN: 'SGNTAUTOFILL', 'Order Reference': `PO-${n}` }),
        ),
      ),
    );
    expect(statSync(file).size).toBeGreaterThan(1 << 20);
    const cli = spawnNode(['bin/emanifest.js', 'csv', 'import', file, '--trip', 'NO-SUCH-TRIP'], {
      SQLITE_PATH: sqlitePath,
      EMANIFEST_TOKEN: '',
    });
    // A waiting thread that held the process would leave it running here until the timeout.
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain('NO-SUCH-TRIP');
  });

  it('Ctrl-C while storing rolls back, says nothing was stored and exits 130', async () => {
    const sqlitePath = await companyDatabase('db.sqlite');
    const before = await storedState(sqlitePath);

    // 20,000 AUTOFILL rows, one shipment each: many stored batches, seconds of work.
    const file = join(dir, 'big.csv');
    writeFileSync(
      file,
      csvText(
        Array.from({ length: 20_000 }, (_, n) =>
          templateRow({ SCN: 'SGNTAUTOFILL', 'Order Reference': `PO-${n}` }),
        ),
      ),
    );
    const cli = spawnNode(['bin/emanifest.js', 'csv', 'import', file, '--unassociated'], {
      SQLITE_PATH: sqlitePath,
      EMANIFEST_TOKEN: '',
    });
    await cli.waitFor(/storing [1-9]/, 'stderr');
    expect(await cli.stop('SIGINT')).toBe(130);
    expect(cli.stderr()).toContain('Cancelled; nothing was stored.');
    expect(cli.stderr()).not.toContain('unexpected failure');
    expect(cli.stdout()).toBe('');
    expect(await storedState(sqlitePath)).toEqual(before);
  });
});
