import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migratedTo, oldCompany } from '../../../test/migrated-to.js';
import { migrateToLatest } from '../migrate.js';
import { filingRepository } from '../repositories/filing.repository.js';

describe.each(['sqlite', 'postgres'] as const)(
  'migration 0021 on %s: what was sent to CBP, in two columns',
  (kind) => {
    it('moves the action and the snapshot of each state waiting on CBP, and keeps the rest', async () => {
      const { db, release } = await migratedTo(kind, '0020-filing-history-by-scn');
      try {
        // As a sync wrote them before: the action and the document in one JSON object.
        const old = db as unknown as Kysely<{ filing_states: Record<string, unknown> }>;
        await oldCompany(db);
        const row = (scn: string, sent: unknown, accepted: unknown) => ({
          company_id: 'c1',
          trip_id: 't1',
          scn,
          status: 'transmitted',
          accepted_json: accepted === null ? null : JSON.stringify(accepted),
          sent_json: sent === null ? null : JSON.stringify(sent),
          updated_at: '2026-11-30T12:00:00.000Z',
        });
        await old
          .insertInto('filing_states')
          .values([
            row('', { action: 'original', snapshot: { tripNumber: 'ABCD1' } }, null),
            row(
              'ABCD0000000001',
              { scn: 'ABCD0000000001', action: 'add', snapshot: { n: 1 } },
              null,
            ),
            row(
              'ABCD0000000002',
              { scn: 'ABCD0000000002', action: 'delete', snapshot: null },
              {
                n: 2,
              },
            ),
            row('ABCD0000000003', null, { n: 3 }),
          ])
          .execute();
        expect(await migrateToLatest(db)).toEqual([
          '0021-sent-to-cbp-columns',
          '0022-filing-documents',
        ]);
        const states = await db
          .transaction()
          .execute((trx) => filingRepository(trx).states('c1', 't1'));
        expect(states.map(({ scn, accepted, sent }) => ({ scn, accepted, sent }))).toEqual([
          {
            scn: '',
            accepted: null,
            sent: { action: 'original', snapshot: { tripNumber: 'ABCD1' } },
          },
          { scn: 'ABCD0000000001', accepted: null, sent: { action: 'add', snapshot: { n: 1 } } },
          { scn: 'ABCD0000000002', accepted: { n: 2 }, sent: { action: 'delete', snapshot: null } },
          { scn: 'ABCD0000000003', accepted: { n: 3 }, sent: null },
        ]);
      } finally {
        await release();
      }
    });
  },
);
