/**
 * exportShipmentsCsv(deps, actor, { tripId }) → { tripNumber, csv } — anyone in the company downloads a
 * trip's shipments (or the unassociated list) as the bulk-upload template
 * (docs/csv-template.md): uploading the file again reads back the same shipments.
 */
import { shipmentCsv } from '../../csv/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { inTurnWhenLarge } from '../shared/large-work.js';
import { shipmentsIn, tripOf } from '../shared/lookups.js';

export async function exportShipmentsCsv(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string | null },
): Promise<{ readonly tripNumber: string | null; readonly csv: string }> {
  // The whole list is held to be written: a large trip waits for the large work before it.
  const shipments =
    input.tripId === null
      ? 0
      : await deps.store.transaction(
          async (repos) => {
            const trip = await tripOf(repos, actor, input.tripId ?? '');
            const totals = await repos.shipments.totalsOfTrips(actor.companyId, [trip.id]);
            return totals.get(trip.id)?.count ?? 0;
          },
          { readOnly: true },
        );
  return inTurnWhenLarge(shipments, () =>
    deps.store.transaction(
      async (repos) => {
        const trip = input.tripId === null ? undefined : await tripOf(repos, actor, input.tripId);
        const records = await shipmentsIn(repos, actor.companyId, trip?.id ?? null);
        const tripNumber = trip?.tripNumber ?? null;
        return { tripNumber, csv: shipmentCsv(records.map((record) => record.shipment)) };
      },
      { readOnly: true },
    ),
  );
}
