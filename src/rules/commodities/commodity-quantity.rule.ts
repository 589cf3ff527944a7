import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities } from '../support/shipments.js';
import { TRUCK_CARGO_ADVANCE_INFO } from '../sources.js';

const QUANTITY_REQUIRED: IssueDefinition = {
  code: 'COMMODITY_QUANTITY_REQUIRED',
  severity: 'error',
  title: 'A commodity has no quantity',
  fix: 'Enter how many packages of the packaging unit are shipped, e.g. 20 pallets.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const QUANTITY_NOT_WHOLE: IssueDefinition = {
  code: 'COMMODITY_QUANTITY_NOT_WHOLE',
  severity: 'error',
  title: 'A commodity quantity is not a whole positive number',
  fix: 'Count whole packages (1 or more); for loose goods choose a packaging unit such as PCS or BLK.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

/** The quantity counts packages, so it is a whole number of at least 1. */
export const commodityQuantityRule: Rule = {
  id: 'commodity-quantity',
  issues: [QUANTITY_REQUIRED, QUANTITY_NOT_WHOLE],
  check(document) {
    return allCommodities(document).flatMap(({ commodity, path }) => {
      const { quantity } = commodity;
      if (quantity === undefined) {
        return [
          raise(
            QUANTITY_REQUIRED,
            childPointer(path, 'quantity'),
            'The commodity has no quantity.',
          ),
        ];
      }
      if (!Number.isInteger(quantity) || quantity < 1) {
        return [
          raise(
            QUANTITY_NOT_WHOLE,
            childPointer(path, 'quantity'),
            `The quantity ${quantity} is not a whole number of packages of 1 or more.`,
          ),
        ];
      }
      return [];
    });
  },
};
