import { describe, expect, it } from 'vitest';
import type { LoadedOn, ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrailer, aTrip, issuesOf } from '../../../test/builders.js';
import { commodityLoadedOnRule } from './commodity-loaded-on.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [commodityLoadedOnRule] });

const loadedOn = (on: LoadedOn | undefined) => [
  aShipment({ commodities: [aCommodity({ loadedOn: on })] }),
];

const twoTrailers = [aTrailer({ number: 'TR-5501' }), aTrailer({ number: 'TR-5502' })];

describe('commodity-loaded-on rule', () => {
  it("accepts the trip's trailer or truck", () => {
    expect(check(aTrip())).toEqual([]);
    expect(check(aTrip({ shipments: loadedOn({ type: 'TRUCK', number: 'T-101' }) }))).toEqual([]);
    expect(check(aTrip({ shipments: loadedOn({ type: 'TRUCK' }) }))).toEqual([]);
  });

  it('defaults a commodity without loadedOn to the only trailer, or to the truck', () => {
    expect(check(aTrip({ shipments: loadedOn(undefined) }))).toEqual([]);
    expect(check(aTrip({ trailers: [], shipments: loadedOn(undefined) }))).toEqual([]);
    expect(check(aTrip({ shipments: loadedOn({ type: 'TRAILER' }) }))).toEqual([]);
  });

  it('asks which trailer when the trip has several and loadedOn is missing', () => {
    const issues = check(aTrip({ trailers: twoTrailers, shipments: loadedOn(undefined) }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_LOADED_ON_TRAILER_AMBIGUOUS',
        severity: 'error',
        path: '/shipments/0/commodities/0/loadedOn',
      }),
    ]);
    expect(issues[0]?.message).toContain('"TR-5502"');
  });

  it('asks which trailer when a TRAILER has no number and there are several', () => {
    const shipments = loadedOn({ type: 'TRAILER' });
    expect(check(aTrip({ trailers: twoTrailers, shipments }))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_LOADED_ON_TRAILER_AMBIGUOUS',
        path: '/shipments/0/commodities/0/loadedOn/number',
      }),
    ]);
  });

  it('refuses loadedOn without a type', () => {
    expect(check(aTrip({ shipments: loadedOn({ number: 'TR-5501' }) }))).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_LOADED_ON_TYPE_REQUIRED',
        path: '/shipments/0/commodities/0/loadedOn/type',
      }),
    ]);
  });

  it('refuses a type other than TRUCK or TRAILER', () => {
    const issues = check(aTrip({ shipments: loadedOn({ type: 'CONTAINER', number: 'X' }) }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_LOADED_ON_TYPE_UNKNOWN',
        path: '/shipments/0/commodities/0/loadedOn/type',
      }),
    ]);
    expect(issues[0]?.message).toContain('"CONTAINER"');
  });

  it("refuses a trailer number that is not one of the trip's trailers", () => {
    const issues = check(aTrip({ shipments: loadedOn({ type: 'TRAILER', number: 'TR-9999' }) }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_LOADED_ON_TRAILER_UNKNOWN',
        path: '/shipments/0/commodities/0/loadedOn/number',
      }),
    ]);
    expect(issues[0]?.message).toContain('"TR-9999"');
  });

  it('refuses a trailer when the trip has none', () => {
    const trip = aTrip({ trailers: [], shipments: loadedOn({ type: 'TRAILER' }) });
    expect(check(trip)).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_LOADED_ON_TRAILER_UNKNOWN',
        path: '/shipments/0/commodities/0/loadedOn/number',
      }),
    ]);
  });

  it("refuses a truck number that is not the trip's truck", () => {
    const issues = check(aTrip({ shipments: loadedOn({ type: 'TRUCK', number: 'T-202' }) }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_LOADED_ON_TRUCK_MISMATCH',
        path: '/shipments/0/commodities/0/loadedOn/number',
      }),
    ]);
    expect(issues[0]?.message).toContain('"T-202"');
  });

  it('does not match equipment for unassociated shipments, but still checks the type', () => {
    const matched = {
      data: 'ACE_SHIPMENT' as const,
      shipments: loadedOn({ type: 'TRAILER', number: 'ANY' }),
    };
    expect(check(matched)).toEqual([]);
    const typo = { data: 'ACE_SHIPMENT' as const, shipments: loadedOn({ type: 'TRAILOR' }) };
    expect(check(typo).map((issue) => issue.code)).toEqual(['COMMODITY_LOADED_ON_TYPE_UNKNOWN']);
  });

  // Speed on large trips is measured by `npm run bench` (bench/validation.bench.ts), not here.
  it('checks every commodity of a trip of 10,000 shipments', () => {
    const shipments = Array.from({ length: 10_000 }, () => aShipment());
    expect(check(aTrip({ trailers: twoTrailers.slice(0, 1), shipments }))).toEqual([]);
  });
});
