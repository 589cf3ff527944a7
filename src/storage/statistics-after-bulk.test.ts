import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/storage-harness.js';
import type { Database } from './schema.js';
import { createSqlStore } from './sql-store.js';

/**
 * How many times PostgreSQL analyzed `table` (by hand or by this store); on SQLite, how many
 * statistics rows ANALYZE left for it (none unless something ran it).
 */
async function analyzed(
  db: Kysely<Database>,
  kind: 'sqlite' | 'postgres',
  table: string,
): Promise<number> {
  if (kind === 'sqlite') {
    const stat = await sql<{ count: number }>`
      select count(*) as count from sqlite_master where type = 'table' and name = 'sqlite_stat1'
    `.execute(db);
    if (stat.rows[0]?.count === 0) return 0;
    const rows = await sql<{ count: number }>`
      select count(*) as count from sqlite_stat1 where tbl = ${table}
    `.execute(db);
    return rows.rows[0]?.count ?? 0;
  }
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

  it('analyzes a table one committed transaction filled, on PostgreSQL only, and only then', async () => {
    const { db, kind } = ctx();
    // SQLite's planner needs no statistics to read a trip's page by its index: nothing runs.
    const once = kind === 'postgres' ? 1 : 0;
    const analyzedNow = (table: string) => analyzed(db, kind, table);
    const { companyId } = await ctx().newCompany();
    const store = createSqlStore(db, { analyzeFromRows: 50 });
    const before = await analyzedNow('scn_registry');
    const shipmentsBefore = await analyzedNow('shipments');
    // Below the threshold, in two transactions of 40: no ANALYZE.
    await store.transaction((repos) => repos.scns.claim(companyId, claims('FEWA', 40), now));
    await store.transaction((repos) => repos.scns.claim(companyId, claims('FEWB', 40), now));
    expect(await analyzedNow('scn_registry')).toBe(before);
    // Rolled back: nothing was loaded.
    await expect(
      store.transaction(async (repos) => {
        await repos.scns.claim(companyId, claims('UNDO', 60), now);
        throw new Error('the import failed');
      }),
    ).rejects.toThrow('the import failed');
    expect(await analyzedNow('scn_registry')).toBe(before);
    // 60 rows in one transaction, in two batches: analyzed once it committed.
    await store.transaction(async (repos) => {
      await repos.scns.claim(companyId, claims('BULKA', 30), now);
      await repos.scns.claim(companyId, claims('BULKB', 30), now);
    });
    expect(await analyzedNow('scn_registry')).toBe(before + once);
    // Only the table that was filled.
    expect(await analyzedNow('shipments')).toBe(shipmentsBefore);
  });

  it('counts the filing history and states a sync or CBP’s answers write', async () => {
    const { db, kind } = ctx();
    const once = kind === 'postgres' ? 1 : 0;
    const { companyId } = await ctx().newCompany();
    const store = createSqlStore(db, { analyzeFromRows: 50 });
    const [historyBefore, statesBefore] = [
      await analyzed(db, kind, 'filing_history'),
      await analyzed(db, kind, 'filing_states'),
    ];
    const tripId = crypto.randomUUID();
    const scns = Array.from({ length: 60 }, (_, n) => `ABCD${String(n).padStart(10, '0')}`);
    const accepted = (scn: string) => ({ companyId, tripId, scn, status: 'accepted' as const });
    // 30 of each, below the threshold: every row is counted once, and nothing is analyzed.
    await store.transaction(async (repos) => {
      await repos.filing.appendHistory(
        scns
          .slice(0, 30)
          .map((scn) => ({ ...accepted(scn), at: now, detail: {}, archiveId: null })),
      );
      await repos.filing.putStates(
        scns
          .slice(0, 30)
          .map((scn) => ({ ...accepted(scn), accepted: null, sent: null, updatedAt: now })),
      );
    });
    expect(await analyzed(db, kind, 'filing_history')).toBe(historyBefore);
    expect(await analyzed(db, kind, 'filing_states')).toBe(statesBefore);
    await store.transaction(async (repos) => {
      await repos.filing.appendHistory(
        scns.map((scn) => ({ ...accepted(scn), at: now, detail: {}, archiveId: null })),
      );
      await repos.filing.changeStates(
        scns.map((scn) => ({ ...accepted(scn), effect: 'accepted' as const, updatedAt: now })),
      );
    });
    expect(await analyzed(db, kind, 'filing_history')).toBe(historyBefore + once);
    expect(await analyzed(db, kind, 'filing_states')).toBe(statesBefore + once);
  });
});
