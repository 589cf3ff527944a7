import type { Kysely, Migration } from 'kysely';

/**
 * Links to the driver's page of one trip: a signed, expiring URL a dispatcher sends the driver
 * (no account). The token is never stored; it carries the link id and expiry and is signed
 * with the service's key, and this row says whether the link was revoked.
 */
export function driverLinksMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('driver_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('driver_links_by_trip')
        .on('driver_links')
        .columns(['company_id', 'trip_id'])
        .execute();
    },
  };
}
