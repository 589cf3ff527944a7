/**
 * saveTemplate(deps, actor, { tripId, name }) → TemplateRecord — dispatcher keeps a trip as a
 * starting point for recurring runs: conveyance, crew, port and shipments, without the trip
 * number, ETA and SCNs (those are unique per trip and filled in when it is applied).
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import { withoutScn } from '../trips/copy-trip.js';
import type { AppDeps } from '../shared/deps.js';
import { conflict } from '../shared/errors.js';
import { recordName } from '../shared/input-checks.js';
import { tripOf } from '../shared/lookups.js';
import { omitKeys } from '../shared/omit-keys.js';
import type { TemplateRecord } from '../shared/records.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

export async function saveTemplate(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly name: string },
): Promise<TemplateRecord> {
  requireEditor(actor);
  const name = recordName(input.name, {
    code: 'TEMPLATE_NAME',
    what: 'Template',
    noun: 'template',
    max: 200,
  });
  return deps.store.transaction(async (repos) => {
    const trip = await tripOf(repos, actor, input.tripId);
    const shipments = await repos.shipments.allOfTrip(actor.companyId, trip.id);
    const full = assembleTripDocument(trip, shipments);
    const rest = omitKeys(full, 'tripNumber', 'estimatedArrivalDateTime');
    const now = deps.clock.now().toISOString();
    const template: TemplateRecord = {
      id: deps.ids.newId(),
      companyId: actor.companyId,
      name,
      document: {
        ...rest,
        ...(full.shipments === undefined ? {} : { shipments: full.shipments.map(withoutScn) }),
      },
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await repos.templates.insert(template))) {
      throw conflict(`A template named "${name}" already exists.`, [
        {
          code: 'TEMPLATE_NAME_TAKEN',
          severity: 'error',
          path: '/name',
          message: `A template named "${name}" already exists.`,
        },
      ]);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'template',
      entityId: template.id,
      action: 'create',
      after: template,
    });
    return template;
  });
}
