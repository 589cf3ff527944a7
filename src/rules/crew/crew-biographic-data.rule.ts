import { DateTime } from 'luxon';
import { countryName, GENDERS, isCountry, isOneOf } from '../../codes/index.js';
import type { Issue } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import {
  crewOf,
  describePerson,
  hasAceId,
  hasFastCard,
  type LocatedPerson,
} from './crew-members.js';
import {
  ACE_HIGHWAY_CARRIER_REQUIREMENTS,
  ISO_COUNTRY_CODES,
  TRUCK_CARGO_ADVANCE_INFO,
  cite,
} from '../sources.js';

const SOURCE = cite(ACE_HIGHWAY_CARRIER_REQUIREMENTS, TRUCK_CARGO_ADVANCE_INFO);

const CREW_GENDER_REQUIRED: IssueDefinition = {
  code: 'CREW_GENDER_REQUIRED',
  severity: 'error',
  title: 'Gender is missing for a person without FAST card or ACE ID, or for a passenger',
  fix: "Enter the gender as on the travel document: M or F, or give the driver's FAST card number or ACE ID.",
  source: SOURCE,
};

const CREW_GENDER_INVALID: IssueDefinition = {
  code: 'CREW_GENDER_INVALID',
  severity: 'error',
  title: 'Gender is not M or F',
  fix: 'Use M (male) or F (female), as ACE accepts.',
  source: SOURCE,
};

const CREW_DATE_OF_BIRTH_REQUIRED: IssueDefinition = {
  code: 'CREW_DATE_OF_BIRTH_REQUIRED',
  severity: 'error',
  title: 'Date of birth is missing for a person without FAST card or ACE ID, or for a passenger',
  fix: "Enter the date of birth as YYYY-MM-DD, or give the driver's FAST card number or ACE ID.",
  source: SOURCE,
};

const CREW_DATE_OF_BIRTH_INVALID: IssueDefinition = {
  code: 'CREW_DATE_OF_BIRTH_INVALID',
  severity: 'error',
  title: 'Date of birth is not a real date YYYY-MM-DD',
  fix: 'Write the date of birth as YYYY-MM-DD, e.g. 1980-04-12.',
  source: SOURCE,
};

const CREW_DATE_OF_BIRTH_IN_FUTURE: IssueDefinition = {
  code: 'CREW_DATE_OF_BIRTH_IN_FUTURE',
  severity: 'error',
  title: 'Date of birth is in the future',
  fix: 'Check the date of birth against the travel document; the year is probably mistyped.',
  source: SOURCE,
};

const CREW_CITIZENSHIP_REQUIRED: IssueDefinition = {
  code: 'CREW_CITIZENSHIP_REQUIRED',
  severity: 'error',
  title: 'Citizenship is missing for a person without FAST card or ACE ID, or for a passenger',
  fix: "Enter the country of citizenship as an ISO 3166-1 alpha-2 code (CA, US, MX …), or give the driver's FAST card number or ACE ID.",
  source: SOURCE,
};

const CREW_CITIZENSHIP_INVALID: IssueDefinition = {
  code: 'CREW_CITIZENSHIP_INVALID',
  severity: 'error',
  title: 'Citizenship is not an ISO 3166-1 alpha-2 country code',
  fix: 'Use the 2-letter ISO country code in upper case: CA, US, MX …',
  source: cite(ISO_COUNTRY_CODES, SOURCE),
};

/**
 * Gender, date of birth and citizenship. CBP takes them from its own records for a FAST card or
 * ACE ID holder, so a driver with either may leave them out; passengers always give them
 * (CBP ACE eManifest: Highway Carrier Requirements). Whatever is given must be valid, for everyone.
 */
export const crewBiographicDataRule: Rule = {
  id: 'crew-biographic-data',
  aboutTrip: true,
  issues: [
    CREW_GENDER_REQUIRED,
    CREW_GENDER_INVALID,
    CREW_DATE_OF_BIRTH_REQUIRED,
    CREW_DATE_OF_BIRTH_INVALID,
    CREW_DATE_OF_BIRTH_IN_FUTURE,
    CREW_CITIZENSHIP_REQUIRED,
    CREW_CITIZENSHIP_INVALID,
  ],
  check(document, context) {
    const today = DateTime.fromJSDate(context.now, { zone: 'UTC' }).toFormat('yyyy-MM-dd');
    return crewOf(document).flatMap((member) => [
      ...checkGender(member),
      ...checkDateOfBirth(member, today),
      ...checkCitizenship(member),
    ]);
  },
};

function mustGive(member: LocatedPerson): boolean {
  const { person, role } = member;
  switch (role) {
    case 'driver':
      return !hasFastCard(person) && !hasAceId(person);
    case 'passenger':
      return true;
  }
}

function missing(member: LocatedPerson, what: string): string {
  return member.role === 'passenger'
    ? `${describePerson(member)} has no ${what}; every passenger needs one.`
    : `${describePerson(member)} has no ${what}, and no FAST card or ACE ID that would stand in for it.`;
}

function checkGender(member: LocatedPerson): Issue[] {
  const path = childPointer(member.path, 'gender');
  const gender = member.person.gender;
  if (isBlank(gender)) {
    return mustGive(member) ? [raise(CREW_GENDER_REQUIRED, path, missing(member, 'gender'))] : [];
  }
  if (isOneOf(GENDERS, gender)) return [];
  return [
    raise(
      CREW_GENDER_INVALID,
      path,
      `${describePerson(member)} has gender "${gender}"; ACE accepts M or F.`,
    ),
  ];
}

function checkDateOfBirth(member: LocatedPerson, today: string): Issue[] {
  const path = childPointer(member.path, 'dateOfBirth');
  const dateOfBirth = member.person.dateOfBirth;
  if (isBlank(dateOfBirth)) {
    return mustGive(member)
      ? [raise(CREW_DATE_OF_BIRTH_REQUIRED, path, missing(member, 'date of birth'))]
      : [];
  }
  const parsed = DateTime.fromFormat(dateOfBirth, 'yyyy-MM-dd', { zone: 'UTC' });
  if (!parsed.isValid || parsed.toFormat('yyyy-MM-dd') !== dateOfBirth) {
    return [
      raise(
        CREW_DATE_OF_BIRTH_INVALID,
        path,
        `${describePerson(member)} has date of birth "${dateOfBirth}", which is not a real date written YYYY-MM-DD.`,
      ),
    ];
  }
  // ISO dates of equal length compare in calendar order as text.
  if (dateOfBirth > today) {
    return [
      raise(
        CREW_DATE_OF_BIRTH_IN_FUTURE,
        path,
        `${describePerson(member)} has date of birth ${dateOfBirth}, which is after today (${today}).`,
      ),
    ];
  }
  return [];
}

function checkCitizenship(member: LocatedPerson): Issue[] {
  const path = childPointer(member.path, 'citizenshipCountry');
  const country = member.person.citizenshipCountry;
  if (isBlank(country)) {
    return mustGive(member)
      ? [raise(CREW_CITIZENSHIP_REQUIRED, path, missing(member, 'country of citizenship'))]
      : [];
  }
  if (isCountry(country)) return [];
  const upper = country.toUpperCase();
  const hint = isCountry(upper) ? ` (did you mean ${upper}, ${countryName(upper) ?? upper}?)` : '';
  return [
    raise(
      CREW_CITIZENSHIP_INVALID,
      path,
      `${describePerson(member)} has citizenship "${country}", which is not an ISO 3166-1 alpha-2 country code${hint}.`,
    ),
  ];
}
