import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { shipmentTypeRule } from './shipment-type.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [shipmentTypeRule] });

describe('shipment-type rule', () => {
  it('accepts every shipment type of the code list', () => {
    const types = ['PAPS', 'SECTION_321', 'IN_BOND', 'QP_IN_BOND', 'CARNET', 'GOODS_ASTRAY'];
    expect(check(aTrip({ shipments: types.map((type) => aShipment({ type })) }))).toEqual([]);
  });

  it('accepts a trip with no shipments (an empty truck)', () => {
    expect(check(aTrip({ shipments: [] }))).toEqual([]);
  });

  it('refuses a shipment without a type, pointing at it', () => {
    const issues = check(aTrip({ shipments: [aShipment(), aShipment({ type: ' ' })] }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'SHIPMENT_TYPE_REQUIRED',
        severity: 'error',
        path: '/shipments/1/type',
      }),
    ]);
  });

  it('refuses a type that is not a code, naming it', () => {
    const issues = check(aTrip({ shipments: [aShipment({ type: 'SECTION 321' })] }));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'SHIPMENT_TYPE_UNKNOWN', path: '/shipments/0/type' }),
    ]);
    expect(issues[0]?.message).toContain('"SECTION 321"');
  });

  it('checks unassociated shipments too', () => {
    const issues = check({ data: 'ACE_SHIPMENT', shipments: [aShipment({ type: 'FAST' })] });
    expect(issues.map((issue) => issue.code)).toEqual(['SHIPMENT_TYPE_UNKNOWN']);
  });
});
