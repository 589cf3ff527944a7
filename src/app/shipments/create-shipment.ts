/**
 * createShipment(deps, actor, { tripId, shipment }) → ShipmentResult — dispatcher adds a
 * shipment (with its commodities) to a trip, or unassociated (`tripId: null`) to attach
 * later. Without an SCN (or with `<SCAC>AUTOFILL`) the next one of the company's sequence is
 * used; a given SCN already used by the carrier is a CONFLICT. Issues have paths relative to
 * the shipment (`/commodities/0/value`).
 */
import { shipmentSchema } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { shipmentIssues } from '../shared/issues.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { parseInput } from '../shared/parse-input.js';
import { addShipments } from './support/add-shipments.js';
import type { ShipmentResult } from './support/shipment-result.js';

export async function createShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string | null; readonly shipment: unknown },
): Promise<ShipmentResult> {
  requireEditor(actor);
  const given = parseInput(shipmentSchema, input.shipment, 'Shipment');
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const trip = input.tripId === null ? null : await tripOf(repos, actor, input.tripId);
    const tripId = trip?.id ?? null;
    const [record] = await addShipments(repos, deps, actor, company, [given], {
      tripId,
      firstPosition: await repos.shipments.nextPosition(company.id, tripId),
      action: 'create',
      pathOf: () => '/shipmentControlNumber',
    });
    if (record === undefined) throw new Error('A batch of one gave no shipment.');
    return {
      shipment: record,
      issues: shipmentIssues(deps, company, record.shipment, trip?.document ?? null),
    };
  });
}
