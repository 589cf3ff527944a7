import { findPort } from '../../codes/index.js';
import { pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { SCHEDULE_D, TRUCK_CARGO_ADVANCE_INFO } from '../sources.js';

const PORT_REQUIRED: IssueDefinition = {
  code: 'TRIP_PORT_REQUIRED',
  severity: 'error',
  title: 'The U.S. port of arrival is missing',
  fix: 'Choose the port where the truck will cross, e.g. 0901 Buffalo-Niagara Falls.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const PORT_UNKNOWN: IssueDefinition = {
  code: 'TRIP_PORT_UNKNOWN',
  severity: 'error',
  title: 'The port of arrival is not a U.S. land-border port',
  fix: 'Use the 4-digit Schedule D code of a land-border port (docs/code-lists.md).',
  source: SCHEDULE_D,
};

/** A trip arrives at a known U.S. land-border port, given by its Schedule D code. */
export const portOfArrivalRule: Rule = {
  id: 'port-of-arrival',
  aboutTrip: true,
  issues: [PORT_REQUIRED, PORT_UNKNOWN],
  check(document) {
    if (document.data !== 'ACE_TRIP') return [];
    const path = pointer('usPortOfArrival');
    const code = document.usPortOfArrival;
    if (isBlank(code)) return [raise(PORT_REQUIRED, path, 'The trip has no U.S. port of arrival.')];
    if (findPort(code) === undefined) {
      return [
        raise(
          PORT_UNKNOWN,
          path,
          `"${code}" is not the Schedule D code of a U.S. land-border port.`,
        ),
      ];
    }
    return [];
  },
};
