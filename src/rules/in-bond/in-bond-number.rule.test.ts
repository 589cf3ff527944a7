import { describe, expect, it } from 'vitest';
import type { InBond, ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { inBondNumberRule } from './in-bond-number.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [inBondNumberRule] });

const inBond = (data: Partial<InBond>, type = 'IN_BOND') =>
  aTrip({
    shipments: [
      aShipment({
        type,
        inBond: { number: '123456789', type: '61', destinationPort: '3901', ...data },
      }),
    ],
  });

describe('in-bond-number rule', () => {
  it('accepts a 9-digit in-bond number', () => {
    expect(check(inBond({}))).toEqual([]);
  });

  it('refuses an in-bond without a number', () => {
    expect(check(inBond({ number: undefined }))).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_NUMBER_REQUIRED',
        severity: 'error',
        path: '/shipments/0/inBond/number',
      }),
    ]);
  });

  it.each(['12345678', '1234567890', '12345678A', '123-456-789'])('refuses %j', (number) => {
    const issues = check(inBond({ number }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_NUMBER_FORMAT',
        path: '/shipments/0/inBond/number',
      }),
    ]);
    expect(issues[0]?.message).toContain(`"${number}"`);
  });

  it('leaves the number of a broker-filed QP in-bond alone', () => {
    expect(check(inBond({ number: 'QP' }, 'QP_IN_BOND'))).toEqual([]);
  });
});
