import type { Repositories } from '../../shared/ports/index.js';

/**
 * The shipments of these trips CBP does not have on file although they were sent: rejected by
 * CBP, or deleted at CBP. The lead sheet marks each under its barcode, so the driver does not
 * hand the officer an SCN CBP does not know on this trip without a word.
 */
export async function shipmentsNotOnFile(
  repos: Repositories,
  companyId: string,
  tripIds: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const marks = new Map<string, string>();
  // One statement for a day's trips, not one per trip.
  const states = await repos.filing.shipmentStatesOfTrips(companyId, tripIds, [
    'rejected',
    'deleted',
  ]);
  for (const state of states) {
    marks.set(
      state.scn,
      state.status === 'rejected' ? 'Rejected by CBP: not on file' : 'Deleted at CBP: not on file',
    );
  }
  return marks;
}
