import type { Actor } from '../../shared/actor.js';
import { recordChange } from '../../shared/audit.js';
import type { AppDeps } from '../../shared/deps.js';
import { staleVersion } from '../../shared/errors.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { TripRecord } from '../../shared/records.js';
import { tripSnapshot } from '../../shared/trip-documents.js';

/**
 * Stores a change to a trip's own fields as the next version, in the caller's transaction:
 * refused as STALE_VERSION when someone saved in between (the version is compared in the
 * UPDATE itself), audited with before and after. The caller answers with the whole trip's
 * findings once its transaction committed (`storedTripFindings`): read with the trip, they
 * held a 100,000-shipment trip in memory and the write open for seconds.
 */
export async function saveTripChange(
  repos: Repositories,
  deps: AppDeps,
  actor: Actor,
  change: {
    readonly before: TripRecord;
    readonly expectedVersion: number;
    readonly action: string;
    readonly tripNumber?: string | undefined;
    readonly document: TripRecord['document'];
  },
): Promise<TripRecord> {
  const { before } = change;
  const after: TripRecord = {
    ...before,
    tripNumber: change.tripNumber ?? before.tripNumber,
    document: change.document,
    version: before.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  if (!(await repos.trips.update(after)))
    throw staleVersion('The trip', change.expectedVersion, before.version + 1);
  await recordChange(repos, deps, actor, {
    entityType: 'trip',
    entityId: after.id,
    tripId: after.id,
    action: change.action,
    before: tripSnapshot(before),
    after: tripSnapshot(after),
  });
  return after;
}
