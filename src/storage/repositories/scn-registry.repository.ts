import type { Kysely } from 'kysely';
import type { ScnRegistry } from '../../app/shared/ports/index.js';
import type { Database } from '../schema.js';

/** Lists of SCNs are checked in chunks: both databases cap the number of bound parameters. */
const CHUNK = 500;

export function scnRegistry(db: Kysely<Database>): ScnRegistry {
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
    async used(companyId, scns) {
      const found = new Set<string>();
      for (let start = 0; start < scns.length; start += CHUNK) {
        const rows = await db
          .selectFrom('scn_registry')
          .select('scn')
          .where('company_id', '=', companyId)
          .where('scn', 'in', scns.slice(start, start + CHUNK))
          .execute();
        for (const row of rows) found.add(row.scn);
      }
      return found;
    },
  };
}
