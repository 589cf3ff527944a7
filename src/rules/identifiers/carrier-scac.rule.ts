import { pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { isScac } from './carrier-scac.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS, cite } from '../sources.js';

const SCAC_INVALID: IssueDefinition = {
  code: 'SCAC_INVALID',
  severity: 'error',
  title: 'The SCAC given for the carrier is not 4 letters',
  fix: "Give the carrier's Standard Carrier Alpha Code as exactly 4 upper-case letters, e.g. --scac ABCD.",
  source: cite('NMFTA Standard Carrier Alpha Code', ACE_HIGHWAY_CARRIER_REQUIREMENTS),
};

const SCAC_TRIP_NUMBER_MISMATCH: IssueDefinition = {
  code: 'SCAC_TRIP_NUMBER_MISMATCH',
  severity: 'error',
  title: "The trip number does not start with the carrier's SCAC",
  fix: "Start the trip number with the carrier's SCAC, or check that the right SCAC was given.",
  source: `${ACE_HIGHWAY_CARRIER_REQUIREMENTS} (trip number = SCAC + 4–21 characters)`,
};

/**
 * The SCAC given explicitly (`--scac`, the company in the API) is well-formed and is the one
 * the trip number starts with: ACE files the trip under the carrier that the prefix names.
 */
export const carrierScacRule: Rule = {
  id: 'carrier-scac',
  aboutTrip: true,
  issues: [SCAC_INVALID, SCAC_TRIP_NUMBER_MISMATCH],
  check(document, context) {
    const scac = context.scac;
    if (scac === undefined) return [];
    // The SCAC is not part of the document: the issue is about the document as a whole.
    if (!isScac(scac)) {
      return [raise(SCAC_INVALID, '', `The carrier's SCAC "${scac}" is not 4 letters A–Z.`)];
    }
    if (document.data !== 'ACE_TRIP' || isBlank(document.tripNumber)) return [];
    const tripNumber = document.tripNumber.trim();
    if (tripNumber.startsWith(scac)) return [];
    return [
      raise(
        SCAC_TRIP_NUMBER_MISMATCH,
        pointer('tripNumber'),
        `Trip number "${tripNumber}" does not start with the carrier's SCAC "${scac}".`,
      ),
    ];
  },
};
