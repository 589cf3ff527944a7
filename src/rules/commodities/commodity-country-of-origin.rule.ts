import { isCountry } from '../../codes/index.js';
import { childPointer, type Issue } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities, isBlank } from '../support/shipments.js';
import {
  ACE_TRUCK_MANIFEST_IG,
  ISO_COUNTRY_CODES,
  SECTION_321_REGULATION,
  cite,
} from '../sources.js';

const ORIGIN_REQUIRED: IssueDefinition = {
  code: 'COMMODITY_COUNTRY_OF_ORIGIN_REQUIRED',
  severity: 'error',
  title: 'A Section 321 commodity has no country of origin',
  fix: 'Enter the ISO 3166-1 alpha-2 code of the country where the goods were made, e.g. CA.',
  source: cite(SECTION_321_REGULATION, ACE_TRUCK_MANIFEST_IG),
};

const ORIGIN_UNKNOWN: IssueDefinition = {
  code: 'COMMODITY_COUNTRY_OF_ORIGIN_UNKNOWN',
  severity: 'error',
  title: 'The country of origin is not an ISO 3166-1 alpha-2 code',
  fix: 'Use the 2-letter upper-case ISO code of the country where the goods were made: CA, MX, CN, …',
  source: ISO_COUNTRY_CODES,
};

/**
 * Country of origin: required when the shipment is Section 321 (19 CFR 10.151), since de
 * minimis eligibility depends on it; whenever given, it must be a real ISO country code.
 */
export const commodityCountryOfOriginRule: Rule = {
  id: 'commodity-country-of-origin',
  issues: [ORIGIN_REQUIRED, ORIGIN_UNKNOWN],
  check(document) {
    return allCommodities(document).flatMap(({ commodity, path, shipment }): Issue[] => {
      const origin = commodity.countryOfOrigin;
      if (isBlank(origin)) {
        return shipment.shipment.type === 'SECTION_321'
          ? [
              raise(
                ORIGIN_REQUIRED,
                childPointer(path, 'countryOfOrigin'),
                'The commodity of a Section 321 shipment has no country of origin.',
              ),
            ]
          : [];
      }
      if (!isCountry(origin)) {
        return [
          raise(
            ORIGIN_UNKNOWN,
            childPointer(path, 'countryOfOrigin'),
            `"${origin}" is not an ISO 3166-1 alpha-2 country code.`,
          ),
        ];
      }
      return [];
    });
  },
};
