/**
 * getInterchange(deps, actor, { tripId, interchangeId }) → ArchivedInterchange — any role: one
 * raw interchange sent or received for the trip, exactly as it went over the wire.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { ArchivedInterchange } from '../shared/ports/index.js';

export async function getInterchange(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly interchangeId: string },
): Promise<ArchivedInterchange> {
  return deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      const trip = await tripOf(repos, actor, input.tripId);
      const found = await repos.filing.findArchived(company.id, input.interchangeId);
      if (found?.tripId !== trip.id) throw notFound('Interchange');
      return found;
    },
    { readOnly: true },
  );
}
