import { describe, expect, it } from 'vitest';
import { DEFAULT_REGULATIONS } from '../regulations/default-regulations.js';
import { aTrip, codesOf, issuesOf } from '../../../test/builders.js';

/** FIXED_NOW is 2026-11-28 07:00 EST at Buffalo-Niagara Falls (0901). */
const buffaloTrip = (estimatedArrivalDateTime: string) =>
  aTrip({ usPortOfArrival: '0901', estimatedArrivalDateTime });

describe('eta-far-ahead rule', () => {
  it('accepts an ETA up to 14 days ahead', () => {
    expect(codesOf(aTrip())).not.toContain('ETA_FAR_AHEAD');
    expect(codesOf(buffaloTrip('2026-12-12 07:00:00'))).not.toContain('ETA_FAR_AHEAD');
  });

  it('warns about an ETA more than 14 days ahead', () => {
    expect(issuesOf(buffaloTrip('2026-12-20 12:00:00'))).toContainEqual(
      expect.objectContaining({
        code: 'ETA_FAR_AHEAD',
        severity: 'warning',
        path: '/estimatedArrivalDateTime',
        message: expect.stringContaining(
          '2026-12-20 12:00 EST at Buffalo-Niagara Falls is 22 days',
        ) as unknown,
      }),
    );
    expect(codesOf(buffaloTrip('2026-12-12 07:01:00'))).toContain('ETA_FAR_AHEAD');
  });

  it('takes the threshold from the regulation table', () => {
    const regulations = { ...DEFAULT_REGULATIONS, farAheadWarningDays: 30 };
    expect(codesOf(buffaloTrip('2026-12-20 12:00:00'), { regulations })).not.toContain(
      'ETA_FAR_AHEAD',
    );
  });
});
