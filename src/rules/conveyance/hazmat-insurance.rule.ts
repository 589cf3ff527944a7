import { DateTime } from 'luxon';
import type { InsurancePolicy, Issue } from '../../domain/index.js';
import { childPointer, isTripDocument, pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities, isBlank } from '../support/shipments.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS, ACE_TRUCK_MANIFEST_IG, cite } from '../sources.js';

/** CBP asks for the truck's insurance when it carries hazmat; the 358 carries the policy. */
const SOURCE = cite(`${ACE_HIGHWAY_CARRIER_REQUIREMENTS} (insurance)`, ACE_TRUCK_MANIFEST_IG);

const INSURANCE_REQUIRED: IssueDefinition = {
  code: 'INSURANCE_REQUIRED',
  severity: 'error',
  title: 'A hazmat trip has no truck insurance',
  fix: "Add the truck's insurance policy: insurer, policy number, issue date and amount.",
  source: SOURCE,
};

const COMPANY_REQUIRED: IssueDefinition = {
  code: 'INSURANCE_COMPANY_REQUIRED',
  severity: 'error',
  title: 'The insurance policy has no insurer',
  fix: 'Give the name of the insurance company.',
  source: SOURCE,
};

const POLICY_NUMBER_REQUIRED: IssueDefinition = {
  code: 'INSURANCE_POLICY_NUMBER_REQUIRED',
  severity: 'error',
  title: 'The insurance policy has no number',
  fix: 'Copy the policy number from the certificate of insurance.',
  source: SOURCE,
};

const ISSUED_DATE_INVALID: IssueDefinition = {
  code: 'INSURANCE_ISSUED_DATE_INVALID',
  severity: 'error',
  title: 'The insurance policy has no valid issue date',
  fix: 'Give the date the policy was issued as YYYY-MM-DD.',
  source: SOURCE,
};

const AMOUNT_INVALID: IssueDefinition = {
  code: 'INSURANCE_AMOUNT_INVALID',
  severity: 'error',
  title: 'The insurance policy has no positive amount',
  fix: 'Give the amount of cover in U.S. dollars, e.g. 5000000.',
  source: SOURCE,
};

function checkPolicy(policy: InsurancePolicy, path: string): Issue[] {
  const issues: Issue[] = [];
  if (isBlank(policy.insuranceCompanyName)) {
    issues.push(
      raise(
        COMPANY_REQUIRED,
        childPointer(path, 'insuranceCompanyName'),
        'The insurance policy names no insurance company.',
      ),
    );
  }
  if (isBlank(policy.policyNumber)) {
    issues.push(
      raise(
        POLICY_NUMBER_REQUIRED,
        childPointer(path, 'policyNumber'),
        'The insurance policy has no policy number.',
      ),
    );
  }
  const issued = policy.issuedDate;
  if (isBlank(issued) || !DateTime.fromFormat(issued, 'yyyy-MM-dd', { zone: 'UTC' }).isValid) {
    issues.push(
      raise(
        ISSUED_DATE_INVALID,
        childPointer(path, 'issuedDate'),
        isBlank(issued)
          ? 'The insurance policy has no issue date.'
          : `"${issued}" is not a date in the form YYYY-MM-DD.`,
      ),
    );
  }
  const amount = policy.policyAmount;
  if (amount === undefined || !Number.isFinite(amount) || amount <= 0) {
    issues.push(
      raise(
        AMOUNT_INVALID,
        childPointer(path, 'policyAmount'),
        amount === undefined
          ? 'The insurance policy has no amount.'
          : `Policy amount ${amount} is not a positive amount of U.S. dollars.`,
      ),
    );
  }
  return issues;
}

/**
 * Insurance is required only when any commodity on the trip is hazmat (CBP ACE eManifest:
 * Highway Carrier Requirements). A policy given on any trip is sent to CBP, so its fields are checked
 * whenever it is there.
 */
export const hazmatInsuranceRule: Rule = {
  id: 'hazmat-insurance',
  issues: [
    INSURANCE_REQUIRED,
    COMPANY_REQUIRED,
    POLICY_NUMBER_REQUIRED,
    ISSUED_DATE_INVALID,
    AMOUNT_INVALID,
  ],
  check(document) {
    if (!isTripDocument(document) || document.truck === undefined) return [];
    const path = pointer('truck', 'insurancePolicy');
    const policy = document.truck.insurancePolicy;
    if (policy !== undefined) return checkPolicy(policy, path);
    const hazmat = allCommodities(document).find(
      (located) => located.commodity.hazmat !== undefined,
    );
    if (hazmat === undefined) return [];
    const unNumber = hazmat.commodity.hazmat?.unNumber;
    const description = hazmat.commodity.description ?? 'a commodity';
    const un = isBlank(unNumber) ? '' : ` (UN ${unNumber})`;
    return [
      raise(
        INSURANCE_REQUIRED,
        path,
        `Shipment ${hazmat.shipment.index + 1} carries hazmat, "${description}"${un}, so the truck needs an insurance policy.`,
      ),
    ];
  },
};
