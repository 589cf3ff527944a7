import type { NorthAmericanCountry } from '../../codes/index.js';

/**
 * Shapes of contact data shared by the parties, broker and hazmat rules. Anchored patterns
 * without nested quantifiers, so a 10,000-shipment trip is checked in linear time.
 */

/** Enough to catch typos (missing `@`, spaces, no domain); real delivery is the mailer's job. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function isEmailShaped(email: string): boolean {
  return EMAIL.test(email.trim());
}

/**
 * Postal codes by country (USPS Publication 28; Canada Post addressing guidelines; Correos de
 * México): US ZIP or ZIP+4; Canadian `A1A 1A1`, where D F I O Q U never appear and W Z never
 * start the code, the space optional; Mexican 5 digits.
 */
const POSTAL_CODES: Record<NorthAmericanCountry, { pattern: RegExp; example: string }> = {
  US: { pattern: /^\d{5}(?:-\d{4})?$/, example: '14202 or 14202-1234' },
  CA: {
    pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
    example: 'M5X 1A9',
  },
  MX: { pattern: /^\d{5}$/, example: '22000' },
};

export function isPostalCodeShaped(country: NorthAmericanCountry, postalCode: string): boolean {
  return POSTAL_CODES[country].pattern.test(postalCode.trim());
}

export function postalCodeExample(country: NorthAmericanCountry): string {
  return POSTAL_CODES[country].example;
}
