import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/storage-harness.js';
import { migrateToLatest } from './migrate.js';
import { repositoriesFor } from './sql-store.js';

/** The invariants hold in the database itself, even for code that bypasses the use cases. */
describeOnDatabases('database constraints', (ctx) => {
  const now = '2026-11-28T12:00:00.000Z';

  async function insertTrip(companyId: string, id: string, tripNumber: string): Promise<void> {
    await ctx()
      .db.insertInto('trips')
      .values({
        id,
        company_id: companyId,
        trip_number: tripNumber,
        status: 'draft',
        port_of_arrival: null,
        estimated_arrival: null,
        search_text: '',
        document: '{"data":"ACE_TRIP"}',
        version: 1,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
  }

  it('migrating again is a no-op', async () => {
    expect(await migrateToLatest(ctx().db)).toEqual([]);
  });

  it('refuses a second trip with the same number in one company, even a deleted one', async () => {
    const { companyId } = await ctx().newCompany();
    await insertTrip(companyId, crypto.randomUUID(), 'XXXX0001');
    await ctx().db.updateTable('trips').set({ deleted_at: now }).execute();
    await expect(insertTrip(companyId, crypto.randomUUID(), 'XXXX0001')).rejects.toThrow();
  });

  it('allows the same trip number in two companies', async () => {
    const a = await ctx().newCompany();
    const b = await ctx().newCompany();
    await insertTrip(a.companyId, crypto.randomUUID(), 'SAME0001');
    await expect(insertTrip(b.companyId, crypto.randomUUID(), 'SAME0001')).resolves.toBeUndefined();
  });

  it('refuses an SCN registered twice for one company', async () => {
    const { companyId } = await ctx().newCompany();
    const row = { company_id: companyId, scn: 'ABCD000000000001', first_used_at: now };
    await ctx()
      .db.insertInto('scn_registry')
      .values({ ...row, shipment_id: 'a' })
      .execute();
    await expect(
      ctx()
        .db.insertInto('scn_registry')
        .values({ ...row, shipment_id: 'b' })
        .execute(),
    ).rejects.toThrow();
  });

  it('refuses unknown roles and party kinds', async () => {
    const { companyId } = await ctx().newCompany();
    await expect(
      ctx()
        .db.insertInto('api_tokens')
        .values({
          id: crypto.randomUUID(),
          company_id: companyId,
          name: 'x',
          role: 'owner',
          token_hash: crypto.randomUUID(),
          created_by: null,
          created_at: now,
          last_used_at: null,
          revoked_at: null,
        })
        .execute(),
    ).rejects.toThrow();
    await expect(
      sql`insert into parties (id, company_id, kind, name_normalized, city_normalized, postal_normalized, data, version, created_at, updated_at)
          values (${crypto.randomUUID()}, ${companyId}, 'carrier', '', '', '', '{}', 1, ${now}, ${now})`.execute(
        ctx().db,
      ),
    ).rejects.toThrow();
  });

  it('refuses a shipment on another company’s trip', async () => {
    const a = await ctx().newCompany();
    const b = await ctx().newCompany();
    const tripId = crypto.randomUUID();
    await insertTrip(a.companyId, tripId, 'TRIP0001');
    await expect(
      ctx()
        .db.insertInto('shipments')
        .values({
          id: crypto.randomUUID(),
          company_id: b.companyId,
          trip_id: tripId,
          position: 1,
          scn: 'SCN1',
          search_text: '',
          data: '{}',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('claims a batch of SCNs and names those another shipment already holds', async () => {
    const { companyId } = await ctx().newCompany();
    const scns = repositoriesFor(ctx().db).scns;
    const first = await scns.claim(companyId, [{ scn: 'ZZZZ1', shipmentId: 'a' }], now);
    const second = await scns.claim(
      companyId,
      [
        { scn: 'ZZZZ1', shipmentId: 'b' },
        { scn: 'ZZZZ2', shipmentId: 'c' },
      ],
      now,
    );
    expect([...first]).toEqual([]);
    expect([...second]).toEqual(['ZZZZ1']);
    expect([...(await scns.used(companyId, ['ZZZZ1', 'ZZZZ2']))].sort()).toEqual([
      'ZZZZ1',
      'ZZZZ2',
    ]);
  });
});
