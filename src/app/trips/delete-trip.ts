/**
 * deleteTrip(deps, actor, { tripId, expectedVersion }) — dispatcher; a soft delete. The trip
 * number and its shipments' SCNs stay used (never given out again); the trip leaves every
 * list, and its history stays in the audit log. Its shipments are not lost with it: they
 * become unassociated (each move audited), ready to be put on another trip or deleted.
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { staleVersion } from '../shared/errors.js';
import { tripOf } from '../shared/lookups.js';
import type { ShipmentRecord } from '../shared/records.js';
import { shipmentSnapshot, tripSnapshot } from '../shared/trip-documents.js';

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
    const shipments = await repos.shipments.allOfTrip(actor.companyId, before.id);
    let position = await repos.shipments.nextPosition(actor.companyId, null);
    for (const shipment of shipments) {
      const after: ShipmentRecord = {
        ...shipment,
        tripId: null,
        position: position++,
        version: shipment.version + 1,
        updatedAt: at,
      };
      if (!(await repos.shipments.update(after))) {
        throw staleVersion('A shipment of the trip', shipment.version, shipment.version + 1);
      }
      await recordChange(repos, deps, actor, {
        entityType: 'shipment',
        entityId: shipment.id,
        tripId: before.id,
        action: 'detach',
        before: shipmentSnapshot(shipment),
        after: shipmentSnapshot(after),
      });
    }
  });
}
