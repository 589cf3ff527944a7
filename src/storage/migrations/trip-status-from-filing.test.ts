import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { tripStatusFromFilingMigration } from './0019-trip-status-from-filing.js';

describeOnDatabases("migration 0019: a trip's status from its filing", (ctx) => {
  it('files the trips already synced and cancels those whose cancel CBP confirmed', async () => {
    const company = await ctx().newCompany();
    const { db } = ctx();
    const now = '2026-11-30T12:00:00.000Z';
    const trip = (id: string, tripNumber: string) => ({
      id,
      company_id: company.companyId,
      trip_number: tripNumber,
      status: 'draft',
      port_of_arrival: null,
      estimated_arrival: null,
      search_text: '',
      document: '{}',
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    // As before this migration: three drafts, two of them synced, one of those cancelled.
    const ids = { draft: 'trip-draft', synced: 'trip-synced', cancelled: 'trip-cancelled' };
    await db
      .insertInto('trips')
      .values([
        trip(ids.draft, `${company.scac}0001`),
        trip(ids.synced, `${company.scac}0002`),
        trip(ids.cancelled, `${company.scac}0003`),
      ])
      .execute();
    await db
      .insertInto('transmissions')
      .values(
        [ids.synced, ids.cancelled].map((tripId, n) => ({
          id: `transmission-${tripId}`,
          company_id: company.companyId,
          trip_id: tripId,
          trip_number: `${company.scac}000${String(n + 2)}`,
          set_id: '358',
          purpose: 'original',
          control_number: n + 1,
          scns_json: '[]',
          payload: 'ISA…',
          state: 'sent',
          attempts: 1,
          next_attempt_at: now,
          created_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('filing_states')
      .values({
        company_id: company.companyId,
        trip_id: ids.cancelled,
        scn: '',
        status: 'cancelled',
        sent_action: null,
        updated_at: now,
      })
      .execute();

    await tripStatusFromFilingMigration().up(db);

    const rows = await db
      .selectFrom('trips')
      .select(['id', 'status', 'version'])
      .where('company_id', '=', company.companyId)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: ids.cancelled, status: 'cancelled', version: 1 },
      { id: ids.draft, status: 'draft', version: 1 },
      { id: ids.synced, status: 'filed', version: 1 },
    ]);
  });
});
