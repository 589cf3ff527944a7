/** Whether CBP still has something to say about a trip: the filing panel refreshes until not. */
import type { FilingStatus, FilingView } from './api/filing';

// Statuses after which CBP still sends something: the 309's answer, then the 350s
// (entry on file, arrival, release) for shipments on an accepted manifest.
const AWAITING_CBP: ReadonlySet<FilingStatus> = new Set([
  'transmitted',
  'accepted',
  'entry-on-file',
  'arrived',
  'on-hold',
]);

// Trip statuses after which nothing more comes from CBP until the next sync.
const CLOSED: ReadonlySet<FilingStatus> = new Set(['draft', 'rejected', 'cancelled', 'deleted']);

/** True while something sent has not had CBP's last word: keep refreshing. */
export function inFlight(view: FilingView | undefined): boolean {
  if (view === undefined) return false;
  if (view.trip.status === 'transmitted') return true;
  if (view.transmissions.some((t) => t.state === 'pending')) return true;
  // A trip CBP has on file (accepted, then arrived): its shipments still move on.
  const onFile = !CLOSED.has(view.trip.status);
  return onFile && view.shipmentCounts.some((entry) => AWAITING_CBP.has(entry.status));
}
