/**
 * updateTrip(deps, actor, { tripId, expectedVersion, document }) → TripResult — dispatcher
 * replaces the trip's own fields (port, ETA, truck, trailers, crew, …). Shipments are edited
 * through their own use cases, so a `shipments` list here is refused. A stale
 * `expectedVersion` is STALE_VERSION and nothing is written.
 */
import { tripDocumentSchema } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { TripResult } from './support/trip-result.js';
import type { AppDeps } from '../shared/deps.js';
import { staleVersion } from '../shared/errors.js';
import { InputChecks } from '../shared/input-checks.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import { omitKeys } from '../shared/omit-keys.js';
import { parseInput } from '../shared/parse-input.js';
import { tripNumberTaken } from './support/save-new-trip.js';
import { saveTripChange } from './support/save-trip-change.js';
import { storedTripFindings } from './support/stored-trip-findings.js';

export async function updateTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly expectedVersion: number; readonly document: unknown },
): Promise<TripResult> {
  requireEditor(actor);
  const document = parseInput(tripDocumentSchema, input.document, 'Trip');
  new InputChecks()
    .check(
      (document.shipments ?? []).length === 0,
      'TRIP_SHIPMENTS_NOT_HERE',
      '/shipments',
      'Add, edit and remove shipments through the shipment endpoints.',
    )
    .throwIfAny('Trip');
  const { company, trip } = await deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const before = await tripOf(repos, actor, input.tripId);
    if (before.version !== input.expectedVersion) {
      throw staleVersion('The trip', input.expectedVersion, before.version);
    }
    const tripNumber = document.tripNumber?.trim() || before.tripNumber;
    if (
      tripNumber !== before.tripNumber &&
      (await repos.trips.tripNumberUsed(company.id, tripNumber, before.id))
    ) {
      throw tripNumberTaken(tripNumber);
    }
    const fields = omitKeys(document, 'shipments');
    const saved = await saveTripChange(repos, deps, actor, {
      before,
      expectedVersion: input.expectedVersion,
      action: 'update',
      tripNumber,
      // Keep the placeholder where the stored document had its list (lossless export).
      document: {
        ...fields,
        tripNumber,
        ...(before.document.shipments === undefined ? {} : { shipments: [] }),
      },
    });
    return { company, trip: saved };
  });
  return { trip, issues: (await storedTripFindings(deps, company, trip)).issues };
}
