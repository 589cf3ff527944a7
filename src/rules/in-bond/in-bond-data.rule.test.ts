import { describe, expect, it } from 'vitest';
import type { ManifestDocument, Shipment } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { inBondDataRule } from './in-bond-data.rule.js';

/** A carrier-filed immediate exportation (63) to Detroit and on to Canada. */
const anInBondShipment = (overrides: Partial<Shipment> = {}) =>
  aShipment({
    type: 'IN_BOND',
    broker: undefined,
    inBond: { number: '123456789', type: '63', destinationPort: '3801', foreignDestination: 'CA' },
    commodities: [aCommodity({ harmonizedCode: '1104.12' })],
    ...overrides,
  });

const check = (document: ManifestDocument) => issuesOf(document, { rules: [inBondDataRule] });

describe('in-bond-data rule', () => {
  it('accepts an in-bond shipment with its data, and a PAPS shipment without', () => {
    expect(check(aTrip({ shipments: [anInBondShipment(), aShipment()] }))).toEqual([]);
  });

  it('accepts a QP in-bond without in-bond data: the broker files it', () => {
    expect(check(aTrip({ shipments: [aShipment({ type: 'QP_IN_BOND' })] }))).toEqual([]);
  });

  it('refuses an IN_BOND shipment without in-bond data', () => {
    expect(check(aTrip({ shipments: [anInBondShipment({ inBond: undefined })] }))).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_DATA_REQUIRED',
        severity: 'error',
        path: '/shipments/0/inBond',
      }),
    ]);
  });

  it('warns when a QP in-bond carries in-bond data', () => {
    const issues = check(aTrip({ shipments: [anInBondShipment({ type: 'QP_IN_BOND' })] }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_DATA_UNEXPECTED',
        severity: 'warning',
        path: '/shipments/0/inBond',
      }),
    ]);
    expect(issues[0]?.message).toContain('broker');
  });

  it('warns when a PAPS shipment carries in-bond data', () => {
    const issues = check(aTrip({ shipments: [anInBondShipment({ type: 'PAPS' })] }));
    expect(issues.map((issue) => issue.code)).toEqual(['IN_BOND_DATA_UNEXPECTED']);
  });
});
