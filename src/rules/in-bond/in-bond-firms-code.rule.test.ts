import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { inBondFirmsCodeRule } from './in-bond-firms-code.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [inBondFirmsCodeRule] });

const firms = (firmsCode: string | undefined) =>
  aTrip({
    shipments: [
      aShipment({
        type: 'IN_BOND',
        inBond: { number: '123456789', type: '61', destinationPort: '3901', firmsCode },
      }),
    ],
  });

describe('in-bond-firms-code rule', () => {
  it.each([undefined, 'H123', 'LAX1', 'M2AB'])('accepts %j', (code) => {
    expect(check(firms(code))).toEqual([]);
  });

  it.each(['123A', 'H12', 'H1234', 'h123'])('refuses %j', (code) => {
    const issues = check(firms(code));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_FIRMS_CODE_FORMAT',
        severity: 'error',
        path: '/shipments/0/inBond/firmsCode',
      }),
    ]);
    expect(issues[0]?.message).toContain(`"${code}"`);
  });
});
