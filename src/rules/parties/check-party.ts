import { findSubdivision, isCountry, isNorthAmerican } from '../../codes/index.js';
import type { Address, Issue, Party } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { isPostalCodeShaped, postalCodeExample } from './contact-formats.js';
import {
  ACE_TRUCK_MANIFEST_IG,
  ISO_COUNTRY_CODES,
  ISO_SUBDIVISION_CODES,
  TRUCK_CARGO_ADVANCE_INFO,
} from '../sources.js';

/**
 * One checker for every party of a shipment, so shippers, consignees and brokers are held to
 * the same address rules and each message names the role ("Shipper", "Consignee", "Broker").
 */
export type PartyRole = 'Shipper' | 'Consignee' | 'Broker';

/** The manifest carries the shipper's and consignee's names and addresses. */
const ADDRESS_SOURCE = TRUCK_CARGO_ADVANCE_INFO;

/** The name element of the X12 309 N1 segment CBP receives holds at most 60 characters. */
export const MAX_PARTY_NAME_LENGTH = 60;

const NAME_REQUIRED: IssueDefinition = {
  code: 'PARTY_NAME_REQUIRED',
  severity: 'error',
  title: 'A shipper or consignee has no name',
  fix: 'Enter the company or person name as it appears on the bill of lading.',
  source: ADDRESS_SOURCE,
};

const NAME_LONG: IssueDefinition = {
  code: 'PARTY_NAME_LONG',
  severity: 'warning',
  title: `A party name is longer than ${MAX_PARTY_NAME_LENGTH} characters`,
  fix: `Shorten the name to ${MAX_PARTY_NAME_LENGTH} characters or fewer; longer names are cut off in the message sent to CBP.`,
  source: `${ACE_TRUCK_MANIFEST_IG}, N1 segment (N102 name, 1–60 characters)`,
};

const ADDRESS_REQUIRED: IssueDefinition = {
  code: 'PARTY_ADDRESS_REQUIRED',
  severity: 'error',
  title: 'A shipper or consignee has no address',
  fix: 'Enter the street address, city, state/province, postal code and country.',
  source: ADDRESS_SOURCE,
};

const ADDRESS_LINE_REQUIRED: IssueDefinition = {
  code: 'PARTY_ADDRESS_LINE_REQUIRED',
  severity: 'error',
  title: 'A party address has no street line',
  fix: 'Enter the street address (number and street, or P.O. box).',
  source: ADDRESS_SOURCE,
};

const CITY_REQUIRED: IssueDefinition = {
  code: 'PARTY_CITY_REQUIRED',
  severity: 'error',
  title: 'A party address has no city',
  fix: 'Enter the city.',
  source: ADDRESS_SOURCE,
};

const COUNTRY_REQUIRED: IssueDefinition = {
  code: 'PARTY_COUNTRY_REQUIRED',
  severity: 'error',
  title: 'A party address has no country',
  fix: 'Enter the ISO 3166-1 alpha-2 country code: US, CA, MX, …',
  source: ADDRESS_SOURCE,
};

const COUNTRY_UNKNOWN: IssueDefinition = {
  code: 'PARTY_COUNTRY_UNKNOWN',
  severity: 'error',
  title: 'A party country is not an ISO 3166-1 alpha-2 code',
  fix: 'Use the 2-letter upper-case ISO code: US, CA, MX, …',
  source: ISO_COUNTRY_CODES,
};

const STATE_REQUIRED: IssueDefinition = {
  code: 'PARTY_STATE_PROVINCE_REQUIRED',
  severity: 'error',
  title: 'A U.S., Canadian or Mexican address has no state/province',
  fix: 'Enter the state or province code without the country prefix: NY, ON, BCN.',
  source: ADDRESS_SOURCE,
};

const STATE_UNKNOWN: IssueDefinition = {
  code: 'PARTY_STATE_PROVINCE_UNKNOWN',
  severity: 'error',
  title: "The state/province is not one of the address's country",
  fix: "Use the ISO 3166-2 code of a state or province of the address's country, or correct the country.",
  source: ISO_SUBDIVISION_CODES,
};

const POSTAL_CODE_REQUIRED: IssueDefinition = {
  code: 'PARTY_POSTAL_CODE_REQUIRED',
  severity: 'error',
  title: 'A U.S., Canadian or Mexican address has no postal code',
  fix: 'Enter the ZIP code (U.S.), postal code (Canada) or código postal (Mexico).',
  source: ADDRESS_SOURCE,
};

