import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { ScnRegistry } from '../../app/shared/ports/index.js';
import { dialectOf } from '../dialect.js';
import { namedOnPostgres } from '../named-statements.js';
import type { Database } from '../schema.js';
import type { TableBatch } from '../table-batch.js';

export function scnRegistry(db: Kysely<Database>, batch: TableBatch): ScnRegistry {
  return {
    async register(companyId, scn, shipmentId, at) {
      // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed
      // statement would abort the whole transaction.
      const result = await db
        .insertInto('scn_registry')
        .values({ company_id: companyId, scn, shipment_id: shipmentId, first_used_at: at })
        .onConflict((oc) => oc.columns(['company_id', 'scn']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 1) return 'registered';
      const owner = await db
        .selectFrom('scn_registry')
        .select('shipment_id')
        .where('company_id', '=', companyId)
        .where('scn', '=', scn)
        .executeTakeFirstOrThrow();
      return owner.shipment_id === shipmentId ? 'already-this-shipment' : 'taken';
    },
    async claim(companyId, claims, at) {
      // Skipping a conflict keeps a PostgreSQL transaction usable; the SCNs skipped were taken.
      const skipped = await batch.insert(
        'scn_registry',
        ['company_id', 'scn', 'shipment_id', 'first_used_at'],
        claims.map((c) => [companyId, c.scn, c.shipmentId, at]),
        { skipConflicts: { identifiedBy: 'scn' } },
      );
      return new Set(skipped.map((index) => claims[index]?.scn ?? ''));
    },
    async used(companyId, scns) {
      const found = new Set<string>();
      if (scns.length === 0) return found;
      // The whole list is one parameter (an array on PostgreSQL, JSON text on SQLite).
      const result = await db.executeQuery(namedOnPostgres(db, usedScnsQuery(db, companyId, scns)));
      for (const row of result.rows) found.add(row.scn);
      return found;
    },
  };
}

/**
 * The look-up behind `used`: which of `scns` the company already holds. Exported for the test
 * that reads its plan.
 *
 * On PostgreSQL, one primary-key probe per SCN whatever the planner believes. As
 * `company_id = $1 and scn in (…)`, in a registry without statistics (a first import's rows
 * are all new inside its one transaction, where ANALYZE cannot see them) the company's rows were
 * estimated at 1/200 of the table, so the plan read the company's whole range of the key and
 * filtered it on `scn`: 12 ms a call at 100,000 SCNs, for every 100 shipments imported. The
 * LATERAL subquery names `wanted.scn`, so it can only run once per SCN, as a nested loop over
 * both columns of the key.
 *
 * On SQLite, the list as one JSON array read by json_each: the statement's text is the same for
 * any number of SCNs. An `in` list of one placeholder per SCN was a new statement for each
 * count, compiled by Kysely and prepared by SQLite on every call: a bulk upload asks once per
 * step of 100 shipments, and that was 3–4 % of a 10,000-shipment import. The planner probes the
 * key once per value either way.
 */
export function usedScnsQuery(
  db: Kysely<Database>,
  companyId: string,
  scns: readonly string[],
): CompiledQuery<{ scn: string }> {
  if (dialectOf(db) === 'postgres') {
    return sql<{ scn: string }>`
      select wanted.scn
      from unnest(${scns}::text[]) as wanted (scn)
      cross join lateral (
        select 1 from scn_registry where company_id = ${companyId} and scn = wanted.scn limit 1
      ) as held`.compile(db);
  }
  return sql<{ scn: string }>`
    select scn from scn_registry
    where company_id = ${companyId} and scn in (select value from json_each(${JSON.stringify(scns)}))`.compile(
    db,
  );
}
