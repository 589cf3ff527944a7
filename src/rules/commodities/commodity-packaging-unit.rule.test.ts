import { describe, expect, it } from 'vitest';
import type { Commodity, ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { commodityPackagingUnitRule } from './commodity-packaging-unit.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [commodityPackagingUnitRule] });

const withCommodity = (commodity: Partial<Commodity>) =>
  aTrip({ shipments: [aShipment({ commodities: [aCommodity(commodity)] })] });

describe('commodity-packaging-unit rule', () => {
  it('accepts a CBP packaging unit', () => {
    expect(check(withCommodity({ packagingUnit: 'CTN' }))).toEqual([]);
  });

  it('refuses a commodity without a packaging unit', () => {
    expect(check(withCommodity({ packagingUnit: undefined }))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_PACKAGING_UNIT_REQUIRED',
        severity: 'error',
        path: '/shipments/0/commodities/0/packagingUnit',
      }),
    ]);
  });

  it('refuses an unknown packaging unit, naming it', () => {
    const issues = check(withCommodity({ packagingUnit: 'PALLETS' }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_PACKAGING_UNIT_UNKNOWN',
        path: '/shipments/0/commodities/0/packagingUnit',
      }),
    ]);
    expect(issues[0]?.message).toContain('"PALLETS"');
  });
});
