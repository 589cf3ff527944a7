/**
 * findTripByNumber(deps, actor, { tripNumber }) → TripRecord — the live trip of the actor's
 * company with that number (case-insensitive; any role); NOT_FOUND otherwise. For people who
 * know a trip by the number on its papers, not by its id (the CLI).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import { LIST_PAGE } from '../shared/page-size.js';
import type { TripRecord } from '../shared/records.js';

export async function findTripByNumber(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripNumber: string },
): Promise<TripRecord> {
  const wanted = input.tripNumber.trim().toUpperCase();
  return deps.store.transaction(
    async (repos) => {
      // The list's text search narrows to trips whose number (or plates, names, SCNs) contain
      // it; the exact number is then picked from those few.
      let cursor: string | undefined;
      do {
        const page = await repos.trips.list(
          actor.companyId,
          { text: wanted },
          { cursor, limit: LIST_PAGE.max },
        );
        const found = page.items.find((trip) => trip.tripNumber.toUpperCase() === wanted);
        if (found !== undefined) return found;
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined && wanted !== '');
      throw notFound(`Trip ${input.tripNumber.trim()}`);
    },
    { readOnly: true },
  );
}
