/**
 * Shared pieces of the benchmarks: a migrated database in a temp folder, a company to work
 * in, a seeded random generator (same data every run), and percentile arithmetic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Actor, AppDeps } from '../src/app/index.js';
import { bootstrapCompany, randomIds, systemClock } from '../src/app/index.js';
import {
  createSqlStore,
  migrateToLatest,
  openDatabase,
  type Database,
} from '../src/storage/index.js';

export interface BenchDatabase {
  readonly label: string;
  readonly db: Kysely<Database>;
  readonly deps: AppDeps;
  close(): Promise<void>;
}

export async function openBenchDatabase(postgresUrl?: string): Promise<BenchDatabase> {
  if (postgresUrl === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-bench-'));
    const db = openDatabase({ sqlitePath: join(dir, 'bench.sqlite') });
    await migrateToLatest(db);
    return {
      label: 'SQLite (file, WAL)',
      db,
      deps: { store: createSqlStore(db), clock: systemClock, ids: randomIds },
      close: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${process.pid}_${Date.now()}`;
  const admin = openDatabase({ url: postgresUrl, sqlitePath: ':memory:', postgresPoolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const db = openDatabase({ url: postgresUrl, sqlitePath: ':memory:', postgresSchema: schema });
  await migrateToLatest(db);
  return {
    label: 'PostgreSQL',
    db,
    deps: { store: createSqlStore(db), clock: systemClock, ids: randomIds },
    close: async () => {
      await db.destroy();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

export async function benchCompany(deps: AppDeps, scac: string): Promise<Actor> {
  const { company, admin } = await bootstrapCompany(
    { ...deps, scrypt: { ln: 10, r: 8, p: 1 } },
    {
      company: { name: `Bench ${scac}`, scac, defaultPortOfArrival: '0901' },
      admin: {
        email: `bench@${scac.toLowerCase()}.example`,
        displayName: 'Bench',
        password: 'bench password',
      },
    },
  );
  return { kind: 'user', companyId: company.id, userId: admin.id, role: 'admin' };
}

/** mulberry32: small, fast, seeded; the same parties every run, so numbers compare. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export async function timeEach(
  inputs: readonly string[],
  run: (input: string) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await run(input);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export { ms, percentile } from './measure.js';
