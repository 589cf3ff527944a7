import type { Migration, MigrationProvider } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { accountsMigration } from './0001-accounts.js';
import { masterDataMigration } from './0002-master-data.js';
import { tripsMigration } from './0003-trips.js';
import { auditLogMigration } from './0004-audit-log.js';
import { tripNumberRegistryMigration } from './0005-trip-number-registry.js';
import { tripSearchPlatesMigration } from './0006-trip-search-plates.js';

/**
 * Forward-only migrations, listed in code rather than found by scanning a folder, so they run
 * the same from src/ (tests) and dist/ (production). Never edit a published one: add the next.
 */
export function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001-accounts': accountsMigration(),
    '0002-master-data': masterDataMigration(dialect),
    '0003-trips': tripsMigration(),
    '0004-audit-log': auditLogMigration(dialect),
    '0005-trip-number-registry': tripNumberRegistryMigration(),
    '0006-trip-search-plates': tripSearchPlatesMigration(),
  };
}

export function migrationProvider(dialect: SqlDialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrationsFor(dialect)) };
}
