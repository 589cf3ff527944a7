import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { shipmentsOf } from '../support/shipments.js';

/**
 * The ANSI X12 309 that ACE receives numbers commodity lines within a shipment with at most
 * three digits, so a shipment carries at most 999 lines (CBP ACE highway eManifest X12 309
 * implementation guide). Past that the manifest cannot be filed, and validating hundreds of
 * thousands of lines only burns the server.
 */
export const MAX_COMMODITIES_PER_SHIPMENT = 999;

/**
 * Not a CBP limit but this product's: a trip of 100,000 shipments is what the CSV import is
 * built and measured for (docs/api.md); larger documents are refused as an error here.
 */
export const MAX_SHIPMENTS_PER_TRIP = 100_000;

const TOO_MANY_COMMODITIES: IssueDefinition = {
  code: 'SHIPMENT_TOO_MANY_COMMODITIES',
  severity: 'error',
  title: `A shipment has more than ${MAX_COMMODITIES_PER_SHIPMENT} commodity lines`,
  fix: 'Merge lines of the same goods, or split the goods into several shipments.',
  source: 'CBP ACE highway eManifest ANSI X12 309 implementation guide (commodity line numbering)',
};

const TOO_MANY_SHIPMENTS: IssueDefinition = {
  code: 'TRIP_TOO_MANY_SHIPMENTS',
  severity: 'error',
  title: `A document has more than ${MAX_SHIPMENTS_PER_TRIP.toLocaleString('en-US')} shipments`,
  fix: 'Split the shipments over several trips or documents.',
};

/** Counts, located at the first element over the limit. */
export const documentSizeRule: Rule = {
  id: 'document-size',
  acrossShipments: true,
  issues: [TOO_MANY_COMMODITIES, TOO_MANY_SHIPMENTS],
  check(document) {
    const issues = shipmentsOf(document).flatMap(({ shipment, path }) => {
      const count = shipment.commodities?.length ?? 0;
      return count > MAX_COMMODITIES_PER_SHIPMENT
        ? [
            raise(
              TOO_MANY_COMMODITIES,
              childPointer(path, 'commodities', MAX_COMMODITIES_PER_SHIPMENT),
              `The shipment has ${count.toLocaleString('en-US')} commodity lines; ACE takes at most ${MAX_COMMODITIES_PER_SHIPMENT}.`,
            ),
          ]
        : [];
    });
    const shipments = document.shipments?.length ?? 0;
    if (shipments > MAX_SHIPMENTS_PER_TRIP) {
      issues.unshift(
        raise(
          TOO_MANY_SHIPMENTS,
          `/shipments/${MAX_SHIPMENTS_PER_TRIP}`,
          `The document has ${shipments.toLocaleString('en-US')} shipments; at most ${MAX_SHIPMENTS_PER_TRIP.toLocaleString('en-US')} are accepted.`,
        ),
      );
    }
    return issues;
  },
};
