import { DateTime } from 'luxon';
import { pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { ETA_FORMAT, readArrival } from '../support/arrival.js';
import { isBlank } from '../support/shipments.js';
import { OWN_CHECK, TRUCK_CARGO_ADVANCE_INFO, cite } from '../sources.js';

const ETA_REQUIRED: IssueDefinition = {
  code: 'ETA_REQUIRED',
  severity: 'error',
  title: 'The trip has no estimated arrival time',
  fix: 'Give the estimated arrival at the port as local wall-clock time, YYYY-MM-DD HH:MM:SS.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const ETA_FORMAT_INVALID: IssueDefinition = {
  code: 'ETA_FORMAT',
  severity: 'error',
  title: 'The estimated arrival is not a date and time YYYY-MM-DD HH:MM:SS',
  fix: 'Write the ETA as port-local wall-clock time YYYY-MM-DD HH:MM:SS with a 24-hour clock and no time zone, e.g. 2026-11-28 14:30:00.',
  source: cite(TRUCK_CARGO_ADVANCE_INFO, OWN_CHECK.etaWallClock),
};

const ETA_SKIPPED_BY_DST: IssueDefinition = {
  code: 'ETA_SKIPPED_BY_DST',
  severity: 'error',
  title:
    'The estimated arrival falls in the hour skipped when the port springs forward to daylight time',
  fix: 'That local time never happens at this port; give the arrival as it will read on the clocks there (one hour later).',
  source: OWN_CHECK.etaSkippedByDst,
};

/**
 * Luxon reads hour 24 as midnight of the next day; a wall-clock text must read back unchanged to
 * be the time the dispatcher meant.
 */
function isWallClock(text: string): boolean {
  const parsed = DateTime.fromFormat(text, ETA_FORMAT, { zone: 'UTC' });
  return parsed.isValid && parsed.toFormat(ETA_FORMAT) === text;
}

/**
 * A trip has an ETA that names one real instant at its port. The ETA is wall-clock time in the
 * port's own zone, so a time inside the spring-forward gap is not an instant at all.
 */
export const estimatedArrivalRule: Rule = {
  id: 'estimated-arrival',
  aboutTrip: true,
  issues: [ETA_REQUIRED, ETA_FORMAT_INVALID, ETA_SKIPPED_BY_DST],
  check(document) {
    if (document.data !== 'ACE_TRIP') return [];
    const path = pointer('estimatedArrivalDateTime');
    const text = document.estimatedArrivalDateTime;
    if (isBlank(text)) {
      return [raise(ETA_REQUIRED, path, 'The trip has no estimated arrival date and time.')];
    }
    if (!isWallClock(text)) {
      return [
        raise(
          ETA_FORMAT_INVALID,
          path,
          `ETA "${text}" is not a real date and time written YYYY-MM-DD HH:MM:SS.`,
        ),
      ];
    }
    const arrival = readArrival(document);
    switch (arrival.kind) {
      case 'nonexistent':
        return [
          raise(
            ETA_SKIPPED_BY_DST,
            path,
            `ETA "${text}" does not exist at ${arrival.port.name}: clocks there (${arrival.port.timeZone}) spring forward past it for daylight saving time.`,
          ),
        ];
      // The port rule reports an unknown port; without it the instant cannot be known.
      case 'unknown-port':
      case 'absent':
      case 'unparseable':
      case 'instant':
        return [];
    }
  },
};
