/**
 * revokeDriverLink(deps, actor, { tripId, linkId }) — the link stops working at once
 * (dispatcher); the page then says it was withdrawn. NOT_FOUND when the trip has no such live
 * link. Audited on the trip (`driver_link_revoked`).
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import { tripOf } from '../shared/lookups.js';

export async function revokeDriverLink(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly linkId: string },
): Promise<void> {
  requireEditor(actor);
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (repos) => {
    const trip = await tripOf(repos, actor, input.tripId);
    if (!(await repos.driverLinks.revoke(actor.companyId, trip.id, input.linkId, at))) {
      throw notFound("Live driver's-page link");
    }
    await recordChange(repos, deps, actor, {
      entityType: 'trip',
      entityId: trip.id,
      tripId: trip.id,
      action: 'driver_link_revoked',
      after: { linkId: input.linkId, revokedAt: at },
    });
  });
}
