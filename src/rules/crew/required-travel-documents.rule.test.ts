import { describe, expect, it } from 'vitest';
import type { TravelDocument } from '../../domain/index.js';
import { aDriver, aTrip, issuesOf } from '../../../test/builders.js';

const CODES = [
  'DRIVER_CDL_REQUIRED',
  'DRIVER_SECOND_TRAVEL_DOCUMENT_REQUIRED',
  'PASSENGER_TRAVEL_DOCUMENT_REQUIRED',
];

function found(trip = aTrip()) {
  return issuesOf(trip)
    .filter((issue) => CODES.includes(issue.code))
    .map(({ code, path }) => ({ code, path }));
}

const licence: TravelDocument = { type: '5K', number: 'T1234-56789-01234', stateProvince: 'ON' };
const passport: TravelDocument = { type: 'ACW', number: 'AB123456', country: 'CA' };

/** A driver without FAST card carrying these documents. */
const driverWith = (...travelDocuments: TravelDocument[]) =>
  aDriver({ fastCardNumber: undefined, travelDocuments });

describe('required-travel-documents rule', () => {
  it("accepts a driver without FAST card who has a commercial driver's licence and a passport", () => {
    expect(found(aTrip({ drivers: [driverWith(licence, passport)] }))).toEqual([]);
  });

  it('lets a driver with a FAST card carry no travel document', () => {
    expect(found(aTrip({ drivers: [aDriver({ travelDocuments: [] })] }))).toEqual([]);
  });

  it("refuses a driver without FAST card who has no commercial driver's licence", () => {
    const driverslicence = { ...licence, type: '5J' };
    expect(found(aTrip({ drivers: [driverWith(driverslicence, passport)] }))).toEqual([
      { code: 'DRIVER_CDL_REQUIRED', path: '/drivers/0/travelDocuments' },
    ]);
  });

  it('refuses a driver without FAST card who has only the licence', () => {
    expect(found(aTrip({ drivers: [driverWith(licence, licence)] }))).toEqual([
      { code: 'DRIVER_SECOND_TRAVEL_DOCUMENT_REQUIRED', path: '/drivers/0/travelDocuments' },
    ]);
  });

  it('accepts a driver with an ACE ID instead of a FAST card and documents', () => {
    const trip = aTrip({
      drivers: [
        aDriver({ fastCardNumber: undefined, aceId: 'ACEID12345', travelDocuments: undefined }),
      ],
    });
    expect(found(trip)).toEqual([]);
  });

  it('reports both for a driver with neither FAST card, ACE ID nor documents', () => {
    const trip = aTrip({
      drivers: [aDriver({ fastCardNumber: undefined, travelDocuments: undefined })],
    });
    expect(found(trip)).toEqual([
      { code: 'DRIVER_CDL_REQUIRED', path: '/drivers/0/travelDocuments' },
      { code: 'DRIVER_SECOND_TRAVEL_DOCUMENT_REQUIRED', path: '/drivers/0/travelDocuments' },
    ]);
  });

  it('refuses a passenger without a travel document, even with a FAST card', () => {
    const trip = aTrip({ passengers: [aDriver({ travelDocuments: [] })] });
    expect(found(trip)).toEqual([
      { code: 'PASSENGER_TRAVEL_DOCUMENT_REQUIRED', path: '/passengers/0/travelDocuments' },
    ]);
  });

  it('accepts a passenger with one travel document', () => {
    const trip = aTrip({
      passengers: [aDriver({ fastCardNumber: undefined, travelDocuments: [passport] })],
    });
    expect(found(trip)).toEqual([]);
  });
});
