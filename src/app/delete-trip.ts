/**
 * deleteTrip(deps, actor, { tripId, expectedVersion }) — dispatcher; a soft delete. The trip
 * number and its shipments' SCNs stay used (never given out again); the trip leaves every
 * list, and its history stays in the audit log.
 */
import { requireEditor, type Actor } from './actor.js';
import { recordChange } from './audit.js';
import type { AppDeps } from './deps.js';
import { staleVersion } from './errors.js';
import { tripOf } from './lookups.js';
import { tripSnapshot } from './trip-documents.js';

export async function deleteTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly expectedVersion: number },
): Promise<void> {
  requireEditor(actor);
  await deps.store.transaction(async (repos) => {
    const before = await tripOf(repos, actor, input.tripId);
    const at = deps.clock.now().toISOString();
    if (
      before.version !== input.expectedVersion ||
      !(await repos.trips.softDelete(actor.companyId, before.id, input.expectedVersion, at))
    ) {
      throw staleVersion('The trip', input.expectedVersion, before.version);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'trip',
      entityId: before.id,
      tripId: before.id,
      action: 'delete',
      before: tripSnapshot(before),
    });
  });
}
