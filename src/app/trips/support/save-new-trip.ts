import type { Issue, TripDocument } from '../../../domain/index.js';
import type { Actor } from '../../shared/actor.js';
import { recordChange } from '../../shared/audit.js';
import type { AppDeps } from '../../shared/deps.js';
import { conflict, type AppError } from '../../shared/errors.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { Company, ShipmentRecord, TripRecord } from '../../shared/records.js';
import { nextTripNumber } from '../../shared/sequences.js';
import { tripPart, tripSnapshot } from '../../shared/trip-documents.js';
import {
  identifiersUsed,
  insertShipments,
  planShipments,
} from '../../shipments/support/add-shipments.js';

/**
 * Stores a whole trip document as a new trip with its shipments, inside the caller's
 * transaction: create, copy, apply a template and import all come here. Trip number and SCNs
 * are generated where missing; every clash is reported at once, located, and nothing is
 * written (the caller's transaction rolls back on the thrown CONFLICT).
 */
export async function saveNewTrip(
  repos: Repositories,
  deps: AppDeps,
  actor: Actor,
  company: Company,
  document: TripDocument,
  action: string,
): Promise<{ trip: TripRecord; shipments: ShipmentRecord[] }> {
  const given = document.tripNumber?.trim() ?? '';
  const tripNumber = given === '' ? await nextTripNumber(repos, company) : given;
  const planned = await planShipments(
    repos,
    company,
    document.shipments ?? [],
    (index) => `/shipments/${index}/shipmentControlNumber`,
  );
  const numberUsed = given !== '' && (await repos.trips.tripNumberUsed(company.id, tripNumber));
  const issues = [...(numberUsed ? [tripNumberIssue(tripNumber)] : []), ...planned.issues];
  if (issues.length > 0) throw identifiersUsed(issues);

  const now = deps.clock.now().toISOString();
  const trip: TripRecord = {
    id: deps.ids.newId(),
    companyId: company.id,
    tripNumber,
    status: 'draft',
    document: tripPart({ ...document, tripNumber }),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await repos.trips.insert(trip))) throw tripNumberTaken(tripNumber);
  await recordChange(repos, deps, actor, {
    entityType: 'trip',
    entityId: trip.id,
    tripId: trip.id,
    action,
    after: tripSnapshot(trip),
  });
  const shipments = await insertShipments(repos, deps, actor, company, planned, {
    tripId: trip.id,
    firstPosition: 1,
    action,
  });
  return { trip, shipments };
}

export function tripNumberIssue(tripNumber: string): Issue {
  return {
    code: 'TRIP_NUMBER_ALREADY_USED',
    severity: 'error',
    path: '/tripNumber',
    message: `Trip number ${tripNumber} was already used by this carrier (deleted trips count); leave it empty to get the next one.`,
  };
}

export function tripNumberTaken(tripNumber: string): AppError {
  return conflict(`Trip number ${tripNumber} was already used by this carrier.`, [
    tripNumberIssue(tripNumber),
  ]);
}
