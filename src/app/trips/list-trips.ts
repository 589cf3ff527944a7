/**
 * listTrips(deps, actor, { status?, text?, arrivalFrom?, arrivalTo?, port?, cursor?, limit? })
 * → Page<TripListItem> — newest first, keyset-paginated; dates are port-local `YYYY-MM-DD`.
 * Each trip comes with its shipment count and the rule engine's error count at the clock's
 * now, so the list shows which trips need work without one request per row. The counts come
 * from one grouped query; a big trip's error count is kept between requests while nothing in
 * it changed (support/error-count-cache.ts). Each also says where CBP stands on it (its status
 * and how many of its shipments CBP rejected), from one more grouped query: a dispatcher
 * filing forty trucks sees which CBP has not accepted without opening each.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { InputChecks, isDate } from '../shared/input-checks.js';
import { companyOf } from '../shared/lookups.js';
import type { TripFilingSummary, TripFilter } from '../shared/ports/index.js';
import type { Page, PageRequest, TripRecord } from '../shared/records.js';
import {
  CACHED_FROM_SHIPMENTS,
  errorCountStamp,
  keepErrorCount,
  keptErrorCount,
} from './support/error-count-cache.js';
import { storedTripFindings } from './support/stored-trip-findings.js';

export interface TripListItem extends TripRecord {
  readonly shipmentCount: number;
  readonly errorCount: number;
  /** 'draft': nothing of the trip was sent to CBP yet. */
  readonly cbp: TripFilingSummary;
}

const NOT_SENT: TripFilingSummary = { status: 'draft', rejectedShipments: 0 };

export async function listTrips(
  deps: AppDeps,
  actor: Actor,
  input: TripFilter & PageRequest,
): Promise<Page<TripListItem>> {
  new InputChecks()
    .check(
      input.arrivalFrom === undefined || isDate(input.arrivalFrom),
      'FILTER_DATE_FORMAT',
      '/arrivalFrom',
      'Use YYYY-MM-DD.',
    )
    .check(
      input.arrivalTo === undefined || isDate(input.arrivalTo),
      'FILTER_DATE_FORMAT',
      '/arrivalTo',
      'Use YYYY-MM-DD.',
    )
    .throwIfAny('Trip list');
  const { cursor, limit, ...filter } = input;
  const now = deps.clock.now();
  const read = await deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const page = await repos.trips.list(actor.companyId, filter, { cursor, limit });
    const tripIds = page.items.map((trip) => trip.id);
    const totals = await repos.shipments.totalsOfTrips(company.id, tripIds);
    const filing = await repos.filing.summariesOfTrips(company.id, tripIds);
    return { company, page, totals, filing };
  });
  const { company, page, totals, filing } = read;
  const items: TripListItem[] = [];
  for (const trip of page.items) {
    const total = totals.get(trip.id);
    const stamp =
      total !== undefined && total.count >= CACHED_FROM_SHIPMENTS
        ? errorCountStamp(trip, total, company.scac)
        : undefined;
    const kept = stamp === undefined ? undefined : keptErrorCount(deps, trip, stamp, now);
    const cbp = filing.get(trip.id) ?? NOT_SENT;
    if (kept !== undefined) {
      items.push({ ...trip, shipmentCount: total?.count ?? 0, errorCount: kept, cbp });
      continue;
    }
    // Outside the list's transaction, a page of shipments at a time: a big trip is never held.
    const findings = await storedTripFindings(deps, company, trip, now);
    const errorCount = findings.issues.filter((issue) => issue.severity === 'error').length;
    if (stamp !== undefined) keepErrorCount(deps, trip, stamp, now, errorCount);
    items.push({ ...trip, shipmentCount: findings.shipmentIds.length, errorCount, cbp });
  }
  return { items, nextCursor: page.nextCursor };
}
