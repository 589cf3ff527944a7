/**
 * listShipments(deps, actor, { tripId, text?, cursor?, limit? }) → Page<ShipmentRecord> — a
 * trip's shipments in document order, or the unassociated ones (`tripId: null`);
 * keyset-paginated for trips of 10,000 shipments. Any role.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { tripOf } from '../shared/lookups.js';
import type { ShipmentFilter } from '../shared/ports/index.js';
import type { Page, PageRequest, ShipmentRecord } from '../shared/records.js';

export async function listShipments(
  deps: AppDeps,
  actor: Actor,
  input: ShipmentFilter & PageRequest,
): Promise<Page<ShipmentRecord>> {
  return deps.store.transaction(
    async (repos) => {
      // Another company's trip id must look like an unknown one, not like an empty trip.
      if (input.tripId !== null) await tripOf(repos, actor, input.tripId);
      return repos.shipments.list(
        actor.companyId,
        { tripId: input.tripId, text: input.text },
        { cursor: input.cursor, limit: input.limit },
      );
    },
    { readOnly: true },
  );
}
