import { describe, expect, it } from 'vitest';
import { aTrailer, aTrip, aTruck, issuesOf } from '../../../test/builders.js';
import type { LicensePlate, TripDocument } from '../../domain/index.js';

function plateIssues(trip: TripDocument) {
  return issuesOf(trip)
    .filter(
      (issue) => issue.code.startsWith('LICENSE_PLATE_') || issue.code === 'TRAILER_PLATE_REQUIRED',
    )
    .map((issue) => [issue.code, issue.path]);
}

function truckWith(...licensePlates: LicensePlate[]) {
  return aTrip({ truck: aTruck({ licensePlates }) });
}

const ONTARIO: LicensePlate = { number: 'AB12345', stateProvince: 'ON', country: 'CA' };

describe('license-plates rule', () => {
  it('accepts two plates, with or without their country', () => {
    expect(plateIssues(truckWith(ONTARIO, { number: 'TX-9981', stateProvince: 'TX' }))).toEqual([]);
  });

  it('refuses a third plate', () => {
    expect(plateIssues(truckWith(ONTARIO, ONTARIO, ONTARIO))).toEqual([
      ['LICENSE_PLATE_TOO_MANY', '/truck/licensePlates'],
    ]);
  });

  it('refuses a plate without a number or a state', () => {
    expect(plateIssues(truckWith({ country: 'CA' }))).toEqual([
      ['LICENSE_PLATE_NUMBER_REQUIRED', '/truck/licensePlates/0/number'],
      ['LICENSE_PLATE_STATE_REQUIRED', '/truck/licensePlates/0/stateProvince'],
    ]);
  });

  it("refuses a state that is not of the plate's country", () => {
    expect(plateIssues(truckWith({ ...ONTARIO, stateProvince: 'TX' }))).toEqual([
      ['LICENSE_PLATE_STATE_UNKNOWN', '/truck/licensePlates/0/stateProvince'],
    ]);
  });

  it('refuses a state of none of the three countries when no country is given', () => {
    expect(plateIssues(truckWith({ number: 'AB12345', stateProvince: 'ZZ' }))).toEqual([
      ['LICENSE_PLATE_STATE_UNKNOWN', '/truck/licensePlates/0/stateProvince'],
    ]);
  });

  it('refuses a country that is not an ISO code', () => {
    expect(plateIssues(truckWith({ ...ONTARIO, country: 'XX' }))).toEqual([
      ['LICENSE_PLATE_COUNTRY_UNKNOWN', '/truck/licensePlates/0/country'],
    ]);
  });

  it('refuses a trailer without a plate, and checks trailer plates like truck plates', () => {
    const trip = aTrip({
      trailers: [
        aTrailer({ licensePlates: [] }),
        aTrailer({ number: 'TR-5502', licensePlates: [{ ...ONTARIO, stateProvince: 'QQ' }] }),
      ],
    });
    expect(plateIssues(trip)).toEqual([
      ['TRAILER_PLATE_REQUIRED', '/trailers/0/licensePlates'],
      ['LICENSE_PLATE_STATE_UNKNOWN', '/trailers/1/licensePlates/0/stateProvince'],
    ]);
  });
});
