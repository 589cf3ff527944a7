import { countryOfSubdivision } from '../../codes/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank, shipmentsOf } from '../support/shipments.js';
import { ISO_SUBDIVISION_CODES, TRUCK_CARGO_ADVANCE_INFO, cite } from '../sources.js';

const PROVINCE_REQUIRED: IssueDefinition = {
  code: 'SHIPMENT_PROVINCE_OF_LOADING_REQUIRED',
  severity: 'error',
  title: 'The province/state of loading is missing',
  fix: 'Enter the code of the state or province where the carrier took the goods on, e.g. ON or TX.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const PROVINCE_UNKNOWN: IssueDefinition = {
  code: 'SHIPMENT_PROVINCE_OF_LOADING_UNKNOWN',
  severity: 'error',
  title: 'The province/state of loading is not a U.S., Canadian or Mexican code',
  fix: 'Use the ISO 3166-2 code without the country prefix: ON, QC, TX, BCN.',
  source: cite(TRUCK_CARGO_ADVANCE_INFO, ISO_SUBDIVISION_CODES),
};

/** Where the carrier took the goods on, as a state/province of the U.S., Canada or Mexico. */
export const provinceOfLoadingRule: Rule = {
  id: 'province-of-loading',
  issues: [PROVINCE_REQUIRED, PROVINCE_UNKNOWN],
  check(document) {
    return shipmentsOf(document).flatMap(({ shipment, path }) => {
      const at = childPointer(path, 'provinceOfLoading');
      const code = shipment.provinceOfLoading;
      if (isBlank(code)) {
        return [raise(PROVINCE_REQUIRED, at, 'The shipment has no province/state of loading.')];
      }
      if (countryOfSubdivision(code) === undefined) {
        return [
          raise(
            PROVINCE_UNKNOWN,
            at,
            `"${code}" is not a state or province of the U.S., Canada or Mexico.`,
          ),
        ];
      }
      return [];
    });
  },
};
