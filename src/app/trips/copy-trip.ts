/**
 * copyTrip(deps, actor, { tripId, tripNumber? }) → TripResult — dispatcher; a new draft with
 * the same conveyance, crew and shipments, a new trip number and new SCNs (an SCN is never
 * reused, so copied shipments cannot keep theirs).
 */
import type { Shipment } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { TripResult } from './support/trip-result.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, shipmentPages, tripOf } from '../shared/lookups.js';
import { omitKeys } from '../shared/omit-keys.js';
import { tripPart } from '../shared/trip-documents.js';
import { insertShipments, planShipments } from '../shipments/support/add-shipments.js';
import { saveNewTrip } from './support/save-new-trip.js';
import { storedTripFindings } from './support/stored-trip-findings.js';

export function withoutScn(shipment: Shipment): Shipment {
  return omitKeys(shipment, 'shipmentControlNumber');
}

export async function copyTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly tripNumber?: string | undefined },
): Promise<TripResult> {
  requireEditor(actor);
  const { company, trip } = await deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const source = await tripOf(repos, actor, input.tripId);
    const document = {
      ...omitKeys(tripPart(source.document), 'tripNumber'),
      ...(input.tripNumber === undefined ? {} : { tripNumber: input.tripNumber }),
    };
    const copy = await saveNewTrip(repos, deps, actor, company, document, 'copy');
    // The shipments a page at a time, in their order, each with a new SCN: a trip of 100,000
    // copied whole held them all twice (875 MB), in this one write transaction still.
    let position = 1;
    for await (const page of shipmentPages(repos, company.id, source.id)) {
      const first = position - 1;
      const planned = await planShipments(
        repos,
        company,
        page.map((record) => withoutScn(record.shipment)),
        (index) => `/shipments/${String(first + index)}/shipmentControlNumber`,
      );
      await insertShipments(repos, deps, actor, company, planned, {
        tripId: copy.trip.id,
        firstPosition: position,
        action: 'copy',
      });
      position += page.length;
    }
    return { company, trip: copy.trip };
  });
  // Its findings a page at a time too, once the copy is stored (as a trip edit's).
  return { trip, issues: (await storedTripFindings(deps, company, trip)).issues };
}
