/**
 * validateTrip(deps, actor, { tripId, now? }) → { issues } — the whole trip with all its
 * shipments through the rule engine, at `now` (default: the clock). Any role.
 */
import type { Issue } from '../../domain/index.js';
import { validateDocument } from '../../rules/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

export async function validateTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly now?: Date | undefined },
): Promise<{ issues: readonly Issue[] }> {
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const trip = await tripOf(repos, actor, input.tripId);
    const shipments = await repos.shipments.allOfTrip(company.id, trip.id);
    const document = assembleTripDocument(trip, shipments);
    return {
      issues: validateDocument(document, {
        now: input.now ?? deps.clock.now(),
        scac: company.scac,
        regulations: deps.regulations,
      }),
    };
  });
}
