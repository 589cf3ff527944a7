/**
 * exportTrip(deps, actor, { tripId, includeHistory? }) → { document, history? } — the trip
 * document as it was imported or edited (lossless: import → export gives the same JSON),
 * optionally with every audit entry of the trip and its shipments, oldest first. Any role.
 */
import type { TripDocument } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { inTurnWhenLarge } from '../shared/large-work.js';
import { tripOf } from '../shared/lookups.js';
import type { AuditEntry } from '../shared/records.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

export interface TripExport {
  readonly document: TripDocument;
  readonly history?: readonly AuditEntry[];
}

export async function exportTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly includeHistory?: boolean | undefined },
): Promise<TripExport> {
  // The whole trip is held to be answered: a large one waits for the large work before it.
  const shipments = await deps.store.transaction(
    async (repos) => {
      const trip = await tripOf(repos, actor, input.tripId);
      return (await repos.shipments.totalsOfTrips(actor.companyId, [trip.id])).get(trip.id)?.count;
    },
    { readOnly: true },
  );
  return inTurnWhenLarge(shipments ?? 0, () =>
    deps.store.transaction(
      async (repos) => {
        const trip = await tripOf(repos, actor, input.tripId);
        const records = await repos.shipments.allOfTrip(actor.companyId, trip.id);
        const document = assembleTripDocument(trip, records);
        if (input.includeHistory !== true) return { document };
        return { document, history: await repos.audit.listForTrip(actor.companyId, trip.id) };
      },
      { readOnly: true },
    ),
  );
}
