/**
 * getShipment(deps, actor, { shipmentId }) → ShipmentRecord (any role).
 * validateShipment(deps, actor, { shipmentId }) → { issues } relative to the shipment.
 */
import type { Issue } from '../domain/index.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import { shipmentIssues } from './issues.js';
import { companyOf, shipmentOf } from './lookups.js';
import type { ShipmentRecord } from './records.js';

export async function getShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly shipmentId: string },
): Promise<ShipmentRecord> {
  return deps.store.transaction((repos) => shipmentOf(repos, actor, input.shipmentId));
}

export async function validateShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly shipmentId: string },
): Promise<{ issues: readonly Issue[] }> {
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const record = await shipmentOf(repos, actor, input.shipmentId);
    const trip =
      record.tripId === null ? undefined : await repos.trips.findById(company.id, record.tripId);
    return { issues: shipmentIssues(deps, company, record.shipment, trip?.document ?? null) };
  });
}
