import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * The documents of a filing state (what CBP accepted last, what was sent and not answered yet)
 * in a table of their own, `filing_documents`, beside a narrow `filing_states`. Each state of a
 * 100,000-shipment trip carried its shipment's JSON once or twice: every count of the trip's
 * statuses (the filing view, the entity tag the web app asks for every 3 s, a status few stand
 * in) read 250 MB to 1 GB on PostgreSQL, a second or more, and each answer of CBP rewrote the
 * documents with the status (ADR 0029). Only a sync and CBP's answers that move a document touch
 * them now.
 *
 * The states table is made again rather than two columns dropped: PostgreSQL drops a column
 * without rewriting its rows, so the old documents would have stayed in every row until each
 * is written again. A state and its documents share the key (company, trip, SCN); a state
 * without a documents row has none.
 */
export function filingDocumentsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('filing_documents')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_id', 'text', (c) => c.notNull())
        .addColumn('scn', 'text', (c) => c.notNull())
        // What CBP accepted last (canonical JSON), compared by the next sync.
        .addColumn('accepted_json', 'text')
        // The document as sent and not answered yet (its action stays on the state).
        .addColumn('sent_snapshot_json', 'text')
        .addPrimaryKeyConstraint('filing_documents_pk', ['company_id', 'trip_id', 'scn'])
        .execute();
      await sql`
        insert into filing_documents (company_id, trip_id, scn, accepted_json, sent_snapshot_json)
        select company_id, trip_id, scn, accepted_json, sent_snapshot_json from filing_states
        where accepted_json is not null or sent_snapshot_json is not null`.execute(db);

      // The wide table steps aside under another name; its key's name is PostgreSQL's index
      // name too, which the narrow table takes.
      await sql`drop index filing_states_by_scn`.execute(db);
      await sql`alter table filing_states rename to filing_states_wide`.execute(db);
      if (dialectOf(db) === 'postgres') {
        await sql`alter table filing_states_wide rename constraint filing_states_pk to filing_states_wide_pk`.execute(
          db,
        );
      }
      await db.schema
        .createTable('filing_states')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_id', 'text', (c) => c.notNull())
        // '' for the trip itself, else the shipment's SCN.
        .addColumn('scn', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        // The action of what was sent and not answered yet (its document: filing_documents).
        .addColumn('sent_action', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('filing_states_pk', ['company_id', 'trip_id', 'scn'])
        .execute();
      await sql`
        insert into filing_states (company_id, trip_id, scn, status, sent_action, updated_at)
        select company_id, trip_id, scn, status, sent_action, updated_at from filing_states_wide`.execute(
        db,
      );
      await sql`drop table filing_states_wide`.execute(db);
      // As migration 0013 made it: CBP's 350 names a shipment by its SCN alone.
      await db.schema
        .createIndex('filing_states_by_scn')
        .on('filing_states')
        .columns(['company_id', 'scn'])
        .execute();
      // The planner's statistics of the new tables (PostgreSQL's manual, "Populating a
      // Database": run ANALYZE afterwards); until autovacuum came round it took a trip's
      // 100,000 states for three. SQLite plans without them.
      if (dialectOf(db) === 'postgres')
        await sql`analyze filing_states, filing_documents`.execute(db);
    },
  };
}
