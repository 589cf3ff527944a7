import type { Kysely, Migration } from 'kysely';

/**
 * Filing states by company and SCN: CBP's 350 names a shipment only by its SCN, so ingesting a
 * batch of statuses looks each one up by (company, SCN). The primary key starts with the trip
 * and cannot serve that look-up; without this index it scans the company's states.
 */
export function filingStatesByScnMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('filing_states_by_scn')
        .on('filing_states')
        .columns(['company_id', 'scn'])
        .execute();
    },
  };
}
