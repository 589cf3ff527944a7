import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { commodityValueRule } from './commodity-value.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [commodityValueRule] });

const noValue = (type: string) =>
  aTrip({ shipments: [aShipment({ type, commodities: [aCommodity({ value: undefined })] })] });

describe('commodity-value rule', () => {
  it('accepts a commodity with a value, and a value of 0', () => {
    expect(check(aTrip())).toEqual([]);
    const free = [aShipment({ type: 'SECTION_321', commodities: [aCommodity({ value: 0 })] })];
    expect(check(aTrip({ shipments: free }))).toEqual([]);
  });

  it('lets PAPS and other types leave the value out', () => {
    expect(check(noValue('PAPS'))).toEqual([]);
    expect(check(noValue('QP_IN_BOND'))).toEqual([]);
  });

  it.each([
    ['SECTION_321', 'Section 321 (de minimis)'],
    ['IN_BOND', 'ACE In-Bond (carrier-filed)'],
  ])('requires a value on a %s commodity, naming the type as the user knows it', (type, name) => {
    const issues = check(noValue(type));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_VALUE_REQUIRED',
        severity: 'error',
        path: '/shipments/0/commodities/0/value',
      }),
    ]);
    expect(issues[0]?.message).toBe(
      `The commodity has no value in U.S. dollars, which a shipment of type ${name} needs.`,
    );
  });

  it('refuses a negative value', () => {
    const shipments = [aShipment({ commodities: [aCommodity({ value: -1 })] })];
    expect(check(aTrip({ shipments }))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_VALUE_NEGATIVE',
        path: '/shipments/0/commodities/0/value',
      }),
    ]);
  });
});
