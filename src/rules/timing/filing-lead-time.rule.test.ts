import { describe, expect, it } from 'vitest';
import type { TripDocument } from '../../domain/index.js';
import { DEFAULT_REGULATIONS } from '../regulations/default-regulations.js';
import type { ValidationOptions } from '../engine.js';
import { aDriver, aTrip, issuesOf } from '../../../test/builders.js';

const TIMING_CODES = ['ETA_IN_PAST', 'ETA_TOO_SOON'];

function timingIssues(trip: TripDocument, options: Partial<ValidationOptions> = {}) {
  return issuesOf(trip, options).filter((issue) => TIMING_CODES.includes(issue.code));
}

const withoutFast = aDriver({ fastCardNumber: undefined });

/** FIXED_NOW is 2026-11-28 07:00 EST at Buffalo-Niagara Falls (0901). */
function buffaloTrip(eta: string, drivers = [withoutFast]): TripDocument {
  return aTrip({ usPortOfArrival: '0901', estimatedArrivalDateTime: eta, drivers });
}

describe('filing-lead-time rule', () => {
  it('accepts an ETA further ahead than the lead time', () => {
    expect(timingIssues(aTrip())).toEqual([]);
    expect(timingIssues(buffaloTrip('2026-11-28 08:00:00'))).toEqual([]);
  });

  it('refuses an ETA in the past, in port-local time', () => {
    expect(timingIssues(buffaloTrip('2026-11-28 06:00:00'))).toEqual([
      expect.objectContaining({
        code: 'ETA_IN_PAST',
        path: '/estimatedArrivalDateTime',
        severity: 'error',
        message: expect.stringMatching(
          /2026-11-28 06:00 EST at Buffalo-Niagara Falls is 1 hour ago.*07:00 EST/,
        ) as unknown,
      }),
    ]);
  });

  it('refuses an ETA inside the 1-hour lead time when a driver has no FAST card', () => {
    expect(timingIssues(buffaloTrip('2026-11-28 07:45:00'))).toEqual([
      expect.objectContaining({
        code: 'ETA_TOO_SOON',
        path: '/estimatedArrivalDateTime',
        message:
          'ETA 2026-11-28 07:45 EST at Buffalo-Niagara Falls is 45 minutes from now; ACE needs the manifest 1 hour before arrival.',
      }),
    ]);
  });

  it('allows 30 minutes when every driver has a FAST card', () => {
    expect(timingIssues(buffaloTrip('2026-11-28 07:45:00', [aDriver()]))).toEqual([]);
    expect(timingIssues(buffaloTrip('2026-11-28 07:20:00', [aDriver()]))).toEqual([
      expect.objectContaining({
        code: 'ETA_TOO_SOON',
        message: expect.stringContaining('30 minutes before arrival for a FAST truck') as unknown,
      }),
    ]);
  });

  it('needs the full hour when only some drivers have a FAST card', () => {
    const codes = timingIssues(buffaloTrip('2026-11-28 07:45:00', [aDriver(), withoutFast])).map(
      (issue) => issue.code,
    );
    expect(codes).toEqual(['ETA_TOO_SOON']);
  });

  it('counts real minutes across the spring-forward change at Detroit', () => {
    // 01:30 EST; 03:15 EDT is 45 minutes later, not the 1 h 45 the wall clocks suggest.
    const now = new Date('2026-03-08T06:30:00Z');
    const trip = aTrip({
      usPortOfArrival: '3801',
      estimatedArrivalDateTime: '2026-03-08 03:15:00',
      drivers: [withoutFast],
    });
    expect(timingIssues(trip, { now })).toEqual([
      expect.objectContaining({
        code: 'ETA_TOO_SOON',
        message: expect.stringContaining(
          '2026-03-08 03:15 EDT at Detroit is 45 minutes',
        ) as unknown,
      }),
    ]);
    const later = aTrip({ ...trip, estimatedArrivalDateTime: '2026-03-08 03:45:00' });
    expect(timingIssues(later, { now })).toEqual([]);
  });

  it('uses Mountain Standard Time all summer at a Phoenix-zone port (Nogales)', () => {
    // 08:00 MST; a port on Mountain Daylight Time would read 09:00.
    const now = new Date('2026-07-01T15:00:00Z');
    const trip = (eta: string) =>
      aTrip({ usPortOfArrival: '2604', estimatedArrivalDateTime: eta, drivers: [withoutFast] });
    expect(timingIssues(trip('2026-07-01 09:30:00'), { now })).toEqual([]);
    expect(timingIssues(trip('2026-07-01 08:45:00'), { now })).toEqual([
      expect.objectContaining({
        code: 'ETA_TOO_SOON',
        message: expect.stringContaining('2026-07-01 08:45 MST at Nogales') as unknown,
      }),
    ]);
  });

  it('uses Alaska time at Alcan', () => {
    // FIXED_NOW is 03:00 AKST.
    const trip = (eta: string) =>
      aTrip({ usPortOfArrival: '3104', estimatedArrivalDateTime: eta, drivers: [withoutFast] });
    expect(timingIssues(trip('2026-11-28 04:00:00'))).toEqual([]);
    expect(timingIssues(trip('2026-11-28 03:40:00'))).toEqual([
      expect.objectContaining({
        code: 'ETA_TOO_SOON',
        message: expect.stringContaining('2026-11-28 03:40 AKST at Alcan is 40 minutes') as unknown,
      }),
    ]);
  });

  it('takes the lead time from the regulation table', () => {
    const regulations = {
      ...DEFAULT_REGULATIONS,
      filingLeadTime: { ...DEFAULT_REGULATIONS.filingLeadTime, standardMinutes: 120 },
    };
    expect(timingIssues(buffaloTrip('2026-11-28 08:30:00'), { regulations })).toEqual([
      expect.objectContaining({
        code: 'ETA_TOO_SOON',
        message: expect.stringContaining('2 hours before arrival') as unknown,
      }),
    ]);
  });
});
