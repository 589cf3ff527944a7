/**
 * exportShipmentsCsv(deps, actor, { tripId }) → CSV lines — anyone in the company downloads a
 * trip's shipments (or the unassociated list) as the bulk-upload template
 * (docs/csv-template.md): uploading the file again reads back the same shipments.
 */
import { shipmentCsvLines } from '../../csv/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { tripOf } from '../shared/lookups.js';
import type { ShipmentRecord } from '../shared/records.js';

export async function exportShipmentsCsv(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string | null },
): Promise<{ readonly tripNumber: string | null; readonly lines: Iterable<string> }> {
  return deps.store.transaction(async (repos) => {
    let records: readonly ShipmentRecord[];
    let tripNumber: string | null = null;
    if (input.tripId === null) {
      const all: ShipmentRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await repos.shipments.list(
          actor.companyId,
          { tripId: null },
          { cursor, limit: 1000 },
        );
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      records = all;
    } else {
      const trip = await tripOf(repos, actor, input.tripId);
      tripNumber = trip.tripNumber;
      records = await repos.shipments.allOfTrip(actor.companyId, trip.id);
    }
    return { tripNumber, lines: shipmentCsvLines(records.map((record) => record.shipment)) };
  });
}
