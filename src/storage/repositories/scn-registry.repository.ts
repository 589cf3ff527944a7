import type { Kysely } from 'kysely';
import type { ScnRegistry } from '../../app/shared/ports/index.js';
import { chunks } from '../chunks.js';
import type { Database } from '../schema.js';
import type { TableBatch } from '../table-batch.js';

export function scnRegistry(db: Kysely<Database>, batch?: TableBatch): ScnRegistry {
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
      const taken = new Set<string>();
      if (batch !== undefined) {
        const skipped = await batch.insert(
          'scn_registry',
          ['company_id', 'scn', 'shipment_id', 'first_used_at'],
          claims.map((c) => [companyId, c.scn, c.shipmentId, at]),
          { onConflictDoNothing: true },
        );
        for (const index of skipped) taken.add(claims[index]?.scn ?? '');
        return taken;
      }
      for (const chunk of chunks(claims)) {
        // As in register: ON CONFLICT DO NOTHING keeps a PostgreSQL transaction usable, and
        // RETURNING names the rows written, so the SCNs missing from it were already taken.
        const rows = await db
          .insertInto('scn_registry')
          .values(
            chunk.map((c) => ({
              company_id: companyId,
              scn: c.scn,
              shipment_id: c.shipmentId,
              first_used_at: at,
            })),
          )
          .onConflict((oc) => oc.columns(['company_id', 'scn']).doNothing())
          .returning('scn')
          .execute();
        const registered = new Set(rows.map((row) => row.scn));
        for (const c of chunk) if (!registered.has(c.scn)) taken.add(c.scn);
      }
      return taken;
    },
    async used(companyId, scns) {
      const found = new Set<string>();
      for (const chunk of chunks(scns)) {
        const rows = await db
          .selectFrom('scn_registry')
          .select('scn')
          .where('company_id', '=', companyId)
          .where('scn', 'in', chunk)
          .execute();
        for (const row of rows) found.add(row.scn);
      }
      return found;
    },
  };
}
