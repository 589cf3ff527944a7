/**
 * updateShipment(deps, actor, { shipmentId, expectedVersion, shipment }) → ShipmentResult —
 * dispatcher replaces the shipment's data (commodities included). Leaving the SCN out keeps
 * the current one; a new SCN is claimed (the old one stays used). STALE_VERSION when someone
 * saved in between; nothing is written then.
 */
import { shipmentSchema } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { ShipmentResult } from './support/shipment-result.js';
import type { AppDeps } from '../shared/deps.js';
import { staleVersion } from '../shared/errors.js';
import { shipmentIssues } from '../shared/issues.js';
import { companyOf, shipmentOf } from '../shared/lookups.js';
import { parseInput } from '../shared/parse-input.js';
import type { ShipmentRecord } from '../shared/records.js';
import { claimScn, wantsGeneratedScn } from '../shared/sequences.js';
import { shipmentSnapshot } from '../shared/trip-documents.js';

export async function updateShipment(
  deps: AppDeps,
  actor: Actor,
  input: {
    readonly shipmentId: string;
    readonly expectedVersion: number;
    readonly shipment: unknown;
  },
): Promise<ShipmentResult> {
  requireEditor(actor);
  const given = parseInput(shipmentSchema, input.shipment, 'Shipment');
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const before = await shipmentOf(repos, actor, input.shipmentId);
    if (before.version !== input.expectedVersion) {
      throw staleVersion('The shipment', input.expectedVersion, before.version);
    }
    const shipment = wantsGeneratedScn(given, company.scac)
      ? { ...given, shipmentControlNumber: before.shipment.shipmentControlNumber }
      : given;
    const now = deps.clock.now().toISOString();
    const scn = shipment.shipmentControlNumber ?? '';
    if (scn !== before.shipment.shipmentControlNumber) {
      await claimScn(repos, company.id, scn, before.id, now, '/shipmentControlNumber');
    }
    const after: ShipmentRecord = {
      ...before,
      shipment,
      version: before.version + 1,
      updatedAt: now,
    };
    if (!(await repos.shipments.update(after))) {
      throw staleVersion('The shipment', input.expectedVersion, before.version + 1);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'shipment',
      entityId: after.id,
      tripId: after.tripId,
      action: 'update',
      before: shipmentSnapshot(before),
      after: shipmentSnapshot(after),
    });
    const trip =
      after.tripId === null ? undefined : await repos.trips.findById(company.id, after.tripId);
    return {
      shipment: after,
      issues: shipmentIssues(deps, company, shipment, trip?.document ?? null),
    };
  });
}
