import { describe, expect, it } from 'vitest';
import { aTrip, codesOf, issuesOf } from '../../../test/builders.js';

const ETA_CODES = ['ETA_REQUIRED', 'ETA_FORMAT', 'ETA_SKIPPED_BY_DST'];

function etaIssues(...args: Parameters<typeof issuesOf>) {
  return issuesOf(...args).filter((issue) => ETA_CODES.includes(issue.code));
}

describe('estimated-arrival rule', () => {
  it('accepts a port-local wall-clock time', () => {
    expect(etaIssues(aTrip())).toEqual([]);
  });

  it.each([undefined, '', ' '])('refuses a trip with ETA %j', (estimatedArrivalDateTime) => {
    expect(issuesOf(aTrip({ estimatedArrivalDateTime }))).toContainEqual(
      expect.objectContaining({ code: 'ETA_REQUIRED', path: '/estimatedArrivalDateTime' }),
    );
  });

  it.each([
    '2026-11-28T12:00:00',
    '2026-11-28 12:00',
    '2026-11-28 12:00:00-05:00',
    '2026-11-28 7:30:00',
    '28/11/2026 12:00:00',
    '2026-02-30 12:00:00',
    '2026-11-28 24:00:00',
  ])('refuses ETA %j', (estimatedArrivalDateTime) => {
    expect(issuesOf(aTrip({ estimatedArrivalDateTime }))).toContainEqual(
      expect.objectContaining({ code: 'ETA_FORMAT', path: '/estimatedArrivalDateTime' }),
    );
  });

  it('checks the format even when the port is unknown', () => {
    const trip = aTrip({ usPortOfArrival: '9999', estimatedArrivalDateTime: 'tomorrow' });
    expect(codesOf(trip)).toContain('ETA_FORMAT');
  });

  it('refuses a time skipped by the spring-forward change at Detroit', () => {
    const trip = aTrip({
      usPortOfArrival: '3801',
      estimatedArrivalDateTime: '2026-03-08 02:30:00',
    });
    const issues = etaIssues(trip, { now: new Date('2026-03-08T04:00:00Z') });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'ETA_SKIPPED_BY_DST',
        path: '/estimatedArrivalDateTime',
        severity: 'error',
        message: expect.stringContaining('Detroit') as unknown,
      }),
    ]);
  });

  it('accepts the same wall-clock time at a Phoenix-zone port, which keeps standard time', () => {
    const trip = aTrip({
      usPortOfArrival: '2604',
      estimatedArrivalDateTime: '2026-03-08 02:30:00',
    });
    expect(etaIssues(trip, { now: new Date('2026-03-08T04:00:00Z') })).toEqual([]);
  });
});
