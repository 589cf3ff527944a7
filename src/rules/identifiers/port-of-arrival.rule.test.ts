import { describe, expect, it } from 'vitest';
import { aTrip, codesOf, issuesOf } from '../../../test/builders.js';

describe('port-of-arrival rule', () => {
  it('accepts a known land-border port', () => {
    expect(codesOf(aTrip({ usPortOfArrival: '2304' }))).not.toContain('TRIP_PORT_UNKNOWN');
  });

  it('refuses a code that is not a land-border port, pointing at the field', () => {
    const issues = issuesOf(aTrip({ usPortOfArrival: '9999' }));
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'TRIP_PORT_UNKNOWN',
        path: '/usPortOfArrival',
        severity: 'error',
      }),
    );
  });

  it('refuses a trip without a port', () => {
    expect(codesOf(aTrip({ usPortOfArrival: ' ' }))).toContain('TRIP_PORT_REQUIRED');
  });
});
