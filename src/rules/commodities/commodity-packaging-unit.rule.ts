import { findPackagingUnit } from '../../codes/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities, isBlank } from '../support/shipments.js';
import { ACE_PACKAGING_UNIT_CODES, TRUCK_CARGO_ADVANCE_INFO } from '../sources.js';

const UNIT_REQUIRED: IssueDefinition = {
  code: 'COMMODITY_PACKAGING_UNIT_REQUIRED',
  severity: 'error',
  title: 'A commodity has no packaging unit',
  fix: 'Say what the quantity counts: PLT (pallets), CTN (cartons), BOX, PCS, …',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const UNIT_UNKNOWN: IssueDefinition = {
  code: 'COMMODITY_PACKAGING_UNIT_UNKNOWN',
  severity: 'error',
  title: 'The packaging unit is not a CBP code',
  fix: 'Use a code from the packaging-unit list (docs/code-lists.md), e.g. PLT, CTN, BOX.',
  source: ACE_PACKAGING_UNIT_CODES,
};

/** The quantity's packaging unit is one of CBP's codes. */
export const commodityPackagingUnitRule: Rule = {
  id: 'commodity-packaging-unit',
  issues: [UNIT_REQUIRED, UNIT_UNKNOWN],
  check(document) {
    return allCommodities(document).flatMap(({ commodity, path }) => {
      const unit = commodity.packagingUnit;
      if (isBlank(unit))
        return [
          raise(
            UNIT_REQUIRED,
            childPointer(path, 'packagingUnit'),
            'The commodity has no packaging unit.',
          ),
        ];
      if (findPackagingUnit(unit) === undefined) {
        return [
          raise(
            UNIT_UNKNOWN,
            childPointer(path, 'packagingUnit'),
            `"${unit}" is not a CBP packaging unit code.`,
          ),
        ];
      }
      return [];
    });
  },
};
