import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/storage-harness.js';
import type { Database } from './schema.js';
import { createSqlStore } from './sql-store.js';

/** How many times PostgreSQL analyzed `table` (by hand or by this store). */
async function analyzed(db: Kysely<Database>, table: string): Promise<number> {
  const result = await sql<{ count: string }>`
    select analyze_count::text as count from pg_stat_user_tables where relid = ${table}::regclass
  `.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

describeOnDatabases('statistics after a bulk load', (ctx) => {
  const now = '2026-12-02T08:00:00.000Z';
  const claims = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, n) => ({
      scn: `${prefix}${n}`,
      shipmentId: `${prefix}-${n}`,
    }));

  it('analyzes on PostgreSQL a table that one committed transaction filled, and only then', async () => {
    const { db, kind } = ctx();
    const { companyId } = await ctx().newCompany();
    const store = createSqlStore(db, { analyzeFromRows: 50 });
    if (kind === 'sqlite') {
      // SQLite's planner needs no statistics to read a trip's page by its index; nothing runs.
      await store.transaction((repos) => repos.scns.claim(companyId, claims('SQLT', 60), now));
      return;
    }
    const before = await analyzed(db, 'scn_registry');
    const shipmentsBefore = await analyzed(db, 'shipments');
    // Below the threshold, in two transactions of 40: no ANALYZE.
    await store.transaction((repos) => repos.scns.claim(companyId, claims('FEWA', 40), now));
    await store.transaction((repos) => repos.scns.claim(companyId, claims('FEWB', 40), now));
    expect(await analyzed(db, 'scn_registry')).toBe(before);
    // Rolled back: nothing was loaded.
    await expect(
      store.transaction(async (repos) => {
        await repos.scns.claim(companyId, claims('UNDO', 60), now);
        throw new Error('the import failed');
      }),
    ).rejects.toThrow('the import failed');
    expect(await analyzed(db, 'scn_registry')).toBe(before);
    // 60 rows in one transaction, in two batches: analyzed once it committed.
    await store.transaction(async (repos) => {
      await repos.scns.claim(companyId, claims('BULKA', 30), now);
      await repos.scns.claim(companyId, claims('BULKB', 30), now);
    });
    expect(await analyzed(db, 'scn_registry')).toBe(before + 1);
    // Only the table that was filled.
    expect(await analyzed(db, 'shipments')).toBe(shipmentsBefore);
  });

  it('counts the filing history and states a sync or CBP’s answers write', async () => {
    const { db, kind } = ctx();
    if (kind === 'sqlite') return;
    const { companyId } = await ctx().newCompany();
    const store = createSqlStore(db, { analyzeFromRows: 50 });
    const [historyBefore, statesBefore] = [
      await analyzed(db, 'filing_history'),
      await analyzed(db, 'filing_states'),
    ];
    const tripId = crypto.randomUUID();
    const scns = Array.from({ length: 60 }, (_, n) => `ABCD${String(n).padStart(10, '0')}`);
    const accepted = (scn: string) => ({ companyId, tripId, scn, status: 'accepted' as const });
    await store.transaction(async (repos) => {
      await repos.filing.appendHistory(
        scns.map((scn) => ({ ...accepted(scn), at: now, detail: {}, archiveId: null })),
      );
      await repos.filing.changeStates(
        scns.map((scn) => ({ ...accepted(scn), effect: 'accepted' as const, updatedAt: now })),
      );
    });
    expect(await analyzed(db, 'filing_history')).toBe(historyBefore + 1);
    expect(await analyzed(db, 'filing_states')).toBe(statesBefore + 1);
  });
});
