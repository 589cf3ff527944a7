/**
 * The outbox against real processes: a sender SIGKILLed after the simulator took an
 * interchange and before it was recorded, then restarted; and two senders on one PostgreSQL at
 * once. Each time, the simulator must have processed every interchange exactly once.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aShipment, aTrip } from './builders.js';
import { startSimulatorProcess, type SimulatorProcess } from './cbp-simulator-process.js';
import { spawnNode } from './cli-process.js';
import { POSTGRES_URL } from './storage-harness.js';
import {
  bootstrapCompany,
  createTrip,
  randomIds,
  syncTrip,
  type AppDeps,
} from '../src/app/index.js';
import {
  createSqlStore,
  migrateToLatest,
  openDatabase,
  type Database,
} from '../src/storage/index.js';

async function postgresAnswers(): Promise<boolean> {
  const probe = openDatabase({ url: POSTGRES_URL, sqlitePath: ':memory:', postgresPoolSize: 1 });
  try {
    await sql`select 1`.execute(probe);
    return true;
  } catch {
    return false;
  } finally {
    await probe.destroy();
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

// In CI PostgreSQL is required (the storage harness fails loudly without it).
const withPostgres = process.env['CI'] !== undefined || (await postgresAnswers());

/**
 * test/outbox-sender.ts compiled into one module once for this file. Run through tsx, each of
 * the four senders spent about a second of CPU compiling and resolving the few hundred modules
 * it imports; the bundle starts in about a third of that. Written under node_modules so that
 * the packages it leaves out (pg, better-sqlite3, kysely, …) resolve as from the sources.
 */
let senderScript = '';
beforeAll(async () => {
  const dir = join(root, 'node_modules', '.cache', 'emanifest-tests');
  mkdirSync(dir, { recursive: true });
  senderScript = join(dir, `outbox-sender-${randomBytes(6).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(root, 'test', 'outbox-sender.ts')],
    outfile: senderScript,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
});
afterAll(() => {
  rmSync(senderScript, { force: true });
});

function sender(env: Record<string, string>) {
  const running = spawnNode([senderScript], env);
  return { ...running, output: running.stdout, errors: running.stderr };
}

/** A company with `trips` synced trips (two interchanges each) waiting in the outbox. */
async function queuedFilings(db: Kysely<Database>, trips: number): Promise<number> {
  await migrateToLatest(db);
  const deps: AppDeps = {
    store: createSqlStore(db),
    clock: { now: () => new Date('2026-11-28T12:00:00Z') },
    ids: randomIds,
    scrypt: { ln: 10, r: 8, p: 1 },
  };
  const { company, admin } = await bootstrapCompany(deps, {
    company: { name: 'Crash Haul', scac: 'CRSH', defaultPortOfArrival: '0901' },
    admin: { email: 'a@crsh.example', displayName: 'A', password: 'correct horse battery' },
  });
  const actor = {
    kind: 'user' as const,
    companyId: company.id,
    userId: admin.id,
    role: 'admin' as const,
  };
  for (let n = 1; n <= trips; n++) {
    const { trip } = await createTrip(deps, actor, {
      document: aTrip({
        tripNumber: `CRSH20261128${String(n).padStart(2, '0')}`,
        shipments: [aShipment({ shipmentControlNumber: `CRSH${String(n).padStart(10, '0')}` })],
      }),
    });
    await syncTrip(deps, actor, { tripId: trip.id });
  }
  return trips * 2;
}

async function expectEachProcessedOnce(simulator: SimulatorProcess, count: number) {
  const receipts = await simulator.receipts();
  expect(receipts.map((r) => Number(r.controlNumber)).sort((a, b) => a - b)).toEqual(
    Array.from({ length: count }, (_, i) => i + 1),
  );
  const answers = await simulator.answers();
  const acks = answers.filter((a) => a.setId === '997');
  expect(acks).toHaveLength(count);
  return receipts;
}

describe('the outbox against real processes', () => {
  it('a sender SIGKILLed between sending and recording: after a restart every interchange was processed once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-crash-'));
    const sqlitePath = join(dir, 'db.sqlite');
    const db = openDatabase({ sqlitePath });
    const count = await queuedFilings(db, 3);
    await db.destroy();
    const simulator = await startSimulatorProcess({ data: join(dir, 'cbp') });
    try {
      const env = { SQLITE_PATH: sqlitePath, SIMULATOR_URL: simulator.url };
      const doomed = sender({ ...env, HANG_AFTER_SENDS: '2' });
      const [, killedAt] = await doomed.waitFor(/SENT (\d+)/);
      doomed.child.kill('SIGKILL');
      expect(await doomed.exited).toBe(null);

      // Past the dead sender's lease: the interchange it sent is sent again, and recognised.
      const restarted = sender({ ...env, NOW_OFFSET_MS: '120000' });
      expect(await restarted.exited, restarted.errors()).toBe(0);
      const report = JSON.parse(restarted.output().trim()) as {
        duplicates: number;
        delivered: number;
      };
      expect(report.duplicates).toBe(1);
      const receipts = await expectEachProcessedOnce(simulator, count);
      expect(receipts.filter((r) => r.deliveries > 1).map((r) => Number(r.controlNumber))).toEqual([
        Number(killedAt),
      ]);
    } finally {
      await simulator.stop();
    }
  });

  it.skipIf(!withPostgres)(
    'two senders on one PostgreSQL never send the same row: every interchange arrives once',
    async () => {
      const schema = `outbox_${randomBytes(6).toString('hex')}`;
      const admin = openDatabase({
        url: POSTGRES_URL,
        sqlitePath: ':memory:',
        postgresPoolSize: 1,
      });
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      const db = openDatabase({
        url: POSTGRES_URL,
        sqlitePath: ':memory:',
        postgresSchema: schema,
      });
      const dir = mkdtempSync(join(tmpdir(), 'outbox-two-'));
      const simulator = await startSimulatorProcess({ data: join(dir, 'cbp') });
      try {
        const count = await queuedFilings(db, 8);
        const env = {
          DATABASE_URL: POSTGRES_URL,
          DATABASE_SCHEMA: schema,
          SIMULATOR_URL: simulator.url,
        };
        const senders = [sender(env), sender(env)];
        const codes = await Promise.all(senders.map((s) => s.exited));
        expect(codes, senders.map((s) => s.errors()).join('\n')).toEqual([0, 0]);
        const reports = senders.map(
          (s) =>
            JSON.parse(s.output().replace('READY', '').trim()) as {
              delivered: number;
              duplicates: number;
            },
        );
        expect(reports.reduce((sum, r) => sum + r.delivered, 0)).toBe(count);
        expect(reports.reduce((sum, r) => sum + r.duplicates, 0)).toBe(0);
        const receipts = await expectEachProcessedOnce(simulator, count);
        expect(receipts.every((r) => r.deliveries === 1)).toBe(true);
        const unsent = await db
          .selectFrom('transmissions')
          .select('id')
          .where('state', '!=', 'sent')
          .execute();
        expect(unsent).toEqual([]);
      } finally {
        await simulator.stop();
        await db.destroy();
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      }
    },
  );
});
