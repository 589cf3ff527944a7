import type { Kysely, Migration } from 'kysely';
import { dialectOf } from '../dialect.js';

/** Append-only change history: who, when, what (before/after). */
export function auditLogMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const dialect = dialectOf(db);
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'integer', (c) =>
          dialect === 'postgres'
            ? c.primaryKey().generatedByDefaultAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('actor_user_id', 'text')
        .addColumn('actor_token_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('trip_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_entity')
        .on('audit_log')
        .columns(['company_id', 'entity_type', 'entity_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('audit_log_trip')
        .on('audit_log')
        .columns(['company_id', 'trip_id', 'seq'])
        .execute();
    },
  };
}
