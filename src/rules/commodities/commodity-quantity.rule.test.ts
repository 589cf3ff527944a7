import { describe, expect, it } from 'vitest';
import type { Commodity, ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { commodityQuantityRule } from './commodity-quantity.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [commodityQuantityRule] });

const withCommodity = (commodity: Partial<Commodity>) =>
  aTrip({ shipments: [aShipment({ commodities: [aCommodity(commodity)] })] });

describe('commodity-quantity rule', () => {
  it('accepts a whole number of packages', () => {
    expect(check(withCommodity({ quantity: 1 }))).toEqual([]);
  });

  it('refuses a commodity without a quantity', () => {
    expect(check(withCommodity({ quantity: undefined }))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_QUANTITY_REQUIRED',
        severity: 'error',
        path: '/shipments/0/commodities/0/quantity',
      }),
    ]);
  });

  it.each([0, -3, 2.5])('refuses the quantity %d', (quantity) => {
    const issues = check(withCommodity({ quantity }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_QUANTITY_NOT_WHOLE',
        path: '/shipments/0/commodities/0/quantity',
      }),
    ]);
    expect(issues[0]?.message).toContain(String(quantity));
  });
});
