import { describe, expect, it } from 'vitest';
import type { InBond, ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { inBondTypeRule } from './in-bond-type.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [inBondTypeRule] });

const inBond = (data: Partial<InBond>) =>
  aTrip({
    shipments: [
      aShipment({
        type: 'IN_BOND',
        inBond: { number: '123456789', destinationPort: '3901', ...data },
      }),
    ],
  });

describe('in-bond-type rule', () => {
  it.each(['61', '62', '63'])('accepts type %s', (type) => {
    expect(check(inBond({ type }))).toEqual([]);
  });

  it('refuses an in-bond without a type', () => {
    expect(check(inBond({}))).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_TYPE_REQUIRED',
        severity: 'error',
        path: '/shipments/0/inBond/type',
      }),
    ]);
  });

  it.each(['60', 'IT', '061'])('refuses type %j', (type) => {
    const issues = check(inBond({ type }));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'IN_BOND_TYPE_UNKNOWN', path: '/shipments/0/inBond/type' }),
    ]);
    expect(issues[0]?.message).toContain(`"${type}"`);
  });
});
