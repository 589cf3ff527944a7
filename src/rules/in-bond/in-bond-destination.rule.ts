import { IN_BOND_TYPES, isCountry, isOneOf } from '../../codes/index.js';
import { childPointer, type InBond, type Issue } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { carrierInBonds } from './in-bond-shipments.js';
import {
  IN_BOND_REGULATIONS,
  ISO_COUNTRY_CODES,
  SCHEDULE_D as SCHEDULE_D_SOURCE,
} from '../sources.js';

const PORT_REQUIRED: IssueDefinition = {
  code: 'IN_BOND_DESTINATION_PORT_REQUIRED',
  severity: 'error',
  title: 'An in-bond shipment has no U.S. destination port',
  fix: 'Enter the 4-digit Schedule D code of the U.S. port where the bond ends (for 63, the port of exportation).',
  source: IN_BOND_REGULATIONS,
};

const PORT_FORMAT: IssueDefinition = {
  code: 'IN_BOND_DESTINATION_PORT_FORMAT',
  severity: 'error',
  title: 'The in-bond destination port is not a 4-digit Schedule D code',
  fix: 'Enter the 4-digit Schedule D code of the destination port, e.g. 3901 Chicago.',
  source: `${SCHEDULE_D_SOURCE}; ACE error 380 'INVALID INB DEST PORT CODE'`,
};

const FOREIGN_REQUIRED: IssueDefinition = {
  code: 'IN_BOND_FOREIGN_DESTINATION_REQUIRED',
  severity: 'error',
  title: 'A 62 or 63 in-bond has no foreign destination',
  fix: 'Enter the ISO 3166-1 alpha-2 code of the country the goods are exported to.',
  source: IN_BOND_REGULATIONS,
};

const FOREIGN_UNKNOWN: IssueDefinition = {
  code: 'IN_BOND_FOREIGN_DESTINATION_UNKNOWN',
  severity: 'error',
  title: 'The foreign destination is not an ISO 3166-1 alpha-2 code',
  fix: 'Use the 2-letter upper-case ISO code of the country of export destination: CA, MX, …',
  source: ISO_COUNTRY_CODES,
};

const FOREIGN_IS_US: IssueDefinition = {
  code: 'IN_BOND_FOREIGN_DESTINATION_IS_US',
  severity: 'error',
  title: 'The foreign destination of an export in-bond is the United States',
  fix: 'Enter the country the goods leave to, or use type 61 if the goods stay in the U.S.',
  source: IN_BOND_REGULATIONS,
};

/**
 * Interior ports (Chicago, Memphis, …) are valid in-bond destinations but are not in our list of
 * land-border ports, so only the Schedule D shape is checked; ACE itself answers a wrong code
 * with error 380.
 */
const SCHEDULE_D = /^\d{4}$/;

/** 62 and 63 movements end with exportation, so they name the country the goods leave to. */
function exports(type: keyof typeof IN_BOND_TYPES): boolean {
  switch (type) {
    case '61':
      return false;
    case '62':
    case '63':
      return true;
  }
}

/** Where the bond ends: a U.S. port always, and a foreign country for exports (62/63). */
export const inBondDestinationRule: Rule = {
  id: 'in-bond-destination',
  issues: [PORT_REQUIRED, PORT_FORMAT, FOREIGN_REQUIRED, FOREIGN_UNKNOWN, FOREIGN_IS_US],
  check(document) {
    return carrierInBonds(document).flatMap(({ inBond, path }) => [
      ...checkPort(inBond, path),
      ...checkForeignDestination(inBond, path),
    ]);
  },
};

function checkPort(inBond: InBond, path: string): Issue[] {
  const at = childPointer(path, 'destinationPort');
  const port = inBond.destinationPort;
  if (isBlank(port)) {
    return [raise(PORT_REQUIRED, at, 'The in-bond shipment has no U.S. destination port.')];
  }
  if (!SCHEDULE_D.test(port)) {
    return [raise(PORT_FORMAT, at, `"${port}" is not a 4-digit Schedule D port code.`)];
  }
  return [];
}

function checkForeignDestination(inBond: InBond, path: string): Issue[] {
  const at = childPointer(path, 'foreignDestination');
  const country = inBond.foreignDestination;
  const type = inBond.type;
  const isExport = type !== undefined && isOneOf(IN_BOND_TYPES, type) && exports(type);
  if (isBlank(country)) {
    return isExport
      ? [raise(FOREIGN_REQUIRED, at, `The type ${type} in-bond has no foreign destination.`)]
      : [];
  }
  if (!isCountry(country)) {
    return [raise(FOREIGN_UNKNOWN, at, `"${country}" is not an ISO 3166-1 alpha-2 country code.`)];
  }
  if (isExport && country === 'US') {
    return [
      raise(
        FOREIGN_IS_US,
        at,
        `The type ${type} in-bond exports the goods, but its foreign destination is "US".`,
      ),
    ];
  }
  return [];
}
