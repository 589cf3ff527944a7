import { describe, expect, it } from 'vitest';
import type { Commodity, ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { commodityWeightRule } from './commodity-weight.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [commodityWeightRule] });

const withCommodity = (commodity: Partial<Commodity>) =>
  aTrip({ shipments: [aShipment({ commodities: [aCommodity(commodity)] })] });

describe('commodity-weight rule', () => {
  it.each(['L', 'LB', 'K', 'KG'])('accepts a positive weight in %s', (weightUnit) => {
    expect(check(withCommodity({ weight: 0.5, weightUnit }))).toEqual([]);
  });

  it('refuses a commodity without weight or unit', () => {
    expect(check(withCommodity({ weight: undefined, weightUnit: undefined }))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_WEIGHT_REQUIRED',
        severity: 'error',
        path: '/shipments/0/commodities/0/weight',
      }),
      expect.objectContaining({
        code: 'COMMODITY_WEIGHT_UNIT_REQUIRED',
        path: '/shipments/0/commodities/0/weightUnit',
      }),
    ]);
  });

  it.each([0, -1])('refuses the weight %d', (weight) => {
    expect(check(withCommodity({ weight }))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_WEIGHT_NOT_POSITIVE',
        path: '/shipments/0/commodities/0/weight',
      }),
    ]);
  });

  it.each(['lbs', 'T', 'kg'])('refuses the weight unit %j', (weightUnit) => {
    const issues = check(withCommodity({ weightUnit }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_WEIGHT_UNIT_UNKNOWN',
        path: '/shipments/0/commodities/0/weightUnit',
      }),
    ]);
    expect(issues[0]?.message).toContain(`"${weightUnit}"`);
  });
});
