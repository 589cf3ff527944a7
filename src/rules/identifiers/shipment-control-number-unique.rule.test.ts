import { describe, expect, it } from 'vitest';
import type { ShipmentDocument } from '../../domain/index.js';
import { aShipment, aTrip, codesOf, issuesOf } from '../../../test/builders.js';

describe('shipment-control-number-unique rule', () => {
  it('accepts distinct SCNs', () => {
    const trip = aTrip({
      shipments: [
        aShipment({ shipmentControlNumber: 'DEMO0001000001' }),
        aShipment({ shipmentControlNumber: 'DEMO0001000002' }),
      ],
    });
    expect(codesOf(trip)).not.toContain('SCN_DUPLICATE');
  });

  it('reports every repeat of an SCN, naming the first use', () => {
    const trip = aTrip({
      shipments: [
        aShipment({ shipmentControlNumber: 'DEMO0001000001' }),
        aShipment({ shipmentControlNumber: 'DEMO0001000002' }),
        aShipment({ shipmentControlNumber: 'DEMO0001000001' }),
        aShipment({ shipmentControlNumber: 'DEMO0001000001' }),
      ],
    });
    const duplicates = issuesOf(trip).filter((issue) => issue.code === 'SCN_DUPLICATE');
    expect(duplicates.map((issue) => issue.path)).toEqual([
      '/shipments/2/shipmentControlNumber',
      '/shipments/3/shipmentControlNumber',
    ]);
    for (const issue of duplicates) {
      expect(issue.severity).toBe('error');
      expect(issue.message).toContain('already used by shipment 1');
    }
  });

  it('finds duplicates in a shipment list too', () => {
    const list: ShipmentDocument = { data: 'ACE_SHIPMENT', shipments: [aShipment(), aShipment()] };
    expect(issuesOf(list)).toContainEqual(
      expect.objectContaining({
        code: 'SCN_DUPLICATE',
        path: '/shipments/1/shipmentControlNumber',
      }),
    );
  });

  it('leaves shipments without an SCN to the SCN_REQUIRED check', () => {
    const trip = aTrip({
      shipments: [
        aShipment({ shipmentControlNumber: undefined }),
        aShipment({ shipmentControlNumber: undefined }),
      ],
    });
    expect(codesOf(trip)).not.toContain('SCN_DUPLICATE');
  });
});
