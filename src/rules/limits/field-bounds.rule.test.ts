import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aShipper, aTrip, issuesOf } from '../../../test/builders.js';
import { fieldBoundsRule, MAX_TEXT_LENGTH } from './field-bounds.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [fieldBoundsRule] });

describe('field-bounds rule', () => {
  it('accepts the builders’ ordinary trip', () => {
    expect(check(aTrip())).toEqual([]);
  });

  it('refuses a text longer than the longest CBP element, located at it', () => {
    const name = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(check(aTrip({ shipments: [aShipment({ shipper: aShipper({ name }) })] }))).toEqual([
      expect.objectContaining({ code: 'TEXT_TOO_LONG', path: '/shipments/0/shipper/name' }),
    ]);
  });

  it.each([
    ['quantity', 1.5e300],
    ['value', 1.2e29],
    ['weight', -1e20],
  ] as const)('refuses a %s of %d', (field, number) => {
    const commodity = aCommodity({ [field]: number });
    expect(check(aTrip({ shipments: [aShipment({ commodities: [commodity] })] }))).toEqual([
      expect.objectContaining({
        code: 'NUMBER_TOO_LARGE',
        path: `/shipments/0/commodities/0/${field}`,
      }),
    ]);
  });
});
