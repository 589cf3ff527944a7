/**
 * validateTrip(deps, actor, { tripId, now? }) → { issues, shipmentIds } — the whole trip with
 * all its shipments through the rule engine, at `now` (default: the clock), and the id of each
 * shipment an issue's path names (`/shipments/3/…` → shipmentIds["3"]), so a client that has
 * not loaded every shipment can still link a problem to its shipment. Any role.
 */
import { inShipment, type Issue } from '../../domain/index.js';
import { validateDocument } from '../../rules/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

export async function validateTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly now?: Date | undefined },
): Promise<{ issues: readonly Issue[]; shipmentIds: Readonly<Record<string, string>> }> {
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const trip = await tripOf(repos, actor, input.tripId);
    const shipments = await repos.shipments.allOfTrip(company.id, trip.id);
    const document = assembleTripDocument(trip, shipments);
    const issues = validateDocument(document, {
      now: input.now ?? deps.clock.now(),
      scac: company.scac,
      regulations: deps.regulations,
    });
    const shipmentIds: Record<string, string> = {};
    for (const issue of issues) {
      const index = inShipment(issue.path)?.index;
      const id = index === undefined ? undefined : shipments[index]?.id;
      if (index !== undefined && id !== undefined) shipmentIds[String(index)] = id;
    }
    return { issues, shipmentIds };
  });
}
