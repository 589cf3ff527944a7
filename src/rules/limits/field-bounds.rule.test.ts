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
      expect.objectContaining({
        code: 'TEXT_TOO_LONG',
        path: '/shipments/0/shipper/name',
        // The field in words, not its value: the value may be hundreds of characters.
        message: `Name has ${MAX_TEXT_LENGTH + 1} characters; at most ${MAX_TEXT_LENGTH} are accepted.`,
      }),
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

  it('warns of characters the CBP EDI cannot carry, with the text as it will be sent', () => {
    const shipment = aShipment({
      shipper: aShipper({ name: 'Crème & Café Québec 🚚 Ltée' }),
      commodities: [aCommodity({ description: 'Maple syrup ~ 4 L, line\nbreak' })],
    });
    expect(check(aTrip({ shipments: [shipment] }))).toEqual([
      {
        code: 'TEXT_CHARACTERS_REPLACED',
        severity: 'warning',
        path: '/shipments/0/shipper/name',
        message:
          '"Crème & Café Québec 🚚 Ltée" has characters the CBP EDI cannot carry (è é 🚚); it will be sent as "Creme & Cafe Quebec Ltee".',
        source: 'ASC X12.6 Application Control Structure: basic and extended character sets',
      },
      expect.objectContaining({
        code: 'TEXT_CHARACTERS_REPLACED',
        path: '/shipments/0/commodities/0/description',
        message: expect.stringContaining(
          '(~); it will be sent as "Maple syrup 4 L, line break"',
        ) as string,
      }),
    ]);
  });

  it('says nothing of text in the extended set, lower case and line breaks included', () => {
    const shipment = aShipment({
      shipper: aShipper({ name: "O'Brien [Parts] #4 <East> 50% $ @ {x} | back\\slash" }),
      commodities: [aCommodity({ description: 'Oats\r\nin\tbags' })],
    });
    expect(check(aTrip({ shipments: [shipment] }))).toEqual([]);
  });
});
