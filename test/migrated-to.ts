import { randomBytes } from 'node:crypto';
import { Migrator, sql, type Kysely } from 'kysely';
import { migrationProvider } from '../src/storage/migrations/index.js';
import { openDatabase } from '../src/storage/open-database.js';
import type { Database } from '../src/storage/schema.js';
import { POSTGRES_URL, withAdmin } from './postgres-schemas.js';

/**
 * A fresh database of `kind` migrated up to `migration` and no further (a migration's test
 * fills it as the service left it then, and migrates to the latest), and how to be rid of it:
 * SQLite in memory, or a PostgreSQL schema of its own.
 */
export async function migratedTo(
  kind: 'sqlite' | 'postgres',
  migration: string,
): Promise<{ db: Kysely<Database>; release: () => Promise<void> }> {
  const schema =
    kind === 'postgres' ? `m${migration.slice(0, 4)}_${randomBytes(6).toString('hex')}` : undefined;
  if (schema !== undefined) await withAdmin((admin) => admin.query(`create schema ${schema}`));
  const db = openDatabase({
    ...(kind === 'postgres' ? { url: POSTGRES_URL, postgresSchema: schema } : {}),
    sqlitePath: ':memory:',
  });
  const release = async () => {
    await db.destroy();
    if (schema === undefined) return;
    await withAdmin((admin) => admin.query(`drop schema ${schema} cascade`));
  };
  const migrator = new Migrator({
    db,
    provider: migrationProvider(),
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const result = await migrator.migrateTo(migration);
  if (result.error !== undefined) {
    await release();
    throw new Error(`migrating to ${migration} failed`, { cause: result.error });
  }
  return { db, release };
}

/** A company `c1` (SCAC ABCD) in a database of any schema since the first migration. */
export async function oldCompany(db: Kysely<Database>): Promise<void> {
  await sql`insert into companies (id, name, scac, trip_number_prefix, created_at, updated_at)
    values ('c1', 'Carrier', 'ABCD', 'ABCD', 'now', 'now')`.execute(db);
}
