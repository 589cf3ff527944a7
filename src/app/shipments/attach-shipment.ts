/**
 * attachShipment(deps, actor, { shipmentId, expectedVersion, tripId }) → ShipmentResult —
 * dispatcher moves a shipment onto a trip (at the end), or off it with `tripId: null`
 * (unassociated). Both trips' histories record the move. A shipment CBP reported at the
 * border stays on its trip (FILING_SHIPMENT_AT_BORDER, support/at-border.ts).
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { ShipmentResult } from './support/shipment-result.js';
import type { AppDeps } from '../shared/deps.js';
import { staleVersion } from '../shared/errors.js';
import { shipmentIssues } from '../shared/issues.js';
import { companyOf, shipmentOf, tripOf } from '../shared/lookups.js';
import type { ShipmentRecord } from '../shared/records.js';
import { shipmentSnapshot } from '../shared/trip-documents.js';
import { refuseIfAtBorder } from './support/at-border.js';

export async function attachShipment(
  deps: AppDeps,
  actor: Actor,
  input: {
    readonly shipmentId: string;
    readonly expectedVersion: number;
    readonly tripId: string | null;
  },
): Promise<ShipmentResult> {
  requireEditor(actor);
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const before = await shipmentOf(repos, actor, input.shipmentId);
    const trip = input.tripId === null ? null : await tripOf(repos, actor, input.tripId);
    if (before.version !== input.expectedVersion) {
      throw staleVersion('The shipment', input.expectedVersion, before.version);
    }
    const tripId = trip?.id ?? null;
    // Moved off a trip, it is deleted at CBP by that trip's next sync.
    if (before.tripId !== null && tripId !== before.tripId) {
      await refuseIfAtBorder(repos, before, 'moved off its trip');
    }
    const after: ShipmentRecord = {
      ...before,
      tripId,
      position:
        tripId === before.tripId
          ? before.position
          : await repos.shipments.nextPosition(company.id, tripId),
      version: before.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    if (!(await repos.shipments.update(after))) {
      throw staleVersion('The shipment', input.expectedVersion, before.version + 1);
    }
    const change = {
      entityType: 'shipment',
      entityId: after.id,
      before: shipmentSnapshot(before),
      after: shipmentSnapshot(after),
    } as const;
    if (before.tripId !== null && before.tripId !== tripId) {
      await recordChange(repos, deps, actor, {
        ...change,
        tripId: before.tripId,
        action: 'detach',
      });
    }
    if (tripId !== null && tripId !== before.tripId) {
      await recordChange(repos, deps, actor, { ...change, tripId, action: 'attach' });
    }
    return {
      shipment: after,
      issues: shipmentIssues(deps, company, after.shipment, trip?.document ?? null),
    };
  });
}
