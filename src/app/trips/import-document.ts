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
import { InputChecks } from '../shared/input-checks.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { validationFailed } from '../shared/errors.js';
import { tripIssues } from '../shared/issues.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { Repositories } from '../shared/ports/index.js';
import type { Company, ShipmentRecord, TripRecord } from '../shared/records.js';
import { saveNewTrip } from './support/save-new-trip.js';
import { addShipments } from '../shipments/support/add-shipments.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

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
  // A trip document always becomes a new trip: a trip named to put it in would be ignored.
  new InputChecks()
    .check(
      document.data !== 'ACE_TRIP' || input.tripId == null,
      'IMPORT_TRIP_ID_FOR_SHIPMENTS',
      '/tripId',
      'A trip document (ACE_TRIP) becomes a new trip; tripId is for a shipment list (ACE_SHIPMENT) to add to a trip.',
    )
    .throwIfAny('Import');
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
  const tripId = trip?.id ?? null;
  const records = await addShipments(repos, deps, actor, company, document.shipments ?? [], {
    tripId,
    firstPosition: await repos.shipments.nextPosition(company.id, tripId),
    action: 'import',
    pathOf: (index) => `/shipments/${index}/shipmentControlNumber`,
  });
  const shipments = records.map((record) => record.shipment);
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
