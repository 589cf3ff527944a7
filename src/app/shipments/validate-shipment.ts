/**
 * validateShipment(deps, actor, { shipmentId }) → { issues } relative to the shipment (any
 * role), checked inside its trip's fields when it belongs to one.
 */
import type { Issue } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { shipmentIssues } from '../shared/issues.js';
import { companyOf, shipmentOf } from '../shared/lookups.js';

export async function validateShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly shipmentId: string },
): Promise<{ issues: readonly Issue[] }> {
  return deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      const record = await shipmentOf(repos, actor, input.shipmentId);
      const trip =
        record.tripId === null ? undefined : await repos.trips.findById(company.id, record.tripId);
      return { issues: shipmentIssues(deps, company, record.shipment, trip?.document ?? null) };
    },
    { readOnly: true },
  );
}
