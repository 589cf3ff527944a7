/** getTrip(deps, actor, { tripId }) → TripRecord, without shipments (any role). */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { tripOf } from '../shared/lookups.js';
import type { TripRecord } from '../shared/records.js';

export async function getTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string },
): Promise<TripRecord> {
  return deps.store.transaction((repos) => tripOf(repos, actor, input.tripId), { readOnly: true });
}
