import type { Issue, Shipment, TripDocument } from '../../domain/index.js';
import { validateDocument } from '../../rules/index.js';
import type { AppDeps } from './deps.js';
import type { Company } from './records.js';

/**
 * The rule engine's findings for what a write touched. Saving an invalid draft is allowed, so
 * these are returned with the saved record, never thrown.
 */
export function tripIssues(
  deps: Pick<AppDeps, 'clock' | 'regulations'>,
  company: Company,
  document: TripDocument,
): Issue[] {
  return validateDocument(document, {
    now: deps.clock.now(),
    scac: company.scac,
    regulations: deps.regulations,
  });
}

const AT_SHIPMENT = '/shipments/0';

/**
 * Issues of one shipment, with paths relative to the shipment (`/commodities/0/value`). It is
 * checked inside its trip's fields (equipment references, arrival date for Section 321) but
 * without the trip's other shipments, so a save costs the same on a trip of 10,000 shipments;
 * cross-shipment rules run in validateTrip.
 */
export function shipmentIssues(
  deps: Pick<AppDeps, 'clock' | 'regulations'>,
  company: Company,
  shipment: Shipment,
  trip: TripDocument | null,
): Issue[] {
  const document =
    trip === null
      ? { data: 'ACE_SHIPMENT' as const, shipments: [shipment] }
      : { ...trip, shipments: [shipment] };
  return validateDocument(document, {
    now: deps.clock.now(),
    scac: company.scac,
    regulations: deps.regulations,
  }).flatMap((issue) => {
    // The count of issues left out (capped per code) concerns this shipment too.
    if (issue.code === 'ISSUES_TRUNCATED') return [issue];
    return issue.path === AT_SHIPMENT || issue.path.startsWith(AT_SHIPMENT + '/')
      ? [{ ...issue, path: issue.path.slice(AT_SHIPMENT.length) }]
      : [];
  });
}
