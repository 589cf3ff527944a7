import type { Kysely, Migration } from 'kysely';

/**
 * The filing history of one shipment, or of the trip's own row, without reading the trip's
 * whole history: a trip of 100,000 shipments gathers about half a million entries. Whether CBP
 * acknowledged the last sync reads the trip's own entries (its 997s), and a hold removed goes
 * back to the shipment's status before the hold.
 */
export function filingHistoryByScnMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('filing_history_trip_scn')
        .on('filing_history')
        .columns(['company_id', 'trip_id', 'scn', 'seq'])
        .execute();
    },
  };
}
