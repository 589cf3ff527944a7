/**
 * A big trip's validation, kept between requests: the trips list's error count and the trip
 * page's `GET /trips/{id}/validation` are the rule engine run over the whole trip, about 0.6 s
 * for a 10,000-shipment trip and 3–4 s for 100,000, on every request that shows them. What was
 * found is kept with a stamp of what it was computed from (the trip's version, its shipments'
 * count, summed versions and last change, the company's SCAC); any write to the trip or one of
 * its shipments changes the stamp. The rules also read the clock (an ETA gone by, the Section
 * 321 suspension from 2025-08-29, EO 14324), so a count is current for a minute. Either request
 * keeps it for the other: the list counts in the background, and the trip opened from it a
 * moment later finds its problems at once.
 *
 * The service's list does not wait for a big trip's count (seconds for 100,000 shipments): it
 * answers the count kept under the same stamp, however old, or none, and counts again in the
 * background, one count per trip at a time (`countInBackground`).
 */
import { inShipment, type Issue } from '../../../domain/index.js';
import type { TripShipmentTotals } from '../../shared/ports/index.js';
import type { TripRecord } from '../../shared/records.js';
import type { StoredTripFindings } from './stored-trip-findings.js';

/** Smaller trips are checked on every request: tens of milliseconds, and always current. */
export const CACHED_FROM_SHIPMENTS = 1_000;
/** How long a validation is current: the rules read the clock. */
export const VALIDATION_KEPT_MS = 60_000;
/** Entries of one process, oldest dropped first: a few bytes each. */
const MOST_KEPT = 1_000;
/**
 * Of these many trips at most, the latest kept, the problems are kept as well as their count:
 * a trip's problems are up to a few megabytes.
 */
const MOST_VALIDATIONS_KEPT = 16;
/** Problems past this many are not kept (their count is): such a trip is checked again. */
const MOST_ISSUES_KEPT = 20_000;

/** What GET /trips/{id}/validation answers: the problems, and the shipment each one names. */
export interface TripValidation {
  readonly issues: readonly Issue[];
  /** The id of each shipment an issue's path names, by its index (`/shipments/3/…` → "3"). */
  readonly shipmentIds: Readonly<Record<string, string>>;
}

interface Kept {
  readonly stamp: string;
  readonly at: number;
  readonly errorCount: number;
  readonly validation?: TripValidation | undefined;
}

/** How many of these problems are errors (a trip with any is not sent). */
export function errorCountOf(issues: readonly Issue[]): number {
  return issues.filter((issue) => issue.severity === 'error').length;
}

/** The problems of stored findings, each with the id of the shipment it names. */
export function tripValidation(findings: StoredTripFindings): TripValidation {
  const shipmentIds: Record<string, string> = {};
  for (const issue of findings.issues) {
    const index = inShipment(issue.path)?.index;
    const id = index === undefined ? undefined : findings.shipmentIds[index];
    if (index !== undefined && id !== undefined) shipmentIds[String(index)] = id;
  }
  return { issues: findings.issues, shipmentIds };
}

/** Per set of dependencies (one per server), so tests and tenants of other stores never mix. */
const kept = new WeakMap<object, Map<string, Kept>>();

/** What a trip's validation is computed from, in a word: any write to the trip changes it. */
export function validationStamp(
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

/** The entry kept under this stamp, whatever its age. */
function keptUnder(owner: object, trip: TripRecord, stamp: string): Kept | undefined {
  const entry = kept.get(owner)?.get(keyOf(trip));
  return entry?.stamp === stamp ? entry : undefined;
}

/** The entry kept under this stamp while it is current. */
function current(owner: object, trip: TripRecord, stamp: string, now: Date): Kept | undefined {
  const entry = keptUnder(owner, trip, stamp);
  if (entry === undefined) return undefined;
  const age = now.getTime() - entry.at;
  return age >= 0 && age < VALIDATION_KEPT_MS ? entry : undefined;
}

export function keptErrorCount(
  owner: object,
  trip: TripRecord,
  stamp: string,
  now: Date,
): number | undefined {
  return current(owner, trip, stamp, now)?.errorCount;
}

/** The problems kept under this stamp while they are current. */
export function keptValidation(
  owner: object,
  trip: TripRecord,
  stamp: string,
  now: Date,
): TripValidation | undefined {
  return current(owner, trip, stamp, now)?.validation;
}

/** The count kept under this stamp whatever its age: the rules' clock may have moved since. */
export function staleErrorCount(
  owner: object,
  trip: TripRecord,
  stamp: string,
): number | undefined {
  return keptUnder(owner, trip, stamp)?.errorCount;
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

/** Keeps a trip's validation (its problems while few enough, and their error count). */
export function keepValidation(
  owner: object,
  trip: TripRecord,
  stamp: string,
  now: Date,
  validation: TripValidation,
): void {
  const entries = entriesOf(kept, owner);
  const key = keyOf(trip);
  entries.delete(key);
  const errorCount = errorCountOf(validation.issues);
  const whole = validation.issues.length <= MOST_ISSUES_KEPT;
  entries.set(key, {
    stamp,
    at: now.getTime(),
    errorCount,
    validation: whole ? validation : undefined,
  });
  if (entries.size > MOST_KEPT) {
    const oldest = entries.keys().next();
    if (oldest.done !== true) entries.delete(oldest.value);
  }
  // Only the latest trips' problems are kept whole; the older keep their count.
  let withProblems = 0;
  for (const [otherKey, entry] of [...entries].reverse()) {
    if (entry.validation === undefined) continue;
    withProblems += 1;
    if (withProblems > MOST_VALIDATIONS_KEPT)
      entries.set(otherKey, { ...entry, validation: undefined });
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
