import { describe, expect, it } from 'vitest';
import type { Commodity, ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { commodityDescriptionRule } from './commodity-description.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [commodityDescriptionRule] });

const withCommodity = (commodity: Partial<Commodity>) =>
  aTrip({ shipments: [aShipment({ commodities: [aCommodity(), aCommodity(commodity)] })] });

describe('commodity-description rule', () => {
  it('accepts a description of 1 to 45 characters', () => {
    expect(check(withCommodity({ description: 'X' }))).toEqual([]);
    expect(check(withCommodity({ description: 'D'.repeat(45) }))).toEqual([]);
  });

  it('refuses a commodity without a description', () => {
    expect(check(withCommodity({ description: '  ' }))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_DESCRIPTION_REQUIRED',
        severity: 'error',
        path: '/shipments/0/commodities/1/description',
      }),
    ]);
  });

  it('refuses a description of 46 characters', () => {
    const issues = check(withCommodity({ description: 'D'.repeat(46) }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_DESCRIPTION_TOO_LONG',
        path: '/shipments/0/commodities/1/description',
      }),
    ]);
    expect(issues[0]?.message).toContain('46 characters');
  });
});