const POSTAL_CODE_FORMAT: IssueDefinition = {
  code: 'PARTY_POSTAL_CODE_FORMAT',
  severity: 'error',
  title: 'A postal code is not shaped right for its country',
  fix: 'U.S.: 12345 or 12345-6789; Canada: A1A 1A1; Mexico: 5 digits.',
  source: 'USPS Publication 28; Canada Post addressing guidelines; Correos de México',
};

export const PARTY_ISSUES: readonly IssueDefinition[] = [
  NAME_REQUIRED,
  NAME_LONG,
  ADDRESS_REQUIRED,
  ADDRESS_LINE_REQUIRED,
  CITY_REQUIRED,
  COUNTRY_REQUIRED,
  COUNTRY_UNKNOWN,
  STATE_REQUIRED,
  STATE_UNKNOWN,
  POSTAL_CODE_REQUIRED,
  POSTAL_CODE_FORMAT,
];

/**
 * Checks a shipper or consignee at `base` + `tokens`: its name and its full address. Pointers
 * are spelled only for an issue (a trip has tens of thousands of parties and few issues).
 */
export function checkParty(
  role: PartyRole,
  party: Party,
  base: string,
  ...tokens: string[]
): Issue[] {
  const issues: Issue[] = [];
  const namePath = (): string => childPointer(base, ...tokens, 'name');
  if (isBlank(party.name)) {
    issues.push(raise(NAME_REQUIRED, namePath(), `${role} has no name.`));
  } else if (party.name.trim().length > MAX_PARTY_NAME_LENGTH) {
    issues.push(
      raise(
        NAME_LONG,
        namePath(),
        `${role} name "${party.name}" has ${party.name.trim().length} characters, more than ${MAX_PARTY_NAME_LENGTH}.`,
      ),
    );
  }
  if (party.address === undefined) {
    issues.push(
      raise(ADDRESS_REQUIRED, childPointer(base, ...tokens, 'address'), `${role} has no address.`),
    );
  } else {
    issues.push(...checkAddress(role, party.address, base, ...tokens, 'address'));
  }
  return issues;
}

/**
 * Checks an address at `base` + `tokens` (spelled only for an issue); used alone for a broker,
 * whose address is optional.
 */
export function checkAddress(
  role: PartyRole,
  address: Address,
  base: string,
  ...tokens: string[]
): Issue[] {
  const issues: Issue[] = [];
  const at = (field: string): string => childPointer(base, ...tokens, field);
  if (isBlank(address.addressLine)) {
    issues.push(
      raise(ADDRESS_LINE_REQUIRED, at('addressLine'), `${role} address has no street line.`),
    );
  }
  if (isBlank(address.city)) {
    issues.push(raise(CITY_REQUIRED, at('city'), `${role} address has no city.`));
  }
  const { country } = address;
  if (isBlank(country)) {
    issues.push(raise(COUNTRY_REQUIRED, at('country'), `${role} address has no country.`));
    return issues;
  }
  if (!isCountry(country)) {
    issues.push(
      raise(
        COUNTRY_UNKNOWN,
        at('country'),
        `${role} country "${country}" is not an ISO 3166-1 alpha-2 code.`,
      ),
    );
    return issues;
  }
  // CBP checks states/provinces and postal codes only for the U.S. and its land neighbours.
  if (!isNorthAmerican(country)) return issues;

  const { stateProvince, postalCode } = address;
  if (isBlank(stateProvince)) {
    issues.push(
      raise(
        STATE_REQUIRED,
        at('stateProvince'),
        `${role} address in ${country} has no state/province.`,
      ),
    );
  } else if (findSubdivision(country, stateProvince) === undefined) {
    issues.push(
      raise(
        STATE_UNKNOWN,
        at('stateProvince'),
        `${role} state/province "${stateProvince}" is not a state or province of ${country}.`,
      ),
    );
  }
  if (isBlank(postalCode)) {
    issues.push(
      raise(
        POSTAL_CODE_REQUIRED,
        at('postalCode'),
        `${role} address in ${country} has no postal code.`,
      ),
    );
  } else if (!isPostalCodeShaped(country, postalCode)) {
    issues.push(
      raise(
        POSTAL_CODE_FORMAT,
        at('postalCode'),
        `${role} postal code "${postalCode}" is not a ${country} postal code (e.g. ${postalCodeExample(country)}).`,
      ),
    );
  }
  return issues;
}
