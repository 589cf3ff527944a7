import { describe, expect, it } from 'vitest';
import type { TravelDocument } from '../../domain/index.js';
import { aDriver, aTrip, issuesOf } from '../../../test/builders.js';

function found(...travelDocuments: TravelDocument[]) {
  return issuesOf(aTrip({ drivers: [aDriver({ travelDocuments })] }))
    .filter((issue) => issue.code.startsWith('TRAVEL_DOCUMENT_'))
    .map(({ code, path }) => ({ code, path }));
}

const licence: TravelDocument = {
  type: '5K',
  number: 'T1234-56789-01234',
  country: 'CA',
  stateProvince: 'ON',
};
const passport: TravelDocument = { type: 'ACW', number: 'AB123456', country: 'CA' };

describe('travel-document rule', () => {
  it('accepts a licence from a province and a passport from a country', () => {
    expect(found(licence, passport)).toEqual([]);
  });

  it('accepts a licence whose country is left out when the state is North American', () => {
    expect(found({ ...licence, country: undefined, stateProvince: 'TX' })).toEqual([]);
  });

  it('refuses a document without a type', () => {
    expect(found(licence, { ...passport, type: ' ' })).toEqual([
      { code: 'TRAVEL_DOCUMENT_TYPE_REQUIRED', path: '/drivers/0/travelDocuments/1/type' },
    ]);
  });

  it.each(['XYZ', 'acw', 'PASSPORT'])('refuses document type %s', (type) => {
    expect(found(licence, { ...passport, type })).toEqual([
      { code: 'TRAVEL_DOCUMENT_TYPE_UNKNOWN', path: '/drivers/0/travelDocuments/1/type' },
    ]);
  });

  it('refuses a document without a number', () => {
    expect(found({ ...licence, number: '' })).toEqual([
      { code: 'TRAVEL_DOCUMENT_NUMBER_REQUIRED', path: '/drivers/0/travelDocuments/0/number' },
    ]);
  });

  it('refuses a licence without issuing state or province', () => {
    expect(found({ ...licence, stateProvince: undefined }, passport)).toEqual([
      {
        code: 'TRAVEL_DOCUMENT_STATE_PROVINCE_REQUIRED',
        path: '/drivers/0/travelDocuments/0/stateProvince',
      },
    ]);
  });

  it.each([
    ['TX', 'CA'],
    ['ON', 'US'],
    ['ZZ', undefined],
    ['on', 'CA'],
  ])('refuses licence state/province %s of country %s', (stateProvince, country) => {
    expect(found({ ...licence, stateProvince, country })).toEqual([
      {
        code: 'TRAVEL_DOCUMENT_STATE_PROVINCE_INVALID',
        path: '/drivers/0/travelDocuments/0/stateProvince',
      },
    ]);
  });

  it('refuses a passport without issuing country', () => {
    expect(found(licence, { ...passport, country: undefined })).toEqual([
      { code: 'TRAVEL_DOCUMENT_COUNTRY_REQUIRED', path: '/drivers/0/travelDocuments/1/country' },
    ]);
  });

  it.each(['Canada', 'XX', 'ca'])('refuses issuing country %s', (country) => {
    expect(found({ ...passport, country })).toEqual([
      { code: 'TRAVEL_DOCUMENT_COUNTRY_INVALID', path: '/drivers/0/travelDocuments/0/country' },
    ]);
  });

  it("checks a passenger's documents too", () => {
    const trip = aTrip({
      passengers: [aDriver({ travelDocuments: [{ ...passport, type: 'ZZZ' }] })],
    });
    expect(issuesOf(trip)).toContainEqual(
      expect.objectContaining({
        code: 'TRAVEL_DOCUMENT_TYPE_UNKNOWN',
        path: '/passengers/0/travelDocuments/0/type',
        message: expect.stringContaining('"ZZZ"') as unknown,
      }),
    );
  });
});
