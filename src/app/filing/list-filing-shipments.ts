/**
 * listFilingShipments(deps, actor, { tripId, status, cursor, limit }) → a page of where the
 * trip's shipments stand at CBP — any role: each shipment on the trip in its order (a draft
 * until first sent), then those sent and since taken off it. The status view carries the first
 * page and the count in each status; a trip of 100,000 shipments is read here a page at a time,
 * or only the shipments in one status (the three CBP rejected).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { FilingStatus, ShipmentFilingStatus } from '../shared/ports/index.js';
import type { Page, PageRequest } from '../shared/records.js';

export async function listFilingShipments(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly status?: FilingStatus | undefined } & PageRequest,
): Promise<Page<ShipmentFilingStatus>> {
  return deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      const trip = await tripOf(repos, actor, input.tripId);
      return repos.filing.shipmentStatusPage(company.id, trip.id, input);
    },
    { readOnly: true },
  );
}
