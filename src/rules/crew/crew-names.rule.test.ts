import { describe, expect, it } from 'vitest';
import { aDriver, aTrip, issuesOf } from '../../../test/builders.js';

const pathsOf = (...args: Parameters<typeof issuesOf>) =>
  issuesOf(...args)
    .filter((issue) => issue.code === 'CREW_NAME_REQUIRED')
    .map((issue) => issue.path);

describe('crew-names rule', () => {
  it('accepts drivers and passengers with both names', () => {
    expect(pathsOf(aTrip({ passengers: [aDriver({ firstName: 'Marie' })] }))).toEqual([]);
  });

  it('refuses a missing first or last name, even with a FAST card', () => {
    const trip = aTrip({
      drivers: [aDriver({ firstName: ' ' }), aDriver({ lastName: undefined })],
      passengers: [aDriver({ firstName: undefined, lastName: '' })],
    });
    expect(pathsOf(trip)).toEqual([
      '/drivers/0/firstName',
      '/drivers/1/lastName',
      '/passengers/0/firstName',
      '/passengers/0/lastName',
    ]);
  });

  it('names the person by the name that is there', () => {
    const issues = issuesOf(aTrip({ drivers: [aDriver({ firstName: undefined })] }));
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'CREW_NAME_REQUIRED',
        message: 'Driver Tremblay has no first name.',
      }),
    );
  });
});
