import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { postgresSchemaOf } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<readonly string[]> {
  const schema = await postgresSchemaOf(db);
  const migrator = new Migrator({
    db,
    provider: migrationProvider(),
    // Kysely looks for its bookkeeping tables in every schema unless told which one: with a
    // second schema in the database (parallel tests, another tenant) it would find theirs.
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
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
