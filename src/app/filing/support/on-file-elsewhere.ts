import { statusWords, type Issue, type TripDocument } from '../../../domain/index.js';
import type { FilingStatus, Repositories } from '../../shared/ports/index.js';
import type { SyncPlan } from './sync-plan.js';

/** What CBP holds: sent and not yet answered, accepted, or further on. */
const ON_FILE: ReadonlySet<FilingStatus> = new Set([
  'transmitted',
  'accepted',
  'entry-on-file',
  'arrived',
  'released',
  'on-hold',
]);

/**
 * The shipments this sync would add whose SCN CBP still holds with another of the carrier's
 * trips: a shipment moved onto this trip before its former trip was synced (that trip's sync
 * withdraws it there with a 309 delete). ACE refuses a second filing of an SCN it has on file
 * ("Shipment Already on File", CBP ACE highway eManifest 309 implementation guide), so the
 * sync stops and says which trip to sync first, instead of sending a filing CBP would reject.
 */
export async function onFileWithAnotherTrip(
  repos: Repositories,
  companyId: string,
  tripId: string,
  plan: SyncPlan,
  document: TripDocument,
): Promise<Issue[]> {
  const added = plan.shipments.filter((s) => s.action === 'add').map((s) => s.scn);
  if (added.length === 0) return [];
  const elsewhere = (await repos.filing.statusesOfScns(companyId, added)).filter(
    (state) => state.tripId !== tripId && ON_FILE.has(state.status),
  );
  if (elsewhere.length === 0) return [];
  const indexOf = new Map(
    (document.shipments ?? []).map((shipment, index) => [shipment.shipmentControlNumber, index]),
  );
  const issues: Issue[] = [];
  const tripNumbers = new Map<string, string>();
  for (const state of elsewhere) {
    let tripNumber = tripNumbers.get(state.tripId);
    if (tripNumber === undefined) {
      tripNumber = (await repos.trips.findById(companyId, state.tripId))?.tripNumber ?? '';
      tripNumbers.set(state.tripId, tripNumber);
    }
    const index = indexOf.get(state.scn) ?? -1;
    const other = tripNumber === '' ? 'another trip' : `trip ${tripNumber}`;
    issues.push({
      code: 'FILING_SCN_ON_ANOTHER_TRIP',
      severity: 'error',
      path: `/shipments/${index}/shipmentControlNumber`,
      message: `Shipment ${state.scn} is still on file at CBP with ${other} (${statusWords(state.status)}): CBP would answer "Shipment Already on File". Sync ${other} first, which withdraws it there, then sync this trip.`,
    });
  }
  return issues;
}
