import { describe, expect, it } from 'vitest';
import { aCommodity, aShipment, aTrip, codesOf } from '../../../test/builders.js';
import { allCommodities, shipmentsOf, withLocations } from './shipments.js';

describe('located shipments and commodities', () => {
  it('locates every shipment and commodity with its JSON Pointer', () => {
    const trip = aTrip({
      shipments: [aShipment(), aShipment({ commodities: [aCommodity(), aCommodity()] })],
    });
    expect(shipmentsOf(trip).map((s) => s.path)).toEqual(['/shipments/0', '/shipments/1']);
    expect(allCommodities(trip).map((c) => c.path)).toEqual([
      '/shipments/0/commodities/0',
      '/shipments/1/commodities/0',
      '/shipments/1/commodities/1',
    ]);
  });

  it('shares one list inside an engine run, and builds afresh outside it', () => {
    const trip = aTrip();
    withLocations(trip, () => {
      expect(shipmentsOf(trip)).toBe(shipmentsOf(trip));
      expect(allCommodities(trip)).toBe(allCommodities(trip));
    });
    expect(shipmentsOf(trip)).not.toBe(shipmentsOf(trip));
  });

  it('never answers from a previous run after the document was edited in place', () => {
    const trip = aTrip();
    expect(codesOf(trip)).not.toContain('COMMODITY_PACKAGING_UNIT_UNKNOWN');
    const commodity = trip.shipments?.[0]?.commodities?.[0];
    if (commodity === undefined) throw new Error('the builder trip has a commodity');
    commodity.packagingUnit = 'XYZ';
    trip.shipments?.push(aShipment({ shipmentControlNumber: 'DEMO0001000009' }));
    const codes = codesOf(trip);
    expect(codes).toContain('COMMODITY_PACKAGING_UNIT_UNKNOWN');
  });
});
