/**
 * createTrip(deps, actor, { document? }) → TripResult — dispatcher starts a trip. The trip
 * number comes from the company's prefix and sequence unless the document gives one; a
 * document's shipments are created with it (SCNs generated where missing). The result
 * carries the rule engine's issues: an incomplete draft is saved all the same.
 */
import { tripDocumentSchema, type TripDocument } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { tripIssues } from '../shared/issues.js';
import { companyOf } from '../shared/lookups.js';
import { parseInput } from '../shared/parse-input.js';
import { saveNewTrip } from './support/save-new-trip.js';
import type { TripResult } from './support/trip-result.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

export async function createTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly document?: unknown },
): Promise<TripResult> {
  requireEditor(actor);
  const given =
    input.document === undefined
      ? undefined
      : parseInput(tripDocumentSchema, input.document, 'Trip');
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const document: TripDocument = given ?? {
      data: 'ACE_TRIP',
      ...(company.defaultPortOfArrival === null
        ? {}
        : { usPortOfArrival: company.defaultPortOfArrival }),
    };
    const { trip, shipments } = await saveNewTrip(repos, deps, actor, company, document, 'create');
    return { trip, issues: tripIssues(deps, company, assembleTripDocument(trip, shipments)) };
  });
}
