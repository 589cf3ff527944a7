/**
 * listTrips(deps, actor, { status?, text?, arrivalFrom?, arrivalTo?, port?, cursor?, limit?,
 * counting? }) → Page<TripListItem> — newest first, keyset-paginated; dates are port-local `YYYY-MM-DD`.
 * Each trip comes with its shipment count and the rule engine's error count at the clock's
 * now, so the list shows which trips need work without one request per row. The counts come
 * from one grouped query; a big trip's error count is kept between requests while nothing in
 * it changed (support/error-count-cache.ts), and the service's list counts big trips in the
 * background rather than keep the dispatcher waiting (`counting`). Each also says where CBP stands on it (its status
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
  validationStamp,
  countInBackground,
  errorCountOf,
  keepValidation,
  tripValidation,
  keptErrorCount,
  staleErrorCount,
} from './support/trip-validation-cache.js';
import { storedTripFindings } from './support/stored-trip-findings.js';

export interface TripListItem extends TripRecord {
  readonly shipmentCount: number;
  /** Null while a big trip is first counted in the background (`counting: 'background'`). */
  readonly errorCount: number | null;
  /** 'draft': nothing of the trip was sent to CBP yet. */
  readonly cbp: TripFilingSummary;
}

const NOT_SENT: TripFilingSummary = { status: 'draft', rejectedShipments: 0 };

export interface ListTripsInput extends TripFilter, PageRequest {
  /**
   * `wait` (default): every count is current. `background`: a big trip's count that is not
   * current is answered as kept (however old; null if none) and counted again in the
   * background, so that the list answers at once (the service's list: its landing page).
   */
  readonly counting?: 'wait' | 'background' | undefined;
}

export async function listTrips(
  deps: AppDeps,
  actor: Actor,
  input: ListTripsInput,
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
  const { cursor, limit, counting = 'wait', ...filter } = input;
  const now = deps.clock.now();
  const read = await deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      const page = await repos.trips.list(actor.companyId, filter, { cursor, limit });
      const tripIds = page.items.map((trip) => trip.id);
      const totals = await repos.shipments.totalsOfTrips(company.id, tripIds);
      const filing = await repos.filing.summariesOfTrips(company.id, tripIds);
      return { company, page, totals, filing };
    },
    { readOnly: true },
  );
  const { company, page, totals, filing } = read;
  const items: TripListItem[] = [];
  for (const trip of page.items) {
    const total = totals.get(trip.id);
    const stamp =
      total !== undefined && total.count >= CACHED_FROM_SHIPMENTS
        ? validationStamp(trip, total, company.scac)
        : undefined;
    const kept = stamp === undefined ? undefined : keptErrorCount(deps, trip, stamp, now);
    const cbp = filing.get(trip.id) ?? NOT_SENT;
    if (kept !== undefined) {
      items.push({ ...trip, shipmentCount: total?.count ?? 0, errorCount: kept, cbp });
      continue;
    }
    const count = async (): Promise<{ errorCount: number; shipmentCount: number }> => {
      // Outside the list's transaction, a page of shipments at a time: never held whole.
      const findings = await storedTripFindings(deps, company, trip, now);
      // Kept whole: the trip opened from the list finds its problems at once.
      if (stamp !== undefined) keepValidation(deps, trip, stamp, now, tripValidation(findings));
      return {
        errorCount: errorCountOf(findings.issues),
        shipmentCount: findings.shipmentIds.length,
      };
    };
    if (stamp !== undefined && counting === 'background') {
      countInBackground(deps, trip, async () => {
        await count();
      });
      const errorCount = staleErrorCount(deps, trip, stamp) ?? null;
      items.push({ ...trip, shipmentCount: total?.count ?? 0, errorCount, cbp });
      continue;
    }
    items.push({ ...trip, ...(await count()), cbp });
  }
  return { items, nextCursor: page.nextCursor };
}
