/**
 * Work that holds a large trip whole runs one at a time in a process: lead sheets (the PDF is
 * built whole in memory, documents/lead-sheet.ts: a 10,000-shipment sheet holds about 500 MB
 * while it is drawn) and syncs with CBP (filing/sync-trip.ts: the trip, what CBP accepted of
 * it and the interchanges, about 250 MB live for 100,000 shipments). Two or three at once
 * would exhaust the 1 GiB heap `npm start` gives the service, and every tenant's requests
 * would fail with it. Work on fewer shipments (nearly every trip) runs at once; large work
 * waits for the large work before it. The exports no longer hold the trip
 * (shared/paged-export.ts) and do not take turns.
 */
export const LARGE_WORK_SHIPMENTS = 1_000;

let last: Promise<unknown> = Promise.resolve();

/** Runs `work` now, or after the large work before it when `shipments` make it large. */
export function inTurnWhenLarge<T>(shipments: number, work: () => Promise<T>): Promise<T> {
  if (shipments < LARGE_WORK_SHIPMENTS) return work();
  const turn = last.then(work);
  // A failed piece of work ends its turn like a finished one; its caller sees the failure.
  last = turn.catch(() => undefined);
  return turn;
}
