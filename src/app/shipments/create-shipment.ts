/**
 * createShipment(deps, actor, { tripId, shipment }) → ShipmentResult — dispatcher adds a
 * shipment (with its commodities) to a trip, or unassociated (`tripId: null`) to attach
 * later. Without an SCN (or with `<SCAC>AUTOFILL`) the next one of the company's sequence is
 * used; a given SCN already used by the carrier is a CONFLICT. Issues have paths relative to
 * the shipment (`/commodities/0/value`).
 */
import { shipmentSchema } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { shipmentIssues } from '../shared/issues.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { parseInput } from '../shared/parse-input.js';
import type { ShipmentResult } from './support/shipment-result.js';
import type { ShipmentRecord } from '../shared/records.js';
import { claimScn, withScns } from '../shared/sequences.js';
import { shipmentSnapshot } from '../shared/trip-documents.js';

export async function createShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string | null; readonly shipment: unknown },
): Promise<ShipmentResult> {
  requireEditor(actor);
  const given = parseInput(shipmentSchema, input.shipment, 'Shipment', '/shipment');
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const trip = input.tripId === null ? null : await tripOf(repos, actor, input.tripId);
    const [shipment = given] = await withScns(repos, company, [given]);
    const now = deps.clock.now().toISOString();
    const record: ShipmentRecord = {
      id: deps.ids.newId(),
      companyId: company.id,
      tripId: trip?.id ?? null,
      position: await repos.shipments.nextPosition(company.id, trip?.id ?? null),
      shipment,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await claimScn(
      repos,
      company.id,
      shipment.shipmentControlNumber ?? '',
      record.id,
      now,
      '/shipment/shipmentControlNumber',
    );
    await repos.shipments.insert(record);
    await recordChange(repos, deps, actor, {
      entityType: 'shipment',
      entityId: record.id,
      tripId: record.tripId,
      action: 'create',
      after: shipmentSnapshot(record),
    });
    return {
      shipment: record,
      issues: shipmentIssues(deps, company, shipment, trip?.document ?? null),
    };
  });
}
