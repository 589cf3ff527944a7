import { isOneOf, WEIGHT_UNITS } from '../../codes/index.js';
import { childPointer, type Issue } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities, isBlank } from '../support/shipments.js';
import { ACE_TRUCK_MANIFEST_IG, TRUCK_CARGO_ADVANCE_INFO } from '../sources.js';

const WEIGHT_REQUIRED: IssueDefinition = {
  code: 'COMMODITY_WEIGHT_REQUIRED',
  severity: 'error',
  title: 'A commodity has no weight',
  fix: 'Enter the gross weight of the commodity line from the bill of lading.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const WEIGHT_NOT_POSITIVE: IssueDefinition = {
  code: 'COMMODITY_WEIGHT_NOT_POSITIVE',
  severity: 'error',
  title: 'A commodity weight is zero or negative',
  fix: 'Enter the gross weight, greater than 0.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const UNIT_REQUIRED: IssueDefinition = {
  code: 'COMMODITY_WEIGHT_UNIT_REQUIRED',
  severity: 'error',
  title: 'A commodity weight has no unit',
  fix: 'Say whether the weight is in pounds (L) or kilograms (K).',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const UNIT_UNKNOWN: IssueDefinition = {
  code: 'COMMODITY_WEIGHT_UNIT_UNKNOWN',
  severity: 'error',
  title: 'The weight unit is not pounds or kilograms',
  fix: `Use one of ${Object.keys(WEIGHT_UNITS).join(', ')} (pounds or kilograms).`,
  source: ACE_TRUCK_MANIFEST_IG,
};

/** Every commodity has a gross weight above 0 in pounds or kilograms. */
export const commodityWeightRule: Rule = {
  id: 'commodity-weight',
  issues: [WEIGHT_REQUIRED, WEIGHT_NOT_POSITIVE, UNIT_REQUIRED, UNIT_UNKNOWN],
  check(document) {
    return allCommodities(document).flatMap(({ commodity, path }) => {
      const issues: Issue[] = [];
      const { weight, weightUnit } = commodity;
      if (weight === undefined) {
        issues.push(
          raise(WEIGHT_REQUIRED, childPointer(path, 'weight'), 'The commodity has no weight.'),
        );
      } else if (weight <= 0) {
        issues.push(
          raise(
            WEIGHT_NOT_POSITIVE,
            childPointer(path, 'weight'),
            `The weight ${weight} is not greater than 0.`,
          ),
        );
      }
      if (isBlank(weightUnit)) {
        issues.push(
          raise(
            UNIT_REQUIRED,
            childPointer(path, 'weightUnit'),
            'The commodity weight has no unit.',
          ),
        );
      } else if (!isOneOf(WEIGHT_UNITS, weightUnit)) {
        issues.push(
          raise(
            UNIT_UNKNOWN,
            childPointer(path, 'weightUnit'),
            `"${weightUnit}" is not a weight unit (pounds or kilograms).`,
          ),
        );
      }
      return issues;
    });
  },
};
