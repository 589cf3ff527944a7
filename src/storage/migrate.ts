import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { isSqliteBusy, retryWhileBusy, type BusyWait } from './busy.js';
import { dialectOf, postgresSchemaOf } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

/**
 * How often a migration run that lost a race with someone else's DDL is tried again.
 * Kysely's PostgreSQL introspector scans every schema in the database and calls
 * `has_schema_privilege(name, 'USAGE')` on each; a schema dropped between the catalogue scan and
 * that call raises SQLSTATE 3F000 ("schema … does not exist") although ours is untouched; a table
 * or column another session is migrating raises 42P01 or 42703 from `pg_get_serial_sequence` the
 * same way. Other tenants' schemas, parallel test runs and blue-green deploys all do this.
 */
const RACED_ATTEMPTS = 10;

function migratorOf(db: Kysely<Database>, schema: string | undefined): Migrator {
  return new Migrator({
    db,
    provider: migrationProvider(),
    // Kysely looks for its bookkeeping tables in every schema unless told which one: with a
    // second schema in the database (parallel tests, another tenant) it would find theirs.
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
}

/**
 * How far the schema is from the latest version, without changing anything: how many
 * migrations have run and how many have not (`applied` 0: no database of ours there at all).
 */
export async function schemaVersion(
  db: Kysely<Database>,
): Promise<{ readonly applied: number; readonly pending: number }> {
  const migrations = await migratorOf(db, await postgresSchemaOf(db)).getMigrations();
  const applied = migrations.filter((migration) => migration.executedAt !== undefined).length;
  return { applied, pending: migrations.length - applied };
}

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(
  db: Kysely<Database>,
  busyWait?: BusyWait,
): Promise<readonly string[]> {
  const schema = await postgresSchemaOf(db);
  const migrator = migratorOf(db, schema);
  // SQLite: another process (an import, a backup) holding the write lock makes a pending
  // migration wait for it on a timer, as a transaction does (busy.ts), instead of failing after
  // the connection's short busy timeout. A run refused the lock changed nothing (Kysely runs
  // SQLite's migrations in one transaction), so it is run again whole.
  const run = async (): Promise<MigrationResultSet> => {
    const outcome = await migrator.migrateToLatest();
    if (outcome.error !== undefined && isSqliteBusy(outcome.error)) {
      throw outcome.error instanceof Error
        ? outcome.error
        : Object.assign(new Error('database is locked', { cause: outcome.error }), {
            code: 'SQLITE_BUSY',
          });
    }
    return outcome;
  };
  let result: MigrationResultSet =
    dialectOf(db) === 'sqlite' ? await retryWhileBusy(run, () => true, busyWait) : await run();
  for (let attempt = 1; attempt < RACED_ATTEMPTS && lostSchemaRace(result, schema); attempt++) {
    // Someone's DDL is under way: give it a moment (20 ms, 40 ms, … ) before scanning again.
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    result = await migrator.migrateToLatest();
  }
  const failed = result.results?.find((step) => step.status === 'Error');
  if (result.error !== undefined) {
    const name = failed === undefined ? '' : ` (${failed.migrationName})`;
    throw new Error(
      `Database migration failed${name}: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return (result.results ?? []).map((step) => step.migrationName);
}

/**
 * What a catalogue object vanishing or changing under Kysely's scan raises: a schema
 * (3F000), a table (42P01) or a column (42703) that another session dropped or was migrating
 * between the scan's snapshot and a catalogue function's own lookup.
 */
const CATALOGUE_RACES = new Set(['3F000', '42P01', '42703']);

/**
 * True when the run failed in Kysely's bookkeeping (no migration of ours failed) with an error
 * of another session's DDL. A missing schema of our own is a real error and is not retried.
 * The migrations run in one transaction on PostgreSQL (transactional DDL), so a retry starts
 * from what last committed.
 */
export function lostSchemaRace(result: MigrationResultSet, ownSchema: string | undefined): boolean {
  const error = result.error;
  if (ownSchema === undefined || !(error instanceof Error)) return false;
  if (result.results?.some((step) => step.status === 'Error') === true) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !CATALOGUE_RACES.has(code)) return false;
  if (code !== '3F000') return true;
  const missing = /schema "([^"]+)" does not exist/.exec(error.message)?.[1];
  return missing !== undefined && missing !== ownSchema;
}
