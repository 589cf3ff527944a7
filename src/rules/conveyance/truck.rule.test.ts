import { describe, expect, it } from 'vitest';
import { aTrip, aTruck, codesOf, issuesOf } from '../../../test/builders.js';

describe('truck rule', () => {
  it('accepts a trip with a numbered truck', () => {
    const codes = codesOf(aTrip());
    expect(codes).not.toContain('TRUCK_REQUIRED');
    expect(codes).not.toContain('TRUCK_NUMBER_REQUIRED');
  });

  it('refuses a trip without a truck', () => {
    const withoutTruck = aTrip();
    delete withoutTruck.truck;
    expect(issuesOf(withoutTruck)).toContainEqual(
      expect.objectContaining({ code: 'TRUCK_REQUIRED', path: '/truck', severity: 'error' }),
    );
  });

  it('refuses a truck without a unit number', () => {
    expect(issuesOf(aTrip({ truck: aTruck({ number: ' ' }) }))).toContainEqual(
      expect.objectContaining({ code: 'TRUCK_NUMBER_REQUIRED', path: '/truck/number' }),
    );
  });

  it('asks nothing of a shipment list, which has no truck', () => {
    expect(codesOf({ data: 'ACE_SHIPMENT', shipments: [] })).not.toContain('TRUCK_REQUIRED');
  });
});
