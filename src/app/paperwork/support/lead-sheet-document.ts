import { leadSheetRefusals, MAX_LEAD_SHEET_SHIPMENTS } from '../../../documents/index.js';
import type { TripDocument } from '../../../domain/index.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { TripRecord } from '../../shared/records.js';
import { assembleTripDocument } from '../../shared/trip-documents.js';
import { unprintable } from './unprintable.js';

/**
 * The stored trip with its shipments, as one document, for its lead sheet (the dispatcher's or
 * the driver's). A trip of more than MAX_LEAD_SHEET_SHIPMENTS is refused from its count with
 * the issues leadSheetPdf would give, its shipments unread (a courier's 100,000 took 521 MB).
 */
export async function leadSheetDocument(
  repos: Repositories,
  trip: TripRecord,
): Promise<TripDocument> {
  const count = (await repos.shipments.totalsOfList(trip.companyId, trip.id))?.count ?? 0;
  if (count > MAX_LEAD_SHEET_SHIPMENTS) {
    throw unprintable('lead sheet', leadSheetRefusals([trip.document], count, false));
  }
  return assembleTripDocument(trip, await repos.shipments.allOfTrip(trip.companyId, trip.id));
}
