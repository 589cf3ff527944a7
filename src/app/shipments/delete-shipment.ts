/**
 * deleteShipment(deps, actor, { shipmentId, expectedVersion }) — dispatcher. The row goes; its
 * SCN stays in the registry (never reused) and the audit log keeps what it was.
 *
 * A shipment CBP has on file before arrival may go: the trip's next sync sends CBP its delete
 * (docs/edi.md, Sync with CBP). Once CBP reports the shipment or its trip arrived, released or
 * on hold, a delete can no longer withdraw it, and deleting it here would only lose the record
 * of what crossed: refused (FILING_SHIPMENT_AT_BORDER).
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { staleVersion } from '../shared/errors.js';
import { shipmentOf } from '../shared/lookups.js';
import { shipmentSnapshot } from '../shared/trip-documents.js';
import { refuseIfAtBorder } from './support/at-border.js';

export async function deleteShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly shipmentId: string; readonly expectedVersion: number },
): Promise<void> {
  requireEditor(actor);
  await deps.store.transaction(async (repos) => {
    const before = await shipmentOf(repos, actor, input.shipmentId);
    await refuseIfAtBorder(repos, before, 'deleted');
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
