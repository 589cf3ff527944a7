/** getTrip(deps, actor, { tripId }) → TripRecord, without shipments (any role). */
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import { tripOf } from './lookups.js';
import type { TripRecord } from './records.js';

export async function getTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string },
): Promise<TripRecord> {
  return deps.store.transaction((repos) => tripOf(repos, actor, input.tripId));
}
