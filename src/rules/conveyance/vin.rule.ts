import { isTripDocument, pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { actualCheckDigit, expectedCheckDigit, VIN_LENGTH, vinShapeProblem } from './vin.js';
import type { VinShapeProblem } from './vin.js';
import {
  ACE_TRUCK_MANIFEST_IG,
  VIN_CHECK_DIGIT_REGULATION,
  VIN_REGULATION,
  VIN_STANDARD,
  cite,
} from '../sources.js';

const VIN_REQUIRED: IssueDefinition = {
  code: 'VIN_REQUIRED',
  severity: 'error',
  title: "The truck's VIN is missing",
  fix: "Copy the 17-character VIN from the truck's registration or its VIN plate.",
  source: cite(ACE_TRUCK_MANIFEST_IG, VIN_REGULATION),
};

const VIN_FORMAT: IssueDefinition = {
  code: 'VIN_FORMAT',
  severity: 'error',
  title: 'The VIN is not 17 letters and digits',
  fix: 'A VIN has 17 letters and digits and never uses I, O or Q (they are 1 and 0): re-read it from the registration.',
  source: cite(VIN_STANDARD, VIN_CHECK_DIGIT_REGULATION),
};

const VIN_CHECK_DIGIT: IssueDefinition = {
  code: 'VIN_CHECK_DIGIT',
  severity: 'warning',
  title: "The VIN's check digit does not match",
  fix: 'One character of the VIN is probably mistyped: compare it with the registration. Some non-North-American VINs carry no check digit.',
  source: cite(VIN_CHECK_DIGIT_REGULATION, VIN_STANDARD),
};

function describeShape(vin: string, problem: VinShapeProblem): string {
  switch (problem.kind) {
    case 'length':
      return `VIN "${vin}" has ${problem.length} characters; a VIN has ${VIN_LENGTH}.`;
    case 'forbidden-letter':
      return `VIN "${vin}" contains the letter ${problem.letter}, which VINs never use.`;
    case 'not-alphanumeric':
      return `VIN "${vin}" contains characters other than letters and digits.`;
    default: {
      const unknown: never = problem;
      return unknown;
    }
  }
}

/**
 * The truck's VIN is 17 letters and digits without I, O or Q. A wrong check digit is only a
 * warning: VINs of vehicles built outside North America need not carry one (ISO 3779).
 */
export const vinRule: Rule = {
  id: 'vin',
  aboutTrip: true,
  issues: [VIN_REQUIRED, VIN_FORMAT, VIN_CHECK_DIGIT],
  check(document) {
    if (!isTripDocument(document) || document.truck === undefined) return [];
    const path = pointer('truck', 'vinNumber');
    const given = document.truck.vinNumber;
    if (isBlank(given)) return [raise(VIN_REQUIRED, path, 'The truck has no VIN.')];
    const vin = given.trim().toUpperCase();
    const problem = vinShapeProblem(vin);
    if (problem !== undefined) return [raise(VIN_FORMAT, path, describeShape(given, problem))];
    const expected = expectedCheckDigit(vin);
    const actual = actualCheckDigit(vin);
    if (expected === actual) return [];
    return [
      raise(
        VIN_CHECK_DIGIT,
        path,
        `VIN "${given}" has check digit ${actual} in position 9, but its other characters give ${expected}.`,
      ),
    ];
  },
};
