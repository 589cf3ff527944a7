import type { Issue, Shipment, TripDocument } from '../../../domain/index.js';
import type { Actor } from '../../shared/actor.js';
import { recordChange } from '../../shared/audit.js';
import type { AppDeps } from '../../shared/deps.js';
import { conflict, type AppError } from '../../shared/errors.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { Company, ShipmentRecord, TripRecord } from '../../shared/records.js';
import { claimScn, nextTripNumber, withScns } from '../../shared/sequences.js';
import { shipmentSnapshot, tripPart, tripSnapshot } from '../../shared/trip-documents.js';

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
  const shipments = await withScns(repos, company, document.shipments ?? []);
  await refuseUsedIdentifiers(repos, company, given === '' ? undefined : tripNumber, shipments);

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

  const records: ShipmentRecord[] = [];
  for (const [index, shipment] of shipments.entries()) {
    const record: ShipmentRecord = {
      id: deps.ids.newId(),
      companyId: company.id,
      tripId: trip.id,
      position: index + 1,
      shipment,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const scn = shipment.shipmentControlNumber ?? '';
    await claimScn(
      repos,
      company.id,
      scn,
      record.id,
      now,
      `/shipments/${index}/shipmentControlNumber`,
    );
    await repos.shipments.insert(record);
    await recordChange(repos, deps, actor, {
      entityType: 'shipment',
      entityId: record.id,
      tripId: trip.id,
      action,
      after: shipmentSnapshot(record),
    });
    records.push(record);
  }
  return { trip, shipments: records };
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

/** Collects every used trip number / SCN (and SCNs repeated in the document) as issues. */
export async function refuseUsedIdentifiers(
  repos: Repositories,
  company: Company,
  tripNumber: string | undefined,
  shipments: readonly Shipment[],
  basePath = '',
): Promise<void> {
  const issues: Issue[] = [];
  if (tripNumber !== undefined && (await repos.trips.tripNumberUsed(company.id, tripNumber))) {
    issues.push(tripNumberIssue(tripNumber));
  }
  const scns = shipments.map((s) => s.shipmentControlNumber ?? '');
  const used = await repos.scns.used(company.id, scns);
  const seen = new Set<string>();
  scns.forEach((scn, index) => {
    const repeated = seen.has(scn);
    seen.add(scn);
    if (!used.has(scn) && !repeated) return;
    issues.push({
      code: 'SHIPMENT_SCN_ALREADY_USED',
      severity: 'error',
      path: `${basePath}/shipments/${index}/shipmentControlNumber`,
      message: repeated
        ? `SCN ${scn} appears more than once in this document.`
        : `SCN ${scn} was already used by this carrier; an SCN may not be reused for three years, even after its shipment was deleted.`,
    });
  });
  if (issues.length > 0) throw conflict('Some identifiers were already used.', issues);
}
