import type { TripDocument } from '../../../domain/index.js';
import type { Actor } from '../../shared/actor.js';
import { tripOf } from '../../shared/lookups.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { TripRecord } from '../../shared/records.js';
import { assembleTripDocument } from '../../shared/trip-documents.js';

/** The stored trip with its shipments, as one trip document (tenant-scoped: NOT_FOUND otherwise). */
export async function storedTripDocument(
  repos: Repositories,
  actor: Actor,
  tripId: string,
): Promise<{ readonly trip: TripRecord; readonly document: TripDocument }> {
  const trip = await tripOf(repos, actor, tripId);
  const shipments = await repos.shipments.allOfTrip(actor.companyId, trip.id);
  return { trip, document: assembleTripDocument(trip, shipments) };
}
