import { describe, expect, it } from 'vitest';
import type { ShipmentDocument } from '../../domain/index.js';
import { aShipment, aTrip, codesOf, issuesOf } from '../../../test/builders.js';

const shipmentList: ShipmentDocument = { data: 'ACE_SHIPMENT', shipments: [aShipment()] };

describe('carrier-scac rule', () => {
  it('accepts a --scac that the trip number starts with', () => {
    const codes = codesOf(aTrip({ tripNumber: 'DEMO2026112801' }), { scac: 'DEMO' });
    expect(codes).not.toContain('SCAC_INVALID');
    expect(codes).not.toContain('SCAC_TRIP_NUMBER_MISMATCH');
  });

  it.each(['DEM0', 'demo', 'ABCDE', 'AB'])(
    'refuses --scac %j, which is not 4 letters A–Z',
    (scac) => {
      expect(issuesOf(aTrip(), { scac })).toContainEqual(
        expect.objectContaining({ code: 'SCAC_INVALID', path: '', severity: 'error' }),
      );
    },
  );

  it('checks --scac for a shipment list too', () => {
    expect(codesOf(shipmentList, { scac: 'DE1O' })).toContain('SCAC_INVALID');
    expect(codesOf(shipmentList, { scac: 'DEMO' })).not.toContain('SCAC_INVALID');
  });

  it('refuses a trip number that does not start with the --scac carrier', () => {
    const issues = issuesOf(aTrip({ tripNumber: 'DEMO2026112801' }), { scac: 'ABCD' });
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'SCAC_TRIP_NUMBER_MISMATCH',
        path: '/tripNumber',
        message: expect.stringContaining('"ABCD"') as unknown,
      }),
    );
  });
});
