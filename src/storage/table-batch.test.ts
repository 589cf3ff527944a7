import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/storage-harness.js';
import { createSqlStore } from './sql-store.js';

/**
 * The batch path's inserts inside a store transaction: prepared statements on SQLite, multi-row
 * statements on PostgreSQL; the same results on both, and a rollback takes them all back.
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
