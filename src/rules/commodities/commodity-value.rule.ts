import { findShipmentType } from '../../codes/index.js';
import { childPointer, type Issue } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities } from '../support/shipments.js';
import {
  ACE_TRUCK_MANIFEST_IG,
  IN_BOND_REGULATIONS,
  SECTION_321_REGULATION,
  cite,
} from '../sources.js';

/**
 * Value is required when the shipment is Section 321 (19 CFR 10.151) or in-bond (19 CFR part 18). Section 321 needs it to check the de minimis limit; an in-bond movement
 * declares the value of the goods it carries under bond.
 */
const VALUE_REQUIRED_FOR = new Set(['SECTION_321', 'IN_BOND']);

const VALUE_REQUIRED: IssueDefinition = {
  code: 'COMMODITY_VALUE_REQUIRED',
  severity: 'error',
  title: 'A Section 321 or in-bond commodity has no value',
  fix: 'Enter the value of the commodity line in U.S. dollars, from the commercial invoice.',
  source: cite(`${SECTION_321_REGULATION} (Section 321)`, `${IN_BOND_REGULATIONS} (in-bond)`),
};

const VALUE_NEGATIVE: IssueDefinition = {
  code: 'COMMODITY_VALUE_NEGATIVE',
  severity: 'error',
  title: 'A commodity value is negative',
  fix: 'Enter the value in U.S. dollars, 0 or more.',
  source: ACE_TRUCK_MANIFEST_IG,
};

/** Value in U.S. dollars: never negative, and required for Section 321 and in-bond shipments. */
export const commodityValueRule: Rule = {
  id: 'commodity-value',
  issues: [VALUE_REQUIRED, VALUE_NEGATIVE],
  check(document) {
    return allCommodities(document).flatMap(({ commodity, path, shipment }): Issue[] => {
      const { value } = commodity;
      const type = shipment.shipment.type;
      if (value === undefined) {
        return type !== undefined && VALUE_REQUIRED_FOR.has(type)
          ? [
              raise(
                VALUE_REQUIRED,
                childPointer(path, 'value'),
                // The type's name, as the user chose it: "Section 321 (de minimis)".
                `The commodity has no value in U.S. dollars, which a shipment of type ${findShipmentType(type)?.name ?? type} needs.`,
              ),
            ]
          : [];
      }
      if (value < 0) {
        return [
          raise(VALUE_NEGATIVE, childPointer(path, 'value'), `The value ${value} is negative.`),
        ];
      }
      return [];
    });
  },
};
