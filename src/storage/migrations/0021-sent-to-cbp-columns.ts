import type { Kysely, Migration } from 'kysely';

/**
 * What a sync sent of a trip or shipment, in two columns instead of one JSON object: the
 * action (`sent_action`) and the document as sent (`sent_snapshot_json`). CBP's answer then
 * moves the document where it belongs in SQL (accepted: `accepted_json` takes the snapshot;
 * rejected: it is dropped), and an ingest reads the actions alone: reading and writing the
 * JSON of a trip of 100,000 shipments took the service's heap to a gigabyte (ADR 0024).
 * The rows already stored (few: only what waits on CBP's answer) are moved a page at a time.
 */
export function sentToCbpColumnsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('filing_states').addColumn('sent_action', 'text').execute();
      await db.schema.alterTable('filing_states').addColumn('sent_snapshot_json', 'text').execute();
      await moveSentJson(db as Kysely<OldShape>);
      await db.schema.alterTable('filing_states').dropColumn('sent_json').execute();
    },
  };
}

/** The table as this migration finds it. */
interface OldShape {
  filing_states: {
    company_id: string;
    trip_id: string;
    scn: string;
    sent_json: string | null;
    sent_action: string | null;
    sent_snapshot_json: string | null;
  };
}

const PAGE = 1_000;

async function moveSentJson(db: Kysely<OldShape>): Promise<void> {
  for (;;) {
    const rows = await db
      .selectFrom('filing_states')
      .select(['company_id', 'trip_id', 'scn', 'sent_json'])
      .where('sent_json', 'is not', null)
      .where('sent_action', 'is', null)
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      const sent = JSON.parse(row.sent_json ?? 'null') as { action?: unknown; snapshot?: unknown };
      const snapshot = sent.snapshot ?? null;
      await db
        .updateTable('filing_states')
        // A state always names its action; one without is of no sync this service made.
        .set({
          sent_action: typeof sent.action === 'string' ? sent.action : 'unknown',
          sent_snapshot_json: snapshot === null ? null : JSON.stringify(snapshot),
        })
        .where('company_id', '=', row.company_id)
        .where('trip_id', '=', row.trip_id)
        .where('scn', '=', row.scn)
        .execute();
    }
  }
}
