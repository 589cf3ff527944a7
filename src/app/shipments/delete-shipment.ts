/**
 * deleteShipment(deps, actor, { shipmentId, expectedVersion }) — dispatcher. The row goes; its
 * SCN stays in the registry (never reused) and the audit log keeps what it was.
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { staleVersion } from '../shared/errors.js';
import { shipmentOf } from '../shared/lookups.js';
import { shipmentSnapshot } from '../shared/trip-documents.js';

export async function deleteShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly shipmentId: string; readonly expectedVersion: number },
): Promise<void> {
  requireEditor(actor);
  await deps.store.transaction(async (repos) => {
    const before = await shipmentOf(repos, actor, input.shipmentId);
    if (
      before.version !== input.expectedVersion ||
      !(await repos.shipments.delete(actor.companyId, before.id, input.expectedVersion))
    ) {
      throw staleVersion('The shipment', input.expectedVersion, before.version);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'shipment',
      entityId: before.id,
      tripId: before.tripId,
      action: 'delete',
      before: shipmentSnapshot(before),
    });
  });
}
