import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { commodityCountryOfOriginRule } from './commodity-country-of-origin.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [commodityCountryOfOriginRule] });

const origin = (type: string, countryOfOrigin: string | undefined) =>
  aTrip({ shipments: [aShipment({ type, commodities: [aCommodity({ countryOfOrigin })] })] });

describe('commodity-country-of-origin rule', () => {
  it('accepts an ISO country of origin', () => {
    expect(check(origin('SECTION_321', 'MX'))).toEqual([]);
  });

  it('lets a PAPS commodity leave the origin out', () => {
    expect(check(origin('PAPS', undefined))).toEqual([]);
  });

  it('requires the origin on a Section 321 commodity', () => {
    expect(check(origin('SECTION_321', undefined))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_COUNTRY_OF_ORIGIN_REQUIRED',
        severity: 'error',
        path: '/shipments/0/commodities/0/countryOfOrigin',
      }),
    ]);
  });

  it.each(['CAN', 'ZZ', 'ca'])('refuses the origin %j whatever the type', (countryOfOrigin) => {
    const issues = check(origin('PAPS', countryOfOrigin));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_COUNTRY_OF_ORIGIN_UNKNOWN',
        path: '/shipments/0/commodities/0/countryOfOrigin',
      }),
    ]);
    expect(issues[0]?.message).toContain(`"${countryOfOrigin}"`);
  });
});
