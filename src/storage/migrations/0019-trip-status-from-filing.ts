import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A trip's own status follows its filing from now on (syncTrip: filed from the first sync,
 * cancelled by a cancel); before, it stayed `draft` whatever was sent. Trips already synced are
 * brought in line: those with interchanges are filed, and those whose cancel CBP confirmed are
 * cancelled (so the day's lead sheets leave them out).
 */
export function tripStatusFromFilingMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`
        update trips set status = 'filed'
        where status = 'draft' and exists (
          select 1 from transmissions t
          where t.company_id = trips.company_id and t.trip_id = trips.id
        )`.execute(db);
      await sql`
        update trips set status = 'cancelled'
        where exists (
          select 1 from filing_states f
          where f.company_id = trips.company_id and f.trip_id = trips.id
            and f.scn = '' and f.status = 'cancelled'
        )`.execute(db);
    },
  };
}
