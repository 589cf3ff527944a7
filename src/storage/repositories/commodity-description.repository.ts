import { sql, type Kysely } from 'kysely';
import type { CommodityDescriptionRepository } from '../../app/shared/ports/index.js';
import { chunks } from '../chunks.js';
import type { Database } from '../schema.js';
import { likeContains } from '../search-terms.js';

export function commodityDescriptionRepository(
  db: Kysely<Database>,
): CommodityDescriptionRepository {
  return {
    async mark(companyId) {
      const row = await db
        .selectFrom('commodity_description_marks')
        .select(['updated_at', 'shipment_id'])
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { updatedAt: row.updated_at, shipmentId: row.shipment_id };
    },
    async record(companyId, used, readTo) {
      for (const chunk of chunks(used)) {
        await db
          .insertInto('commodity_descriptions')
          .values(
            chunk.map((entry) => ({
              company_id: companyId,
              folded: entry.folded,
              description: entry.description,
              packaging_unit: entry.packagingUnit ?? null,
              weight_unit: entry.weightUnit ?? null,
              used_at: entry.usedAt,
            })),
          )
          // A later use replaces an earlier one, whichever reader gets there first.
          .onConflict((conflict) =>
            conflict
              .columns(['company_id', 'folded'])
              .doUpdateSet((eb) => ({
                description: eb.ref('excluded.description'),
                packaging_unit: eb.ref('excluded.packaging_unit'),
                weight_unit: eb.ref('excluded.weight_unit'),
                used_at: eb.ref('excluded.used_at'),
              }))
              .where((eb) =>
                eb('excluded.used_at', '>=', eb.ref('commodity_descriptions.used_at')),
              ),
          )
          .execute();
      }
      // Forward only: two readers of the same step may finish in either order.
      await db
        .insertInto('commodity_description_marks')
        .values({
          company_id: companyId,
          updated_at: readTo.updatedAt,
          shipment_id: readTo.shipmentId,
        })
        .onConflict((conflict) =>
          conflict
            .column('company_id')
            .doUpdateSet((eb) => ({
              updated_at: eb.ref('excluded.updated_at'),
              shipment_id: eb.ref('excluded.shipment_id'),
            }))
            .where(
              sql<boolean>`(excluded.updated_at, excluded.shipment_id) > (commodity_description_marks.updated_at, commodity_description_marks.shipment_id)`,
            ),
        )
        .execute();
    },
    async search(companyId, words, limit) {
      let query = db
        .selectFrom('commodity_descriptions')
        .select(['folded', 'description', 'packaging_unit', 'weight_unit', 'used_at'])
        .where('company_id', '=', companyId);
      for (const word of new Set(words)) {
        query = query.where(sql<boolean>`folded like ${likeContains(word)} escape '\\'`);
      }
      const rows = await query.orderBy('used_at', 'desc').orderBy('folded').limit(limit).execute();
      return rows.map((row) => ({
        folded: row.folded,
        description: row.description,
        packagingUnit: row.packaging_unit ?? undefined,
        weightUnit: row.weight_unit ?? undefined,
        usedAt: row.used_at,
      }));
    },
  };
}
