import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.js';

/** Address book (with the quick-assign term index), reusable profiles and trip templates. */
export function masterDataMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // PostgreSQL compares text by locale; quick-assign needs byte order for prefix range scans.
      const termType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
      await db.schema
        .createTable('parties')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name_normalized', 'text', (c) => c.notNull())
        .addColumn('city_normalized', 'text', (c) => c.notNull())
        .addColumn('postal_normalized', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addCheckConstraint('parties_kind', sql`kind in ('shipper', 'consignee', 'broker')`)
        .addCheckConstraint('parties_version', sql`version > 0`)
        .execute();
      await db.schema
        .createIndex('parties_company_name')
        .on('parties')
        .columns(['company_id', 'name_normalized', 'id'])
        .execute();

      await db.schema
        .createTable('party_search_terms')
        .addColumn('company_id', 'text', (c) => c.notNull())
        .addColumn('term', termType, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('party_id', 'text', (c) =>
          c.notNull().references('parties.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('party_search_terms_pk', ['company_id', 'term', 'party_id'])
        .execute();
      await db.schema
        .createIndex('party_search_terms_kind')
        .on('party_search_terms')
        .columns(['company_id', 'kind', 'term', 'party_id'])
        .execute();
      await db.schema
        .createIndex('party_search_terms_party')
        .on('party_search_terms')
        .columns(['party_id', 'term'])
        .execute();

      await db.schema
        .createTable('profiles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addCheckConstraint(
          'profiles_kind',
          sql`kind in ('truck', 'trailer', 'driver', 'passenger')`,
        )
        .execute();
      await db.schema
        .createIndex('profiles_company_kind')
        .on('profiles')
        .columns(['company_id', 'kind', 'name'])
        .execute();

      await db.schema
        .createTable('templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('templates_name', ['company_id', 'name'])
        .execute();
    },
  };
}
