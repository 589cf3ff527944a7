/**
 * deleteShipment(deps, actor, { shipmentId, expectedVersion }) — dispatcher. The row goes; its
 * SCN stays in the registry (never reused) and the audit log keeps what it was.
 */
import { requireEditor, type Actor } from './actor.js';
import { recordChange } from './audit.js';
import type { AppDeps } from './deps.js';
import { staleVersion } from './errors.js';
import { shipmentOf } from './lookups.js';
import { shipmentSnapshot } from './trip-documents.js';

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
