import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migratedTo, oldCompany } from '../../../test/migrated-to.js';
import { migrateToLatest } from '../migrate.js';
import { filingRepository } from '../repositories/filing.repository.js';

describe.each(['sqlite', 'postgres'] as const)(
  'migration 0022 on %s: the filing documents in a table of their own',
  (kind) => {
    it('moves each state’s documents beside a narrow states table, and the states stay as they were', async () => {
      const { db, release } = await migratedTo(kind, '0021-sent-to-cbp-columns');
      try {
        // As the service stored them before: the documents in the state's row.
        const old = db as unknown as Kysely<{ filing_states: Record<string, unknown> }>;
        await oldCompany(db);
        const row = (
          scn: string,
          status: string,
          sent: { action: string; snapshot: unknown } | null,
          accepted: unknown,
        ) => ({
          company_id: 'c1',
          trip_id: 't1',
          scn,
          status,
          accepted_json: accepted === null ? null : JSON.stringify(accepted),
          sent_action: sent?.action ?? null,
          sent_snapshot_json:
            sent === null || sent.snapshot === null ? null : JSON.stringify(sent.snapshot),
          updated_at: '2026-11-30T12:00:00.000Z',
        });
        await old
          .insertInto('filing_states')
          .values([
            row('', 'transmitted', { action: 'original', snapshot: { tripNumber: 'ABCD1' } }, null),
            row('ABCD0000000001', 'accepted', null, { n: 1 }),
            row(
              'ABCD0000000002',
              'transmitted',
              { action: 'update', snapshot: { n: 22 } },
              { n: 2 },
            ),
            row('ABCD0000000003', 'transmitted', { action: 'delete', snapshot: null }, { n: 3 }),
            row('ABCD0000000004', 'rejected', null, null),
          ])
          .execute();
        expect(await migrateToLatest(db)).toEqual(['0022-filing-documents']);
        const repository = filingRepository(db);
        const states = await db
          .transaction()
          .execute((trx) => filingRepository(trx).states('c1', 't1'));
        expect(
          states.map(({ scn, status, accepted, sent }) => [scn, status, accepted, sent]),
        ).toEqual([
          ['', 'transmitted', null, { action: 'original', snapshot: { tripNumber: 'ABCD1' } }],
          ['ABCD0000000001', 'accepted', { n: 1 }, null],
          ['ABCD0000000002', 'transmitted', { n: 2 }, { action: 'update', snapshot: { n: 22 } }],
          ['ABCD0000000003', 'transmitted', { n: 3 }, { action: 'delete', snapshot: null }],
          ['ABCD0000000004', 'rejected', null, null],
        ]);
        // The states hold no document any more; only those with one have a documents row.
        const [state] = await db.selectFrom('filing_states').selectAll().limit(1).execute();
        expect(Object.keys(state ?? {}).sort()).toEqual([
          'company_id',
          'scn',
          'sent_action',
          'status',
          'trip_id',
          'updated_at',
        ]);
        const documents = await db
          .selectFrom('filing_documents')
          .select('scn')
          .orderBy('scn')
          .execute();
        expect(documents.map((d) => d.scn)).toEqual([
          '',
          'ABCD0000000001',
          'ABCD0000000002',
          'ABCD0000000003',
        ]);
        // The key and the index by SCN came back with the table (a 350 finds states by SCN).
        const bySCN = await repository.statusesOfScns('c1', ['ABCD0000000004']);
        expect(bySCN.map((s) => s.status)).toEqual(['rejected']);
        await expect(
          db
            .insertInto('filing_states')
            .values({
              company_id: 'c1',
              trip_id: 't1',
              scn: 'ABCD0000000004',
              status: 'draft',
              sent_action: null,
              updated_at: 'now',
            })
            .execute(),
        ).rejects.toThrow();
      } finally {
        await release();
      }
    });
  },
);
