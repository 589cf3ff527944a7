import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { commoditiesOf, isBlank } from '../support/shipments.js';
import { carrierInBondShipments } from './in-bond-shipments.js';
import { IN_BOND_REGULATIONS } from '../sources.js';

const HTS_REQUIRED: IssueDefinition = {
  code: 'IN_BOND_HARMONIZED_CODE_REQUIRED',
  severity: 'error',
  title: 'A commodity of an in-bond shipment has no HTS code',
  fix: 'Enter at least the first 6 digits of the Harmonized Tariff Schedule number of the goods.',
  source: IN_BOND_REGULATIONS,
};

/**
 * Every commodity moved under a carrier-filed bond names its goods by HTS number, at least 6
 * digits. A present but malformed number is COMMODITY_HARMONIZED_CODE_FORMAT (6–10 digits), and
 * the missing value is COMMODITY_VALUE_REQUIRED, so neither is repeated here.
 */
export const inBondCommoditiesRule: Rule = {
  id: 'in-bond-commodities',
  issues: [HTS_REQUIRED],
  check(document) {
    return carrierInBondShipments(document).flatMap((located) =>
      commoditiesOf(located).flatMap(({ commodity, path }) =>
        isBlank(commodity.harmonizedCode)
          ? [
              raise(
                HTS_REQUIRED,
                childPointer(path, 'harmonizedCode'),
                'The commodity of an in-bond shipment has no HTS code of at least 6 digits.',
              ),
            ]
          : [],
      ),
    );
  },
};
