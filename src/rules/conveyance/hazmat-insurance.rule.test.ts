import { describe, expect, it } from 'vitest';
import { aCommodity, aShipment, aTrip, aTruck, issuesOf } from '../../../test/builders.js';
import type { InsurancePolicy, TripDocument } from '../../domain/index.js';

const POLICY: InsurancePolicy = {
  insuranceCompanyName: 'Northern Mutual Insurance',
  policyNumber: 'NM-2026-4471',
  issuedDate: '2026-01-15',
  policyAmount: 5_000_000,
};

function hazmatTrip(insurancePolicy: InsurancePolicy | undefined): TripDocument {
  const truck = aTruck();
  return aTrip({
    truck: insurancePolicy === undefined ? truck : { ...truck, insurancePolicy },
    shipments: [
      aShipment({
        commodities: [
          aCommodity(),
          aCommodity({
            description: 'Paint, flammable',
            hazmat: {
              unNumber: '1263',
              emergencyContact: { name: 'CHEMTREC', phone: '+1 800 424 9300' },
            },
          }),
        ],
      }),
    ],
  });
}

function insuranceIssues(trip: TripDocument) {
  return issuesOf(trip)
    .filter((issue) => issue.code.startsWith('INSURANCE_'))
    .map((issue) => [issue.code, issue.path]);
}

describe('hazmat-insurance rule', () => {
  it('asks no insurance of a trip without hazmat', () => {
    expect(insuranceIssues(aTrip())).toEqual([]);
  });

  it('accepts a hazmat trip with a complete policy', () => {
    expect(insuranceIssues(hazmatTrip(POLICY))).toEqual([]);
  });

  it('refuses a hazmat trip without insurance, naming the hazmat goods', () => {
    const issue = issuesOf(hazmatTrip(undefined)).find(
      (found) => found.code === 'INSURANCE_REQUIRED',
    );
    expect(issue).toMatchObject({ severity: 'error', path: '/truck/insurancePolicy' });
    expect(issue?.message).toContain('"Paint, flammable" (UN 1263)');
  });

  it('refuses a policy without insurer, number, valid issue date or positive amount', () => {
    const trip = hazmatTrip({
      insuranceCompanyName: ' ',
      issuedDate: '2026-02-30',
      policyAmount: 0,
    });
    expect(insuranceIssues(trip)).toEqual([
      ['INSURANCE_COMPANY_REQUIRED', '/truck/insurancePolicy/insuranceCompanyName'],
      ['INSURANCE_POLICY_NUMBER_REQUIRED', '/truck/insurancePolicy/policyNumber'],
      ['INSURANCE_ISSUED_DATE_INVALID', '/truck/insurancePolicy/issuedDate'],
      ['INSURANCE_AMOUNT_INVALID', '/truck/insurancePolicy/policyAmount'],
    ]);
  });

  it('refuses a policy with neither issue date nor amount', () => {
    const partial = { ...POLICY };
    delete partial.issuedDate;
    delete partial.policyAmount;
    expect(insuranceIssues(hazmatTrip(partial))).toEqual([
      ['INSURANCE_ISSUED_DATE_INVALID', '/truck/insurancePolicy/issuedDate'],
      ['INSURANCE_AMOUNT_INVALID', '/truck/insurancePolicy/policyAmount'],
    ]);
  });
});
