import { childPointer, type Hazmat, type Issue } from '../../domain/index.js';
import { isEmailShaped } from '../parties/contact-formats.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities, isBlank } from '../support/shipments.js';
import {
  HAZMAT_EMERGENCY_RESPONSE_NUMBER,
  HAZMAT_TABLE,
  OWN_CHECK,
  TRUCK_CARGO_ADVANCE_INFO,
  cite,
} from '../sources.js';

const UN_NUMBER_REQUIRED: IssueDefinition = {
  code: 'HAZMAT_UN_NUMBER_REQUIRED',
  severity: 'error',
  title: 'A hazmat commodity has no UN/NA number',
  fix: 'Enter the 4-digit UN or NA identification number from the shipping papers, e.g. UN1203.',
  source: cite(HAZMAT_TABLE, TRUCK_CARGO_ADVANCE_INFO),
};

const UN_NUMBER_FORMAT: IssueDefinition = {
  code: 'HAZMAT_UN_NUMBER_FORMAT',
  severity: 'error',
  title: 'The UN/NA number is not 4 digits',
  fix: 'Enter 4 digits, optionally after UN or NA: 1203, UN1203, NA1993.',
  source: HAZMAT_TABLE,
};

const CONTACT_REQUIRED: IssueDefinition = {
  code: 'HAZMAT_EMERGENCY_CONTACT_REQUIRED',
  severity: 'error',
  title: 'A hazmat commodity has no emergency contact',
  fix: 'Enter the 24-hour emergency contact: name, phone and e-mail.',
  source: HAZMAT_EMERGENCY_RESPONSE_NUMBER,
};

const CONTACT_NAME_REQUIRED: IssueDefinition = {
  code: 'HAZMAT_CONTACT_NAME_REQUIRED',
  severity: 'error',
  title: 'The hazmat emergency contact has no name',
  fix: 'Enter the person or emergency response service to call.',
  source: HAZMAT_EMERGENCY_RESPONSE_NUMBER,
};

const CONTACT_PHONE_REQUIRED: IssueDefinition = {
  code: 'HAZMAT_CONTACT_PHONE_REQUIRED',
  severity: 'error',
  title: 'The hazmat emergency contact has no phone number',
  fix: 'Enter the 24-hour emergency response telephone number, area code included.',
  source: HAZMAT_EMERGENCY_RESPONSE_NUMBER,
};

const CONTACT_PHONE_FORMAT: IssueDefinition = {
  code: 'HAZMAT_CONTACT_PHONE_FORMAT',
  severity: 'error',
  title: 'The hazmat emergency phone number is too short to dial',
  fix: 'Enter the full number with area code (and country code outside North America), e.g. +1 800 424 9300.',
  source: HAZMAT_EMERGENCY_RESPONSE_NUMBER,
};

const CONTACT_EMAIL_REQUIRED: IssueDefinition = {
  code: 'HAZMAT_CONTACT_EMAIL_REQUIRED',
  severity: 'error',
  title: 'The hazmat emergency contact has no e-mail address',
  fix: 'Enter the e-mail address of the emergency contact.',
  source: OWN_CHECK.hazmatContactEmail,
};

const CONTACT_EMAIL_FORMAT: IssueDefinition = {
  code: 'HAZMAT_CONTACT_EMAIL_FORMAT',
  severity: 'error',
  title: 'The hazmat emergency e-mail is not shaped like an address',
  fix: 'Correct the address (name@domain.tld).',
  source: OWN_CHECK.hazmatContactEmail,
};

const UN_NUMBER = /^(?:(?:UN|NA) ?)?\d{4}$/;

/** 49 CFR 172.604 asks for a number that reaches someone at once: area code always included. */
const MIN_PHONE_DIGITS = 10;

/** A commodity with `hazmat` is dangerous goods: it carries a UN/NA number and an emergency contact. */
export const hazmatRule: Rule = {
  id: 'hazmat',
  issues: [
    UN_NUMBER_REQUIRED,
    UN_NUMBER_FORMAT,
    CONTACT_REQUIRED,
    CONTACT_NAME_REQUIRED,
    CONTACT_PHONE_REQUIRED,
    CONTACT_PHONE_FORMAT,
    CONTACT_EMAIL_REQUIRED,
    CONTACT_EMAIL_FORMAT,
  ],
  check(document) {
    return allCommodities(document).flatMap(({ commodity, path }) =>
      commodity.hazmat === undefined
        ? []
        : checkHazmat(commodity.hazmat, childPointer(path, 'hazmat')),
    );
  },
};

function checkHazmat(hazmat: Hazmat, path: string): Issue[] {
  const issues: Issue[] = [];
  const unPath = childPointer(path, 'unNumber');
  if (isBlank(hazmat.unNumber)) {
    issues.push(raise(UN_NUMBER_REQUIRED, unPath, 'The hazmat commodity has no UN/NA number.'));
  } else if (!UN_NUMBER.test(hazmat.unNumber.trim().toUpperCase())) {
    issues.push(
      raise(UN_NUMBER_FORMAT, unPath, `"${hazmat.unNumber}" is not a 4-digit UN/NA number.`),
    );
  }
  const contact = hazmat.emergencyContact;
  const contactPath = childPointer(path, 'emergencyContact');
  if (contact === undefined) {
    issues.push(
      raise(CONTACT_REQUIRED, contactPath, 'The hazmat commodity has no emergency contact.'),
    );
    return issues;
  }
  if (isBlank(contact.name)) {
    issues.push(
      raise(
        CONTACT_NAME_REQUIRED,
        childPointer(contactPath, 'name'),
        'The emergency contact has no name.',
      ),
    );
  }
  const phonePath = childPointer(contactPath, 'phone');
  if (isBlank(contact.phone)) {
    issues.push(
      raise(CONTACT_PHONE_REQUIRED, phonePath, 'The emergency contact has no phone number.'),
    );
  } else if (contact.phone.replace(/\D/g, '').length < MIN_PHONE_DIGITS) {
    issues.push(
      raise(
        CONTACT_PHONE_FORMAT,
        phonePath,
        `The emergency phone "${contact.phone}" has fewer than ${MIN_PHONE_DIGITS} digits.`,
      ),
    );
  }
  const emailPath = childPointer(contactPath, 'email');
  if (isBlank(contact.email)) {
    issues.push(
      raise(CONTACT_EMAIL_REQUIRED, emailPath, 'The emergency contact has no e-mail address.'),
    );
  } else if (!isEmailShaped(contact.email)) {
    issues.push(
      raise(CONTACT_EMAIL_FORMAT, emailPath, `"${contact.email}" is not an e-mail address.`),
    );
  }
  return issues;
}
