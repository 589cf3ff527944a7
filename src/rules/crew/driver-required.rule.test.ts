import { describe, expect, it } from 'vitest';
import { aShipment, aTrip, codesOf, issuesOf } from '../../../test/builders.js';

describe('driver-required rule', () => {
  it('accepts a trip with a driver', () => {
    expect(codesOf(aTrip())).not.toContain('CREW_DRIVER_REQUIRED');
  });

  it.each([[[]], [undefined]])('refuses a trip whose drivers are %j', (drivers) => {
    expect(issuesOf(aTrip({ drivers }))).toContainEqual(
      expect.objectContaining({
        code: 'CREW_DRIVER_REQUIRED',
        path: '/drivers',
        severity: 'error',
      }),
    );
  });

  it('does not ask a shipment list for drivers', () => {
    expect(codesOf({ data: 'ACE_SHIPMENT', shipments: [aShipment()] })).not.toContain(
      'CREW_DRIVER_REQUIRED',
    );
  });
});
