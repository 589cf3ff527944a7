import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Trips, shipments and the SCN registry. A trip number once per carrier; an SCN once per
 * carrier for (at least) three years, even after deletion: constraints, not only code.
 */
export function tripsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('trips')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_number', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('port_of_arrival', 'text')
        .addColumn('estimated_arrival', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        // Soft-deleted trips keep their row, so a trip number is never given out twice.
        .addUniqueConstraint('trips_trip_number', ['company_id', 'trip_number'])
        // Lets shipments reference (company, trip): a shipment cannot join another carrier's trip.
        .addUniqueConstraint('trips_company_id', ['company_id', 'id'])
        .addCheckConstraint('trips_status', sql`status in ('draft', 'filed', 'cancelled')`)
        .addCheckConstraint('trips_version', sql`version > 0`)
        .execute();
      await db.schema
        .createIndex('trips_company_created')
        .on('trips')
        .columns(['company_id', 'created_at', 'id'])
        .execute();

      await db.schema
        .createTable('shipments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_id', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('scn', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addForeignKeyConstraint('shipments_trip', ['company_id', 'trip_id'], 'trips', [
          'company_id',
          'id',
        ])
        .addUniqueConstraint('shipments_scn', ['company_id', 'scn'])
        .addCheckConstraint('shipments_version', sql`version > 0`)
        .execute();
      await db.schema
        .createIndex('shipments_trip_position')
        .on('shipments')
        .columns(['company_id', 'trip_id', 'position', 'id'])
        .execute();

      await db.schema
        .createTable('scn_registry')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('scn', 'text', (c) => c.notNull())
        .addColumn('shipment_id', 'text', (c) => c.notNull())
        .addColumn('first_used_at', 'text', (c) => c.notNull())
        // 19 CFR 123.92 / ACE: an SCN is unique for at least three years; rows are never deleted.
        .addPrimaryKeyConstraint('scn_registry_pk', ['company_id', 'scn'])
        .addCheckConstraint('scn_registry_scn', sql`length(scn) > 0`)
        .execute();
    },
  };
}
