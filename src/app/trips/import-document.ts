/**
 * importDocument(deps, actor, { json, tripId? }) → ImportResult — dispatcher loads a trip
 * document (`ACE_TRIP`: a new trip with its shipments) or a shipment list (`ACE_SHIPMENT`:
 * unassociated shipments, or appended to `tripId`). All or nothing, in one transaction: a
 * wrong shape is VALIDATION_FAILED, a used trip number or SCN is CONFLICT, each with issues
 * located in the document, and nothing is written. Rule findings come back as `issues`.
 */
import {
  parseManifestDocument,
  type Issue,
  type ShipmentDocument,
  type TripDocument,
} from '../../domain/index.js';
import { validateDocument } from '../../rules/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { validationFailed } from '../shared/errors.js';
import { tripIssues } from '../shared/issues.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { Repositories } from '../shared/ports/index.js';
import type { Company, ShipmentRecord, TripRecord } from '../shared/records.js';
import { refuseUsedIdentifiers, saveNewTrip } from './support/save-new-trip.js';
import { claimScn, withScns } from '../shared/sequences.js';
import { assembleTripDocument, shipmentSnapshot } from '../shared/trip-documents.js';

export type ImportResult =
  | {
      readonly kind: 'trip';
      readonly trip: TripRecord;
      readonly shipments: readonly ShipmentRecord[];
      readonly issues: readonly Issue[];
    }
  | {
      readonly kind: 'shipments';
      readonly shipments: readonly ShipmentRecord[];
      readonly issues: readonly Issue[];
    };

export async function importDocument(
  deps: AppDeps,
  actor: Actor,
  input: { readonly json: unknown; readonly tripId?: string | null | undefined },
): Promise<ImportResult> {
  requireEditor(actor);
  const parsed = parseManifestDocument(input.json);
  if (!parsed.ok) throw validationFailed('The document cannot be read.', parsed.issues);
  const { document } = parsed;
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    if (document.data === 'ACE_TRIP') {
      const { trip, shipments } = await saveNewTrip(
        repos,
        deps,
        actor,
        company,
        document,
        'import',
      );
      return {
        kind: 'trip',
        trip,
        shipments,
        issues: tripIssues(deps, company, assembleTripDocument(trip, shipments)),
      };
    }
    const trip = input.tripId == null ? null : await tripOf(repos, actor, input.tripId);
    return importShipments(repos, deps, actor, company, document, trip);
  });
}

async function importShipments(
  repos: Repositories,
  deps: AppDeps,
  actor: Actor,
  company: Company,
  document: ShipmentDocument,
  trip: TripRecord | null,
): Promise<ImportResult> {
  const shipments = await withScns(repos, company, document.shipments ?? []);
  await refuseUsedIdentifiers(repos, company, undefined, shipments);
  const now = deps.clock.now().toISOString();
  const tripId = trip?.id ?? null;
  const first = await repos.shipments.nextPosition(company.id, tripId);
  const records: ShipmentRecord[] = [];
  for (const [index, shipment] of shipments.entries()) {
    const record: ShipmentRecord = {
      id: deps.ids.newId(),
      companyId: company.id,
      tripId,
      position: first + index,
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
      `/shipments/${index}/shipmentControlNumber`,
    );
    await repos.shipments.insert(record);
    await recordChange(repos, deps, actor, {
      entityType: 'shipment',
      entityId: record.id,
      tripId,
      action: 'import',
      after: shipmentSnapshot(record),
    });
    records.push(record);
  }
  // Checked in the trip's context when appended to one, so paths stay /shipments/<index>.
  const checked: TripDocument | ShipmentDocument =
    trip === null ? { data: 'ACE_SHIPMENT', shipments } : { ...trip.document, shipments };
  return {
    kind: 'shipments',
    shipments: records,
    issues: validateDocument(checked, {
      now: deps.clock.now(),
      scac: company.scac,
      regulations: deps.regulations,
    }),
  };
}
