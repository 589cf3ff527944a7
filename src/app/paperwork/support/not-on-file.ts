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
  for (const tripId of tripIds) {
    for (const state of await repos.filing.states(companyId, tripId)) {
      if (state.scn === '') continue;
      if (state.status === 'rejected') marks.set(state.scn, 'Rejected by CBP: not on file');
      else if (state.status === 'deleted') marks.set(state.scn, 'Deleted at CBP: not on file');
    }
  }
  return marks;
}
