import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/storage-harness.js';
import type { NewAuditEntry } from '../app/shared/ports/index.js';
import type { ShipmentRecord } from '../app/shared/records.js';
import { createSqlStore, repositoriesFor } from './sql-store.js';

/**
 * The batch path's statements as named statements on PostgreSQL (named-statements.ts): the same
 * rows as before, only the recurring row counts prepared, and a statement that fails leaves
 * its name usable.
 */
describeOnDatabases('named statements of the batch path', (ctx) => {
  const now = '2026-11-30T12:00:00.000Z';
  const entry = (companyId: string, entityId: string): NewAuditEntry => ({
    companyId,
    actorUserId: null,
    actorTokenId: null,
    at: now,
    entityType: 'shipment',
    entityId,
    tripId: null,
    action: 'csv-import',
    before: null,
    after: { shipmentControlNumber: entityId },
  });
  const shipment = (companyId: string, scn: string, position: number): ShipmentRecord => ({
    id: crypto.randomUUID(),
    companyId,
    tripId: null,
    position,
    shipment: { shipmentControlNumber: scn },
    version: 1,
    createdAt: now,
    updatedAt: now,
  });

  it('writes every row and prepares the one-row and 100-row inserts, not the others', async () => {
    const { companyId } = await ctx().newCompany();
    const { db, kind } = ctx();
    const prepared = await db.transaction().execute(async (trx) => {
      const repos = repositoriesFor(trx);
      for (const count of [1, 2, 100]) {
        const entries = Array.from({ length: count }, (_, i) => entry(companyId, `E${count}-${i}`));
        await repos.audit.append(entries);
      }
      if (kind !== 'postgres') return [];
      // The transaction's own connection: the statements this session prepared.
      const { rows } = await sql<{ statement: string }>`
        select statement from pg_prepared_statements where statement like 'insert into "audit_log"%'
      `.execute(trx);
      return rows.map((row) => (row.statement.match(/\(\$\d+/g) ?? []).length);
    });
    const stored = await ctx()
      .db.selectFrom('audit_log')
      .select('entity_id')
      .where('company_id', '=', companyId)
      .where('action', '=', 'csv-import')
      .execute();
    expect(stored).toHaveLength(103);
    // On PostgreSQL: one prepared insert of 1 row and one of 100 (counted by their row tuples).
    expect(prepared.sort((a, b) => a - b)).toEqual(kind === 'postgres' ? [1, 100] : []);
  });

  it('keeps a named insert usable after it failed on a unique SCN', async () => {
    const { companyId } = await ctx().newCompany();
    const store = createSqlStore(ctx().db);
    await store.transaction((repos) => repos.shipments.insert([shipment(companyId, 'NNNN1', 1)]));
    // The same one-row statement, now violating (company_id, scn): the transaction rolls back.
    await expect(
      store.transaction((repos) => repos.shipments.insert([shipment(companyId, 'NNNN1', 2)])),
    ).rejects.toThrow(/claimed the same unique value/);
    for (let position = 2; position <= 5; position += 1) {
      await store.transaction((repos) =>
        repos.shipments.insert([shipment(companyId, `NNNN${position}`, position)]),
      );
    }
    const stored = await ctx()
      .db.selectFrom('shipments')
      .select('scn')
      .where('company_id', '=', companyId)
      .orderBy('scn')
      .execute();
    expect(stored.map((row) => row.scn)).toEqual(['NNNN1', 'NNNN2', 'NNNN3', 'NNNN4', 'NNNN5']);
  });
});
