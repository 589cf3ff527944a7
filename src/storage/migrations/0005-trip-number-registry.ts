import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Every trip number a company ever used, like the SCN registry: a trip renamed after it was
 * sent leaves its old number behind at CBP, so the number is never given to another trip
 * (ACE answers "Shipment Already on File" after a trip number change). Rows are never
 * deleted. Existing trips' numbers are registered on the way up.
 */
export function tripNumberRegistryMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('trip_number_registry')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_number', 'text', (c) => c.notNull())
        .addColumn('trip_id', 'text', (c) => c.notNull())
        .addColumn('first_used_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('trip_number_registry_pk', ['company_id', 'trip_number'])
        .execute();
      await sql`
        insert into trip_number_registry (company_id, trip_number, trip_id, first_used_at)
        select company_id, trip_number, id, created_at from trips
      `.execute(db);
    },
  };
}
