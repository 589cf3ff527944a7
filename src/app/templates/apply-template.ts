/**
 * applyTemplate(deps, actor, { templateId, tripNumber?, estimatedArrivalDateTime? }) →
 * TripResult — dispatcher creates a new draft trip from a template, with a new trip number
 * and new SCNs.
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import type { TripResult } from '../trips/support/trip-result.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import { tripIssues } from '../shared/issues.js';
import { companyOf } from '../shared/lookups.js';
import { saveNewTrip } from '../trips/support/save-new-trip.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

export async function applyTemplate(
  deps: AppDeps,
  actor: Actor,
  input: {
    readonly templateId: string;
    readonly tripNumber?: string | undefined;
    readonly estimatedArrivalDateTime?: string | undefined;
  },
): Promise<TripResult> {
  requireEditor(actor);
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const template = await repos.templates.findById(actor.companyId, input.templateId);
    if (template === undefined) throw notFound('Template');
    const document = {
      ...structuredClone(template.document),
      ...(input.tripNumber === undefined ? {} : { tripNumber: input.tripNumber }),
      ...(input.estimatedArrivalDateTime === undefined
        ? {}
        : { estimatedArrivalDateTime: input.estimatedArrivalDateTime }),
    };
    const created = await saveNewTrip(repos, deps, actor, company, document, 'apply-template');
    return {
      trip: created.trip,
      issues: tripIssues(deps, company, assembleTripDocument(created.trip, created.shipments)),
    };
  });
}
