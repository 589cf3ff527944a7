/**
 * copyTrip(deps, actor, { tripId, tripNumber? }) → TripResult — dispatcher; a new draft with
 * the same conveyance, crew and shipments, a new trip number and new SCNs (an SCN is never
 * reused, so copied shipments cannot keep theirs).
 */
import type { Shipment } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { TripResult } from './support/trip-result.js';
import type { AppDeps } from '../shared/deps.js';
import { tripIssues } from '../shared/issues.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { omitKeys } from '../shared/omit-keys.js';
import { saveNewTrip } from './support/save-new-trip.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

export function withoutScn(shipment: Shipment): Shipment {
  return omitKeys(shipment, 'shipmentControlNumber');
}

export async function copyTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly tripNumber?: string | undefined },
): Promise<TripResult> {
  requireEditor(actor);
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const source = await tripOf(repos, actor, input.tripId);
    const shipments = await repos.shipments.allOfTrip(company.id, source.id);
    const original = assembleTripDocument(source, shipments);
    const rest = omitKeys(original, 'tripNumber');
    const document = {
      ...rest,
      ...(input.tripNumber === undefined ? {} : { tripNumber: input.tripNumber }),
      ...(original.shipments === undefined
        ? {}
        : { shipments: original.shipments.map(withoutScn) }),
    };
    const copy = await saveNewTrip(repos, deps, actor, company, document, 'copy');
    return {
      trip: copy.trip,
      issues: tripIssues(deps, company, assembleTripDocument(copy.trip, copy.shipments)),
    };
  });
}
