import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * The company's logo, printed on its lead sheets: one picture per company, in a table of its
 * own so reading the company (every request) never loads the bytes. The bytes are a BLOB on
 * SQLite and bytea on PostgreSQL; the format and size are what the upload read from them.
 */
export function companyLogoMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const bytes = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
      await db.schema
        .createTable('company_logos')
        .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
        .addColumn('media_type', 'text', (c) =>
          c.notNull().check(sql`media_type in ('image/png', 'image/jpeg')`),
        )
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
