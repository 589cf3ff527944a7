import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/storage-harness.js';
import type { FilingState, FilingStatus } from '../app/shared/ports/index.js';
import { ROWS_PER_STATEMENT } from './chunks.js';
import { createSqlStore, repositoriesFor } from './sql-store.js';

/**
 * The batch path's inserts inside a store transaction: prepared statements on SQLite's handle,
 * multi-row statement texts otherwise; the same results on both, and a rollback takes them all
 * back.
 */
describeOnDatabases('batch inserts in a transaction', (ctx) => {
  const now = '2026-11-28T12:00:00.000Z';

  it('claims SCNs and names those already held, inside the transaction', async () => {
    const { companyId } = await ctx().newCompany();
    const store = createSqlStore(ctx().db);
    await store.transaction((repos) =>
      repos.scns.claim(companyId, [{ scn: 'YYYY1', shipmentId: 'a' }], now),
    );
    const taken = await store.transaction((repos) =>
      repos.scns.claim(
        companyId,
        [
          { scn: 'YYYY1', shipmentId: 'b' },
          { scn: 'YYYY2', shipmentId: 'c' },
        ],
        now,
      ),
    );
    expect([...taken]).toEqual(['YYYY1']);
  });

  it('names the held SCNs among claims of several statements, by either inserter', async () => {
    const { companyId } = await ctx().newCompany();
    const { db } = ctx();
    const scn = (n: number): string => `ZZZZ${String(n).padStart(10, '0')}`;
    const count = ROWS_PER_STATEMENT * 2 + 37;
    const held = [3, ROWS_PER_STATEMENT, ROWS_PER_STATEMENT + 1, count - 1];
    const claims = Array.from({ length: count }, (_, n) => ({ scn: scn(n), shipmentId: `s${n}` }));
    const store = createSqlStore(db);
    await store.transaction((repos) =>
      repos.scns.claim(
        companyId,
        held.map((n) => ({ scn: scn(n), shipmentId: `held${n}` })),
        now,
      ),
    );
    // The store's inserter (the handle's prepared statement on SQLite), then one that writes
    // through a bare transaction (multi-row texts on both databases).
    const taken = await store.transaction((repos) => repos.scns.claim(companyId, claims, now));
    expect([...taken].sort()).toEqual(held.map(scn));
    const again = await db
      .transaction()
      .execute((trx) =>
        repositoriesFor(trx).scns.claim(
          companyId,
          [...claims, { scn: scn(count), shipmentId: 'new' }],
          now,
        ),
      );
    expect(again.size).toBe(count);
    expect(again.has(scn(count))).toBe(false);
    const owners = await db
      .selectFrom('scn_registry')
      .select(['scn', 'shipment_id'])
      .where('company_id', '=', companyId)
      .where('scn', 'in', [scn(3), scn(4), scn(count)])
      .orderBy('scn')
      .execute();
    expect(owners).toEqual([
      { scn: scn(3), shipment_id: 'held3' },
      { scn: scn(4), shipment_id: 's4' },
      { scn: scn(count), shipment_id: 'new' },
    ]);
  });

  it("writes a sync's filing states over those stored, across several statements, by either inserter", async () => {
    const { companyId } = await ctx().newCompany();
    const { db } = ctx();
    const count = ROWS_PER_STATEMENT * 2 + 37;
    const state = (n: number, status: FilingStatus, sent: string | null): FilingState => ({
      companyId,
      tripId: 'trip-1',
      scn: `ZZZZ${String(n).padStart(10, '0')}`,
      status,
      accepted: null,
      sent: sent === null ? null : { action: 'add', snapshot: { orderReference: sent } },
      updatedAt: now,
    });
    const store = createSqlStore(db);
    await store.transaction((repos) =>
      repos.filing.putStates(
        Array.from({ length: count }, (_, n) => state(n, 'transmitted', 'first')),
      ),
    );
    // Every other one written again, then one more, through a bare transaction's inserter.
    const again = [
      ...Array.from({ length: count }, (_, n) => n)
        .filter((n) => n % 2 === 0)
        .map((n) => state(n, 'rejected', null)),
      state(count, 'transmitted', 'new'),
    ];
    await db.transaction().execute((trx) => repositoriesFor(trx).filing.putStates(again));
    const stored = await store.transaction((repos) => repos.filing.states(companyId, 'trip-1'));
    expect(stored).toHaveLength(count + 1);
    const byScn = new Map(stored.map((s) => [s.scn, s]));
    expect(byScn.get(state(0, 'rejected', null).scn)).toMatchObject({
      status: 'rejected',
      sent: null,
    });
    expect(byScn.get(state(1, 'transmitted', 'first').scn)).toMatchObject({
      status: 'transmitted',
      sent: { action: 'add', snapshot: { orderReference: 'first' } },
    });
    expect(byScn.get(state(count, 'transmitted', 'new').scn)?.sent?.snapshot).toEqual({
      orderReference: 'new',
    });
    expect(stored.filter((s) => s.status === 'rejected')).toHaveLength(Math.ceil(count / 2));
  });

  it('takes back shipments, SCN claims and audit entries when the transaction fails', async () => {
    const { companyId } = await ctx().newCompany();
    const store = createSqlStore(ctx().db);
    const id = crypto.randomUUID();
    await expect(
      store.transaction(async (repos) => {
        await repos.scns.claim(companyId, [{ scn: 'YYYY9', shipmentId: id }], now);
        await repos.shipments.insert([
          {
            id,
            companyId,
            tripId: null,
            position: 1,
            shipment: { shipmentControlNumber: 'YYYY9' },
            version: 1,
            createdAt: now,
            updatedAt: now,
          },
        ]);
        await repos.audit.append([
          {
            companyId,
            actorUserId: null,
            actorTokenId: null,
            at: now,
            entityType: 'shipment',
            entityId: id,
            tripId: null,
            action: 'csv-import',
            before: null,
            after: { shipmentControlNumber: 'YYYY9' },
          },
        ]);
        expect(await repos.shipments.findById(companyId, id)).toBeDefined();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await store.transaction(async (repos) => {
      expect(await repos.shipments.findById(companyId, id)).toBeUndefined();
      expect([...(await repos.scns.used(companyId, ['YYYY9']))]).toEqual([]);
      expect(await repos.audit.listForEntity(companyId, 'shipment', id)).toEqual([]);
    });
  });
});
