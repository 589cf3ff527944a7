import { nextTurn, type Issue } from '../../../domain/index.js';
import { PagedValidation } from '../../../rules/index.js';
import type { AppDeps } from '../../shared/deps.js';
import { sameTotals } from '../../shared/paged-export.js';
import type { TripShipmentTotals } from '../../shared/ports/index.js';
import type { Company, TripRecord } from '../../shared/records.js';
import { tripPart } from '../../shared/trip-documents.js';

/** Shipments read per step: the repositories' largest page. */
const PAGE = 500;
/** Reads again when the shipments changed meanwhile, at most this many times in all. */
const READS = 3;

export interface StoredTripFindings {
  readonly issues: readonly Issue[];
  /** The id of each shipment, by its index in the trip (`/shipments/3` → ids[3]). */
  readonly shipmentIds: readonly string[];
}

/**
 * The rule engine over a stored trip, as `validateDocument` over the whole assembled document
 * answers, without holding the trip: its shipments are read a page at a time, each page in a
 * short transaction of its own, into a PagedValidation, and other requests are served between
 * pages. A trip of 100,000 shipments took 9 s and 560 MB read whole, in one transaction that on
 * SQLite (one connection) held up every other request of the service meanwhile.
 *
 * Pages read in several transactions are not one snapshot: the shipments' totals (count,
 * summed versions, last change) are compared as the first page is read and after the last, and
 * the trip is read again when a write came in between.
 * `trip` is the record the answer describes (the caller's just-saved version, say).
 */
export async function storedTripFindings(
  deps: AppDeps,
  company: Company,
  trip: TripRecord,
  now: Date = deps.clock.now(),
): Promise<StoredTripFindings> {
  for (let read = 1; ; read += 1) {
    const { findings, pages, totals } = await readFindings(deps, company, trip, now);
    // One page is one transaction's snapshot.
    if (pages === 1 || read === READS) return findings;
    const after = await deps.store.transaction(
      (repos) => repos.shipments.totalsOfList(company.id, trip.id),
      READ_ONLY,
    );
    if (sameTotals(totals, after)) return findings;
  }
}

const READ_ONLY = { readOnly: true } as const;

async function readFindings(
  deps: AppDeps,
  company: Company,
  trip: TripRecord,
  now: Date,
): Promise<{
  findings: StoredTripFindings;
  pages: number;
  totals: TripShipmentTotals | undefined;
}> {
  const validation = new PagedValidation(tripPart(trip.document), {
    now,
    scac: company.scac,
    regulations: deps.regulations,
  });
  const shipmentIds: string[] = [];
  let totals: TripShipmentTotals | undefined;
  let pages = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.transaction(async (repos) => {
      // The totals as the first page is read, to tell whether the later pages saw a change.
      if (pages === 0) totals = await repos.shipments.totalsOfList(company.id, trip.id);
      return repos.shipments.list(company.id, { tripId: trip.id }, { cursor, limit: PAGE });
    }, READ_ONLY);
    pages += 1;
    validation.addPage(page.items.map((record) => record.shipment));
    for (const record of page.items) shipmentIds.push(record.id);
    cursor = page.nextCursor ?? undefined;
    // The database's answer comes back without the event loop turning (better-sqlite3 is
    // synchronous): other requests get their turn between pages here.
    if (cursor !== undefined) await nextTurn();
  } while (cursor !== undefined);
  return { findings: { issues: validation.issues(), shipmentIds }, pages, totals };
}
