import { IIT_TYPES, isOneOf } from '../../codes/index.js';
import type { Issue } from '../../domain/index.js';
import { childPointer, isTripDocument, pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { INSTRUMENTS_OF_INTERNATIONAL_TRAFFIC } from '../sources.js';

const TYPE_REQUIRED: IssueDefinition = {
  code: 'IIT_TYPE_REQUIRED',
  severity: 'error',
  title: 'An instrument of international traffic has no type',
  fix: "Choose EC, EI, MC or MI: empty or with merchandise, on the carrier's or importer's bond.",
  source: INSTRUMENTS_OF_INTERNATIONAL_TRAFFIC,
};

const TYPE_UNKNOWN: IssueDefinition = {
  code: 'IIT_TYPE_UNKNOWN',
  severity: 'error',
  title: 'An instrument of international traffic has an unknown type',
  fix: 'Use EC (empty, carrier bond), EI (empty, importer bond), MC (loaded, carrier bond) or MI (loaded, importer bond).',
  source: INSTRUMENTS_OF_INTERNATIONAL_TRAFFIC,
};

const QUANTITY_INVALID: IssueDefinition = {
  code: 'IIT_QUANTITY_INVALID',
  severity: 'error',
  title: 'An instrument of international traffic has no whole, positive quantity',
  fix: 'Count the racks, pallets or containers: a whole number of 1 or more.',
  source: INSTRUMENTS_OF_INTERNATIONAL_TRAFFIC,
};

/** Reusable racks, pallets and containers are declared by type code and count (19 CFR 10.41a). */
export const instrumentsOfInternationalTrafficRule: Rule = {
  id: 'instruments-of-international-traffic',
  aboutTrip: true,
  issues: [TYPE_REQUIRED, TYPE_UNKNOWN, QUANTITY_INVALID],
  check(document) {
    if (!isTripDocument(document)) return [];
    return (document.instrumentsOfInternationalTraffic ?? []).flatMap((instrument, index) => {
      const path = pointer('instrumentsOfInternationalTraffic', index);
      const issues: Issue[] = [];
      const type = instrument.type;
      if (isBlank(type)) {
        issues.push(
          raise(TYPE_REQUIRED, childPointer(path, 'type'), 'The instrument has no type.'),
        );
      } else if (!isOneOf(IIT_TYPES, type.trim().toUpperCase())) {
        issues.push(
          raise(
            TYPE_UNKNOWN,
            childPointer(path, 'type'),
            `"${type}" is not an instrument of international traffic type (EC, EI, MC or MI).`,
          ),
        );
      }
      const quantity = instrument.quantity;
      if (quantity === undefined || !Number.isInteger(quantity) || quantity < 1) {
        issues.push(
          raise(
            QUANTITY_INVALID,
            childPointer(path, 'quantity'),
            quantity === undefined
              ? 'The instrument has no quantity.'
              : `Quantity ${quantity} is not a whole number of 1 or more.`,
          ),
        );
      }
      return issues;
    });
  },
};
