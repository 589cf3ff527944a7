import { pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { identifierProblem } from './identifier-format.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS } from '../sources.js';

const SOURCE = `${ACE_HIGHWAY_CARRIER_REQUIREMENTS} (trip number = SCAC + 4–21 characters)`;

const TRIP_NUMBER_REQUIRED: IssueDefinition = {
  code: 'TRIP_NUMBER_REQUIRED',
  severity: 'error',
  title: 'The trip has no trip number',
  fix: "Give the trip a number: the carrier's SCAC followed by 4–21 letters or digits, e.g. ABCD2026112801.",
  source: SOURCE,
};

const TRIP_NUMBER_FORMAT: IssueDefinition = {
  code: 'TRIP_NUMBER_FORMAT',
  severity: 'error',
  title: 'The trip number is not SCAC + 4–21 upper-case letters or digits',
  fix: "Write the trip number as the carrier's SCAC followed by 4–21 upper-case letters or digits (8–25 characters), without spaces or dashes.",
  source: SOURCE,
};

const LENGTH = { min: 8, max: 25 } as const;

/** A trip is identified in ACE by SCAC + 4–21 letters/digits, unique for the carrier. */
export const tripNumberRule: Rule = {
  id: 'trip-number',
  aboutTrip: true,
  issues: [TRIP_NUMBER_REQUIRED, TRIP_NUMBER_FORMAT],
  check(document) {
    if (document.data !== 'ACE_TRIP') return [];
    const path = pointer('tripNumber');
    if (isBlank(document.tripNumber)) {
      return [raise(TRIP_NUMBER_REQUIRED, path, 'The trip has no trip number.')];
    }
    const problem = identifierProblem(document.tripNumber, LENGTH);
    if (problem === undefined) return [];
    return [
      raise(
        TRIP_NUMBER_FORMAT,
        path,
        `Trip number "${document.tripNumber}" ${problem}; it must be the carrier's SCAC followed by 4–21 upper-case letters or digits (8–25 characters).`,
      ),
    ];
  },
};
