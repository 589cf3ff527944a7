/**
 * The Section 321 law that applies to a document: the rows of the regulation table in force at
 * the arrival instant, reduced to what the Section 321 rules ask. The cut-offs are instants in
 * U.S. Eastern time, so the arrival is compared as an instant computed in the port's own zone,
 * never as a calendar date: the executive orders (EO 14256, EO 14324) take effect at
 * "12:01 a.m. eastern daylight time" (docs/regulations.md).
 */
import { DateTime } from 'luxon';
import type { Issue, ManifestDocument } from '../../domain/index.js';
import type { Section321Row } from '../regulations/regulation-table.js';
import { rowsInForce } from '../regulations/regulation-table.js';
import type { RuleContext } from '../rule.js';
import { portLocal, readArrival } from '../support/arrival.js';
import type { LocatedShipment } from '../support/shipments.js';
import { shipmentsOf } from '../support/shipments.js';

export const SECTION_321 = 'SECTION_321';

/** The executive orders state their cut-offs in U.S. Eastern time. */
const EASTERN = 'America/New_York';

type RowOf<K extends Section321Row['kind']> = Extract<Section321Row, { kind: K }>;
export type ValueLimitRow = RowOf<'value-limit'>;
export type OriginExcludedRow = RowOf<'origin-excluded'>;
/** A row that takes Section 321 away altogether: every such shipment is refused. */
export type RefusalRow = RowOf<'suspended'> | RowOf<'repealed'>;

export interface Section321Law {
  /** The instant the law is judged at. */
  readonly at: Date;
  /** The arrival day, `YYYY-MM-DD`: port-local for a trip, U.S. Eastern otherwise. */
  readonly arrivalDay: string;
  /** When, and how `at` was chosen, for messages: "for arrival at 2025-08-29 00:02 EDT at Buffalo-Niagara Falls". */
  readonly when: string;
  /** The lowest value limit in force; undefined when the table has none for that instant. */
  readonly valueLimit: ValueLimitRow | undefined;
  /** Origins refused, each with the row that refuses it. */
  readonly excludedOrigins: ReadonlyMap<string, OriginExcludedRow>;
  /**
   * Set when Section 321 is not available at all. A repeal outranks a suspension: the statute
   * stays when an executive order is lifted.
   */
  readonly refusal: RefusalRow | undefined;
}

function eastern(at: Date): DateTime {
  return DateTime.fromJSDate(at, { zone: EASTERN });
}

/**
 * A trip is judged at its ETA in the port's zone. A shipment list carries no arrival time, and a
 * trip whose ETA cannot be read has none either: both are judged at `now`, and the messages
 * say so, because filing happens about now and the law of today is the safest guess.
 */
function judgementInstant(
  document: ManifestDocument,
  now: Date,
): Pick<Section321Law, 'at' | 'arrivalDay' | 'when'> {
  const arrival = readArrival(document);
  if (arrival.kind === 'instant') {
    // The cut-offs are Eastern instants: a port in another zone shows both clocks.
    const inEastern =
      arrival.port.timeZone === EASTERN
        ? ''
        : ` (${eastern(arrival.at).toFormat('yyyy-MM-dd HH:mm ZZZZ')})`;
    return {
      at: arrival.at,
      arrivalDay: arrival.localDate,
      when: `for arrival at ${portLocal(arrival.at, arrival.port)} at ${arrival.port.name}${inEastern}`,
    };
  }
  const reason =
    document.data === 'ACE_SHIPMENT'
      ? 'a shipment list carries no arrival time'
      : 'the trip has no readable ETA at a known port';
  return {
    at: now,
    arrivalDay: eastern(now).toFormat('yyyy-MM-dd'),
    when: `on ${eastern(now).toFormat('yyyy-MM-dd HH:mm ZZZZ')} (judged at the current time, as ${reason})`,
  };
}

export function section321Law(document: ManifestDocument, context: RuleContext): Section321Law {
  const instant = judgementInstant(document, context.now);
  let valueLimit: ValueLimitRow | undefined;
  const excludedOrigins = new Map<string, OriginExcludedRow>();
  let suspended: RowOf<'suspended'> | undefined;
  let repealed: RowOf<'repealed'> | undefined;
  for (const row of rowsInForce(context.regulations.section321, instant.at)) {
    switch (row.kind) {
      case 'value-limit':
        if (valueLimit === undefined || row.limitUsd < valueLimit.limitUsd) valueLimit = row;
        break;
      case 'origin-excluded':
        for (const country of row.countries) {
          if (!excludedOrigins.has(country)) excludedOrigins.set(country, row);
        }
        break;
      case 'suspended':
        suspended ??= row;
        break;
      case 'repealed':
        repealed ??= row;
        break;
      default:
        return unreachable(row);
    }
  }
  return { ...instant, valueLimit, excludedOrigins, refusal: repealed ?? suspended };
}

function unreachable(row: never): never {
  throw new Error(`Unknown Section 321 row kind: ${JSON.stringify(row)}`);
}

export function section321Shipments(document: ManifestDocument): LocatedShipment[] {
  return shipmentsOf(document).filter((located) => located.shipment.type === SECTION_321);
}

/** Sum of the commodity values in whole cents, so that 799.99 + 0.01 is exactly 800. */
export function valueInCents(located: LocatedShipment): number {
  let cents = 0;
  for (const commodity of located.shipment.commodities ?? []) {
    const value = commodity.value;
    // Missing or negative values are the commodity rules' finding; they must not lower a total.
    if (value !== undefined && Number.isFinite(value) && value > 0) {
      cents += Math.round(value * 100);
    }
  }
  return cents;
}

// Built once: creating a number format per message is slow on a 10,000-shipment trip.
const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DOLLARS_AND_CENTS = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function usd(cents: number): string {
  const format = cents % 100 === 0 ? WHOLE_DOLLARS : DOLLARS_AND_CENTS;
  return `US$${format.format(cents / 100)}`;
}

/** The issue cites the table row it was judged by, so a replaced table cites its own sources. */
export function citing(issue: Issue, ...sources: readonly string[]): Issue {
  return { ...issue, source: sources.join('; ') };
}
