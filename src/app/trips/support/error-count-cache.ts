/**
 * The trips list's error count of big trips, kept between requests. The list shows each trip's
 * error count, which is the rule engine run over the whole trip: about 0.6 s for a
 * 10,000-shipment trip, on every page of the list that shows it. A count is kept with a stamp
 * of what it was computed from (the trip's version, its shipments' count, summed versions and
 * last change, the company's SCAC); any write to the trip or one of its shipments changes the
 * stamp. The rules also read the clock (an ETA gone by, the Section 321 suspension from
 * 2025-08-29, EO 14324), so a count is current for a minute.
 *
 * The service's list does not wait for a big trip's count (seconds for 100,000 shipments): it
 * answers the count kept under the same stamp, however old, or none, and counts again in the
 * background, one count per trip at a time (`countInBackground`).
 */
import type { TripShipmentTotals } from '../../shared/ports/index.js';
import type { TripRecord } from '../../shared/records.js';

/** Smaller trips are checked on every request: tens of milliseconds, and always current. */
export const CACHED_FROM_SHIPMENTS = 1_000;
export const ERROR_COUNT_KEPT_MS = 60_000;
/** Entries of one process, oldest dropped first: a few bytes each. */
const MOST_KEPT = 1_000;

interface Kept {
  readonly stamp: string;
  readonly at: number;
  readonly errorCount: number;
}

/** Per set of dependencies (one per server), so tests and tenants of other stores never mix. */
const kept = new WeakMap<object, Map<string, Kept>>();

export function errorCountStamp(
  trip: TripRecord,
  totals: TripShipmentTotals,
  scac: string,
): string {
  return [
    trip.version,
    trip.updatedAt,
    totals.count,
    totals.versionSum,
    totals.lastUpdatedAt,
    scac,
  ].join('|');
}

function keyOf(trip: TripRecord): string {
  return `${trip.companyId}/${trip.id}`;
}

export function keptErrorCount(
  owner: object,
  trip: TripRecord,
  stamp: string,
  now: Date,
): number | undefined {
  const entry = kept.get(owner)?.get(keyOf(trip));
  if (entry === undefined || entry.stamp !== stamp) return undefined;
  const age = now.getTime() - entry.at;
  return age >= 0 && age < ERROR_COUNT_KEPT_MS ? entry.errorCount : undefined;
}

/** The count kept under this stamp whatever its age: the rules' clock may have moved since. */
export function staleErrorCount(
  owner: object,
  trip: TripRecord,
  stamp: string,
): number | undefined {
  const entry = kept.get(owner)?.get(keyOf(trip));
  return entry?.stamp === stamp ? entry.errorCount : undefined;
}

const underWay = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * Runs `count` unless a count of this trip is already under way. A count that fails is
 * dropped: the next list asks again.
 */
export function countInBackground(
  owner: object,
  trip: TripRecord,
  count: () => Promise<void>,
): void {
  const running = entriesOf(underWay, owner);
  const key = keyOf(trip);
  if (running.has(key)) return;
  running.set(
    key,
    count()
      .catch(() => undefined)
      .finally(() => running.delete(key)),
  );
}

/** Settles once no count is under way (for a test's next step). */
export async function countsUnderWay(owner: object): Promise<void> {
  const counts = underWay.get(owner);
  while (counts !== undefined && counts.size > 0) await Promise.all(counts.values());
}

export function keepErrorCount(
  owner: object,
  trip: TripRecord,
  stamp: string,
  now: Date,
  errorCount: number,
): void {
  const entries = entriesOf(kept, owner);
  const key = keyOf(trip);
  entries.delete(key);
  entries.set(key, { stamp, at: now.getTime(), errorCount });
  if (entries.size > MOST_KEPT) {
    const oldest = entries.keys().next();
    if (oldest.done !== true) entries.delete(oldest.value);
  }
}

/** The owner's entries of a registry, made empty on first use. */
function entriesOf<V>(registry: WeakMap<object, Map<string, V>>, owner: object): Map<string, V> {
  let entries = registry.get(owner);
  if (entries === undefined) {
    entries = new Map();
    registry.set(owner, entries);
  }
  return entries;
}
