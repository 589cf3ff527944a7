import type { TripDocument } from '../../../domain/index.js';
import type { Repositories } from '../../shared/ports/index.js';

/**
 * The shipments of these trips CBP does not have on file although they were sent: rejected by
 * CBP, or deleted at CBP. The lead sheet marks each under its barcode, so the driver does not
 * hand the officer an SCN CBP does not know on this trip without a word. Read by SCN, a few
 * statements for a whole day's trips; a state the SCN has on another trip (it moved) is not
 * this trip's.
 */
export async function shipmentsNotOnFile(
  repos: Repositories,
  companyId: string,
  trips: readonly { readonly tripId: string; readonly document: TripDocument }[],
): Promise<ReadonlyMap<string, string>> {
  const tripOfScn = new Map<string, string>();
  for (const { tripId, document } of trips) {
    for (const shipment of document.shipments ?? []) {
      const scn = shipment.shipmentControlNumber ?? '';
      if (scn !== '') tripOfScn.set(scn, tripId);
    }
  }
  const marks = new Map<string, string>();
  for (const state of await repos.filing.statusesOfScns(companyId, [...tripOfScn.keys()])) {
    if (tripOfScn.get(state.scn) !== state.tripId) continue;
    if (state.status === 'rejected') marks.set(state.scn, 'Rejected by CBP: not on file');
    else if (state.status === 'deleted') marks.set(state.scn, 'Deleted at CBP: not on file');
  }
  return marks;
}
