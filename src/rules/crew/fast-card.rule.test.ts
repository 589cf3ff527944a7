import { describe, expect, it } from 'vitest';
import { aDriver, aTrip, codesOf, issuesOf } from '../../../test/builders.js';

describe('fast-card rule', () => {
  it('accepts a 14-digit number starting 4270, and no card at all', () => {
    const trip = aTrip({
      drivers: [
        aDriver({ fastCardNumber: '42701234567890' }),
        aDriver({ fastCardNumber: undefined }),
      ],
    });
    const codes = codesOf(trip);
    expect(codes).not.toContain('CREW_FAST_CARD_FORMAT');
    expect(codes).not.toContain('CREW_FAST_CARD_PREFIX_UNUSUAL');
  });

  it.each(['4270555555555', '427055555555555', '4270-5555-5555-55', '4270555555555A'])(
    'refuses FAST card number %s',
    (fastCardNumber) => {
      const trip = aTrip({ passengers: [aDriver({ fastCardNumber })] });
      expect(issuesOf(trip)).toContainEqual(
        expect.objectContaining({
          code: 'CREW_FAST_CARD_FORMAT',
          path: '/passengers/0/fastCardNumber',
          severity: 'error',
        }),
      );
    },
  );

  it('warns about a number that does not start with 4270', () => {
    const trip = aTrip({ drivers: [aDriver({ fastCardNumber: '12345678901234' })] });
    expect(issuesOf(trip)).toContainEqual(
      expect.objectContaining({
        code: 'CREW_FAST_CARD_PREFIX_UNUSUAL',
        path: '/drivers/0/fastCardNumber',
        severity: 'warning',
      }),
    );
  });
});
