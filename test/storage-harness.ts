/**
 * Runs a storage or use-case test suite on every database: SQLite always, PostgreSQL at
 * TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test). Each test file gets
 * its own PostgreSQL schema, emptied for the next file afterwards (test/postgres-schemas.ts), so
 * files run in parallel without colliding and never see each other's rows.
 * PostgreSQL unreachable: the PG suites fail under CI and are skipped (loudly) elsewhere.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { aMigratedSchema, POSTGRES_URL } from './postgres-schemas.js';
import type { Actor, AppDeps, Clock } from '../src/app/index.js';
import { AppError, bootstrapCompany } from '../src/app/index.js';
import {
  createSqlStore,
  migrateToLatest,
  openDatabase,
  type Database,
} from '../src/storage/index.js';

export { POSTGRES_URL };

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresProblem = await probePostgres();
if (postgresProblem !== undefined) {
  if (process.env['CI'] !== undefined) {
    throw new Error(`PostgreSQL at ${POSTGRES_URL} is required in CI: ${postgresProblem}`);
  }
  console.warn(
    `\n*** PostgreSQL at ${POSTGRES_URL} is unreachable (${postgresProblem}); ` +
      'the PostgreSQL half of the storage tests is SKIPPED. Set TEST_POSTGRES_URL or start it. ***\n',
  );
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-28T12:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestContext {
  readonly kind: DatabaseKind;
  readonly db: Kysely<Database>;
  readonly deps: AppDeps;
  readonly clock: TestClock;
  /** A new carrier with an admin; its actor and SCAC. Each call gives a fresh SCAC. */
  newCompany(overrides?: { tripNumberPrefix?: string }): Promise<TestCompany>;
}

export interface TestCompany {
  readonly companyId: string;
  readonly scac: string;
  readonly admin: Actor;
  readonly dispatcher: Actor;
  readonly viewer: Actor;
}

/** Cheap KDF for tests only: the production default costs ~100 ms per hash. */
export const TEST_SCRYPT = { ln: 10, r: 8, p: 1 } as const;

let scacCounter = 0;
function nextScac(): string {
  const n = scacCounter++;
  const letter = (i: number): string => String.fromCharCode(65 + (i % 26));
  // A random first letter keeps SCACs of different files apart in a shared database.
  return (
    letter(randomBytes(1)[0] ?? 0) +
    letter(Math.floor(n / 676)) +
    letter(Math.floor(n / 26)) +
    letter(n)
  );
}

/** A migrated database of `kind`, and how to be rid of it once closed. */
async function open(
  kind: DatabaseKind,
): Promise<{ db: Kysely<Database>; release: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const db = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(db);
    return { db, release: () => Promise.resolve() };
  }
  // A migrated, empty schema of this file's own (test/postgres-schemas.ts).
  const { schema, release } = await aMigratedSchema();
  const db = openDatabase({
    url: POSTGRES_URL,
    sqlitePath: ':memory:',
    postgresSchema: schema,
    postgresPoolSize: 4,
  });
  return { db, release };
}

/**
 * `describe`s the body once per database. The body gets a function returning the context
 * (ready inside tests and hooks, not while the suite is being declared).
 */
export function describeOnDatabases(title: string, body: (ctx: () => TestContext) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && postgresProblem !== undefined)(
      `${title} [${kind}]`,
      () => {
        let context: TestContext | undefined;
        let release = (): Promise<void> => Promise.resolve();
        beforeAll(async () => {
          const opened = await open(kind);
          const db = opened.db;
          release = opened.release;
          const clock = new TestClock();
          const deps: AppDeps = {
            store: createSqlStore(db),
            clock,
            ids: { newId: () => crypto.randomUUID() },
            scrypt: TEST_SCRYPT,
          };
          context = { kind, db, deps, clock, newCompany: (o) => newCompany(deps, o) };
        });
        afterAll(async () => {
          await context?.db.destroy();
          await release();
        });
        body(() => {
          if (context === undefined) throw new Error('The database is not open yet.');
          return context;
        });
      },
    );
  }
}

async function newCompany(
  deps: AppDeps,
  overrides: { tripNumberPrefix?: string } = {},
): Promise<TestCompany> {
  const scac = nextScac();
  const { company, admin } = await bootstrapCompany(deps, {
    company: { name: `Carrier ${scac}`, scac, defaultPortOfArrival: '0901', ...overrides },
    admin: {
      email: `admin@${scac.toLowerCase()}.example`,
      displayName: 'Admin',
      password: 'correct horse battery',
    },
  });
  const adminActor: Actor = {
    kind: 'user',
    companyId: company.id,
    userId: admin.id,
    role: 'admin',
  };
  // Role checks are tested elsewhere; these actors stand for members with those roles.
  return {
    companyId: company.id,
    scac,
    admin: adminActor,
    dispatcher: { ...adminActor, role: 'dispatcher' },
    viewer: { ...adminActor, role: 'viewer' },
  };
}

/**
 * What an import leaves behind in a company (shipments, audit entries, SCN claims, the SCN
 * sequence): a cancelled or rejected import must leave it as it was.
 */
export async function importFootprint(db: Kysely<Database>, companyId: string) {
  const count = async (table: 'shipments' | 'audit_log' | 'scn_registry') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('company_id', '=', companyId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const company = await db
    .selectFrom('companies')
    .select('next_scn_sequence')
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow();
  return {
    shipments: await count('shipments'),
    audit: await count('audit_log'),
    scns: await count('scn_registry'),
    nextScn: company.next_scn_sequence,
  };
}

/** The AppError a use case fails with (anything else is thrown on, and success fails the test). */
export async function appFailure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the use case to fail');
}
