/**
 * validateTrip(deps, actor, { tripId, now? }) → { issues, shipmentIds } — the whole trip with
 * all its shipments through the rule engine, at `now` (default: the clock), and the id of each
 * shipment an issue's path names (`/shipments/3/…` → shipmentIds["3"]), so a client that has
 * not loaded every shipment can still link a problem to its shipment. Any role. The shipments
 * are read a page at a time (support/stored-trip-findings.ts): a 100,000-shipment trip is
 * never held whole. A big trip's answer is kept a minute while nothing in it changes, shared
 * with the trips list's error count (support/trip-validation-cache.ts).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { storedTripFindings } from './support/stored-trip-findings.js';
import {
  CACHED_FROM_SHIPMENTS,
  validationStamp,
  keptValidation,
  keepValidation,
  tripValidation,
  type TripValidation,
} from './support/trip-validation-cache.js';

export async function validateTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly now?: Date | undefined },
): Promise<TripValidation> {
  const { company, trip, totals } = await deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      const trip = await tripOf(repos, actor, input.tripId);
      return { company, trip, totals: await repos.shipments.totalsOfList(company.id, trip.id) };
    },
    { readOnly: true },
  );
  const now = input.now ?? deps.clock.now();
  // A check as of another instant than the clock's is made each time.
  const stamp =
    input.now === undefined && totals !== undefined && totals.count >= CACHED_FROM_SHIPMENTS
      ? validationStamp(trip, totals, company.scac)
      : undefined;
  const kept = stamp === undefined ? undefined : keptValidation(deps, trip, stamp, now);
  if (kept !== undefined) return kept;
  const validation = tripValidation(await storedTripFindings(deps, company, trip, now));
  if (stamp !== undefined) keepValidation(deps, trip, stamp, now, validation);
  return validation;
}
