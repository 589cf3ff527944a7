import { CompiledQuery } from 'kysely';
import { expect, it } from 'vitest';
import { planNodes } from '../../../test/postgres-plans.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { createSqlStore, repositoriesFor } from '../sql-store.js';
import { tableBatchFor } from '../table-batch.js';
import { usedScnsQuery } from './scn-registry.repository.js';

/** The "SCN already used" look-up every new shipment goes through (CSV upload: every 100). */
describeOnDatabases('SCN registry look-up', (ctx) => {
  const now = '2026-11-30T12:00:00.000Z';
  const scnsOf = (prefix: string, from: number, count: number): string[] =>
    Array.from({ length: count }, (_, i) => prefix + String(from + i).padStart(10, '0'));

  it('names the SCNs this company used, whatever characters they hold, and no other company’s', async () => {
    const a = await ctx().newCompany();
    const b = await ctx().newCompany();
    // Characters an array literal would have to quote: PostgreSQL gets the list as one array.
    const odd = 'Q\'"{x},\\ NULL';
    const store = createSqlStore(ctx().db);
    await store.transaction(async (repos) => {
      await repos.scns.claim(
        a.companyId,
        [
          { scn: 'XXXX1', shipmentId: 'a1' },
          { scn: odd, shipmentId: 'a2' },
        ],
        now,
      );
      await repos.scns.claim(b.companyId, [{ scn: 'XXXX2', shipmentId: 'b1' }], now);
    });
    const used = await store.transaction((repos) =>
      repos.scns.used(a.companyId, ['XXXX1', 'XXXX2', odd, 'XXXX1', 'NULL', 'XXXX3']),
    );
    expect([...used].sort()).toEqual([odd, 'XXXX1'].sort());
    expect(await store.transaction((repos) => repos.scns.used(a.companyId, []))).toEqual(new Set());
  });

  it('finds SCNs past the first statement’s worth', async () => {
    const { companyId } = await ctx().newCompany();
    const held = scnsOf('XXXX', 0, 1_200);
    const store = createSqlStore(ctx().db);
    await store.transaction((repos) =>
      repos.scns.claim(
        companyId,
        held.map((scn, i) => ({ scn, shipmentId: `s${i}` })),
        now,
      ),
    );
    const asked = [...held.filter((_, i) => i % 3 === 0), ...scnsOf('XXXX', 5_000, 300)];
    const used = await store.transaction((repos) => repos.scns.used(companyId, asked));
    expect(used).toEqual(new Set(held.filter((_, i) => i % 3 === 0)));
  });

  it('probes both columns of the key per SCN while a large import’s rows are uncommitted', async () => {
    // The CSV upload's case: thousands of SCNs claimed in the open transaction, which the
    // planner's statistics cannot know of, then the next 100 looked up.
    const { companyId } = await ctx().newCompany();
    const { db, kind } = ctx();
    const batch = tableBatchFor(db);
    const plan = await db.transaction().execute(async (trx) => {
      await repositoriesFor(trx, batch).scns.claim(
        companyId,
        scnsOf('XXXX', 0, 5_000).map((scn, i) => ({ scn, shipmentId: `s${i}` })),
        now,
      );
      const lookUp = usedScnsQuery(trx, companyId, scnsOf('XXXX', 5_000, 100));
      const explain = kind === 'postgres' ? 'explain (format json) ' : 'explain query plan ';
      const result = await trx.executeQuery(
        CompiledQuery.raw(explain + lookUp.sql, [...lookUp.parameters]),
      );
      return result.rows;
    });
    if (kind === 'sqlite') {
      // The registry is searched by its key, once per SCN of the list; never scanned.
      const details = plan.map((row) => String((row as { detail: unknown }).detail));
      expect(details[0]).toMatch(
        /^SEARCH scn_registry USING (COVERING )?INDEX \S+ \(company_id=\? AND scn=\?\)$/,
      );
      expect(details.filter((detail) => detail.includes('scn_registry'))).toHaveLength(1);
      return;
    }
    const scans = planNodes(plan, (node) => node['Relation Name'] === 'scn_registry');
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan['Node Type']).toMatch(/^Index (Only )?Scan$/);
      expect(scan['Index Name']).toBe('scn_registry_pk');
      expect(scan['Index Cond']).toMatch(/company_id = .* AND \(?scn = /);
      expect(scan.Filter).toBeUndefined();
    }
  });
});
