import { foldText } from '../../../domain/index.js';
import type { ShipmentRecord } from '../../shared/records.js';
import type { UsedDescription } from '../../shared/ports/index.js';

/**
 * The descriptions `records` use, one per folded text, each from its latest use (by the
 * shipment's change time; `records` in any order) with that commodity's units.
 */
export function usedDescriptions(records: readonly ShipmentRecord[]): UsedDescription[] {
  const latest = new Map<string, UsedDescription>();
  for (const record of records) {
    for (const commodity of record.shipment.commodities ?? []) {
      const description = commodity.description?.trim();
      if (description === undefined || description === '') continue;
      const folded = foldText(description);
      const known = latest.get(folded);
      if (known !== undefined && known.usedAt > record.updatedAt) continue;
      latest.set(folded, {
        folded,
        description,
        packagingUnit: commodity.packagingUnit,
        weightUnit: commodity.weightUnit,
        usedAt: record.updatedAt,
      });
    }
  }
  return [...latest.values()];
}
