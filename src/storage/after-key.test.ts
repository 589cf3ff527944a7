import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { planNodes } from '../../test/postgres-plans.js';
import { describeOnDatabases } from '../../test/storage-harness.js';
import { afterKey } from './cursor.js';
import type { Database } from './schema.js';

/** Rows with ties on the first column, so that the second decides. */
const ROWS: readonly (readonly [number, string])[] = [
  [1, 'a'],
  [1, 'c'],
  [2, 'a'],
  [2, 'b'],
  [2, 'd'],
  [3, 'a'],
  [5, 'b'],
];

/** A table of (a, b) with an index on both, for this transaction only. */
async function keyedTable(trx: Transaction<Database>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const temporary =
    kind === 'postgres'
      ? 'temporary table keyset (a integer, b text) on commit drop'
      : 'temp table keyset (a integer, b text)';
  // SQLite keeps a temporary table on its connection past the transaction.
  if (kind === 'sqlite')
    await trx.executeQuery(CompiledQuery.raw('drop table if exists temp.keyset'));
  await trx.executeQuery(CompiledQuery.raw(`create ${temporary}`));
  await trx.executeQuery(CompiledQuery.raw('create index keyset_ab on keyset (a, b)'));
  for (const [a, b] of ROWS) {
    await sql`insert into keyset (a, b) values (${a}, ${b})`.execute(trx);
  }
}

async function after(
  db: Kysely<Database>,
  key: readonly [number, string],
  direction: 'asc' | 'desc',
): Promise<[number, string][]> {
  const order = sql.raw(direction);
  const result = await sql<{
    a: number;
    b: string;
  }>`select a, b from keyset where ${afterKey(['a', 'b'], key, direction)} order by a ${order}, b ${order}`.execute(
    db,
  );
  return result.rows.map((row) => [row.a, row.b]);
}

describeOnDatabases('afterKey: keyset pages', (ctx) => {
  it('gives the rows after the key in either direction, the second column deciding ties', async () => {
    const { db, kind } = ctx();
    await db.transaction().execute(async (trx) => {
      await keyedTable(trx, kind);
      const ascending = [...ROWS];
      const descending = [...ROWS].reverse();
      for (const [n, key] of ascending.entries()) {
        expect(await after(trx, key, 'asc'), `after ${key.join()}`).toEqual(ascending.slice(n + 1));
      }
      for (const [n, key] of descending.entries()) {
        expect(await after(trx, key, 'desc'), `before ${key.join()}`).toEqual(
          descending.slice(n + 1),
        );
      }
      // A key between rows: the rows on each side of it.
      expect(await after(trx, [2, 'c'], 'asc')).toEqual([
        [2, 'd'],
        [3, 'a'],
        [5, 'b'],
      ]);
      expect(await after(trx, [2, 'c'], 'desc')).toEqual([
        [2, 'b'],
        [2, 'a'],
        [1, 'c'],
        [1, 'a'],
      ]);
    });
  });

  it('starts the index on both columns at the key, instead of reading it from its start', async () => {
    const { db, kind } = ctx();
    await db.transaction().execute(async (trx) => {
      await keyedTable(trx, kind);
      const page =
        sql`select a, b from keyset where ${afterKey(['a', 'b'], [2, 'b'])} order by a, b limit 3`.compile(
          trx,
        );
      if (kind === 'sqlite') {
        const plan = await trx.executeQuery(
          CompiledQuery.raw(`explain query plan ${page.sql}`, [...page.parameters]),
        );
        const details = plan.rows.map((row) => String((row as { detail: unknown }).detail));
        expect(details).toEqual([
          expect.stringMatching(
            /^SEARCH keyset USING (COVERING )?INDEX keyset_ab \(\(a,b\)>\(\?,\?\)\)$/,
          ),
        ]);
        return;
      }
      // Seven rows: without this the planner reads the table whole, index or not.
      await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
      const plan = await trx.executeQuery(
        CompiledQuery.raw(`explain (format json) ${page.sql}`, [...page.parameters]),
      );
      const scans = planNodes(plan.rows, (node) => node['Node Type'].includes('Index'));
      expect(scans).toHaveLength(1);
      expect(scans[0]?.['Index Cond']).toMatch(/^\(ROW\(a, b\) > ROW\(/);
      expect(scans[0]?.Filter).toBeUndefined();
    });
  });
});
