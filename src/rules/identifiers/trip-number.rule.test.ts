import { describe, expect, it } from 'vitest';
import { aShipment, aTrip, codesOf, issuesOf } from '../../../test/builders.js';

describe('trip-number rule', () => {
  it.each(['DEMO2026112801', 'DEMO1234', 'DEMO' + 'A'.repeat(21)])('accepts %s', (tripNumber) => {
    const codes = codesOf(aTrip({ tripNumber }));
    expect(codes).not.toContain('TRIP_NUMBER_FORMAT');
    expect(codes).not.toContain('TRIP_NUMBER_REQUIRED');
  });

  it.each([undefined, '', '  '])('refuses a trip with trip number %j', (tripNumber) => {
    expect(issuesOf(aTrip({ tripNumber }))).toContainEqual(
      expect.objectContaining({ code: 'TRIP_NUMBER_REQUIRED', path: '/tripNumber' }),
    );
  });

  it.each([
    ['demo2026112801', 'lower-case'],
    ['DEMO-2026-1128', 'dashes'],
    ['DEMO 20261128', 'spaces'],
    ['DEMO2026#1128', 'other than letters and digits'],
    ['DEM02026112801', 'SCAC'],
    ['DEMO123', '7 characters'],
    ['DEMO' + '1'.repeat(22), '26 characters'],
  ])('refuses %s (%s)', (tripNumber, explanation) => {
    const issues = issuesOf(aTrip({ tripNumber, shipments: [aShipment()] }));
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'TRIP_NUMBER_FORMAT',
        path: '/tripNumber',
        message: expect.stringContaining(explanation) as unknown,
      }),
    );
  });
});
