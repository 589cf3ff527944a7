import type { Kysely, Migration } from 'kysely';

/**
 * Commodity descriptions a company has used, for the Add Commodity page's suggestions from its
 * whole history (docs/web-app.md): one row per distinct description (folded: case and accents),
 * with the units it was last used with. Filled from the shipments on demand, a bounded step at
 * a time, past a mark (the last shipment read, by change time), so neither a save nor a bulk
 * import pays for it. The index on shipments by change time serves both that step and the
 * suggestions' read of the newest shipments, which scanned and sorted every shipment of the
 * company before.
 */
export function commodityDescriptionsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('shipments_company_updated')
        .on('shipments')
        .columns(['company_id', 'updated_at', 'id'])
        .execute();
      await db.schema
        .createTable('commodity_descriptions')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('folded', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('packaging_unit', 'text')
        .addColumn('weight_unit', 'text')
        .addColumn('used_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('commodity_descriptions_pk', ['company_id', 'folded'])
        .execute();
      await db.schema
        .createIndex('commodity_descriptions_company_used')
        .on('commodity_descriptions')
        .columns(['company_id', 'used_at'])
        .execute();
      await db.schema
        .createTable('commodity_description_marks')
        .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('shipment_id', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
