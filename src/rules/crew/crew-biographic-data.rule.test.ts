import { describe, expect, it } from 'vitest';
import type { Person } from '../../domain/index.js';
import { aDriver, aTrip, issuesOf } from '../../../test/builders.js';

const BIOGRAPHIC_CODES = [
  'CREW_GENDER_REQUIRED',
  'CREW_GENDER_INVALID',
  'CREW_DATE_OF_BIRTH_REQUIRED',
  'CREW_DATE_OF_BIRTH_INVALID',
  'CREW_DATE_OF_BIRTH_IN_FUTURE',
  'CREW_CITIZENSHIP_REQUIRED',
  'CREW_CITIZENSHIP_INVALID',
];

function found(trip = aTrip()) {
  return issuesOf(trip)
    .filter((issue) => BIOGRAPHIC_CODES.includes(issue.code))
    .map(({ code, path }) => ({ code, path }));
}

const anonymous: Partial<Person> = {
  gender: undefined,
  dateOfBirth: undefined,
  citizenshipCountry: undefined,
};

describe('crew-biographic-data rule', () => {
  it('accepts a complete driver and passenger', () => {
    expect(found(aTrip({ passengers: [aDriver({ fastCardNumber: undefined })] }))).toEqual([]);
  });

  it('lets a driver with a FAST card or an ACE ID leave them out', () => {
    const trip = aTrip({
      drivers: [
        aDriver(anonymous),
        aDriver({ ...anonymous, fastCardNumber: undefined, aceId: 'ACEID12345' }),
      ],
    });
    expect(found(trip)).toEqual([]);
  });

  it('requires them of a driver with neither FAST card nor ACE ID', () => {
    const trip = aTrip({ drivers: [aDriver({ ...anonymous, fastCardNumber: ' ' })] });
    expect(found(trip)).toEqual([
      { code: 'CREW_GENDER_REQUIRED', path: '/drivers/0/gender' },
      { code: 'CREW_DATE_OF_BIRTH_REQUIRED', path: '/drivers/0/dateOfBirth' },
      { code: 'CREW_CITIZENSHIP_REQUIRED', path: '/drivers/0/citizenshipCountry' },
    ]);
  });

  it('requires them of every passenger, FAST card or not', () => {
    const trip = aTrip({ passengers: [aDriver(anonymous)] });
    expect(found(trip)).toEqual([
      { code: 'CREW_GENDER_REQUIRED', path: '/passengers/0/gender' },
      { code: 'CREW_DATE_OF_BIRTH_REQUIRED', path: '/passengers/0/dateOfBirth' },
      { code: 'CREW_CITIZENSHIP_REQUIRED', path: '/passengers/0/citizenshipCountry' },
    ]);
  });

  it.each(['X', 'm', 'Male'])('refuses gender %s, even with a FAST card', (gender) => {
    expect(found(aTrip({ drivers: [aDriver({ gender })] }))).toEqual([
      { code: 'CREW_GENDER_INVALID', path: '/drivers/0/gender' },
    ]);
  });

  it.each(['1980-13-01', '1980-02-30', '1980-4-12', '12/04/1980', '1980-04-12T00:00:00'])(
    'refuses date of birth %s',
    (dateOfBirth) => {
      expect(found(aTrip({ drivers: [aDriver({ dateOfBirth })] }))).toEqual([
        { code: 'CREW_DATE_OF_BIRTH_INVALID', path: '/drivers/0/dateOfBirth' },
      ]);
    },
  );

  it('refuses a date of birth after today (FIXED_NOW is 2026-11-28)', () => {
    expect(found(aTrip({ drivers: [aDriver({ dateOfBirth: '2026-11-28' })] }))).toEqual([]);
    expect(found(aTrip({ drivers: [aDriver({ dateOfBirth: '2026-11-29' })] }))).toEqual([
      { code: 'CREW_DATE_OF_BIRTH_IN_FUTURE', path: '/drivers/0/dateOfBirth' },
    ]);
  });

  it.each(['XX', 'CAN', 'Canada'])('refuses citizenship %s', (citizenshipCountry) => {
    expect(found(aTrip({ passengers: [aDriver({ citizenshipCountry })] }))).toEqual([
      { code: 'CREW_CITIZENSHIP_INVALID', path: '/passengers/0/citizenshipCountry' },
    ]);
  });

  it('suggests the upper-case code for a lower-case citizenship', () => {
    expect(issuesOf(aTrip({ drivers: [aDriver({ citizenshipCountry: 'ca' })] }))).toContainEqual(
      expect.objectContaining({
        code: 'CREW_CITIZENSHIP_INVALID',
        message: expect.stringContaining('did you mean CA, Canada?') as unknown,
      }),
    );
  });
});
