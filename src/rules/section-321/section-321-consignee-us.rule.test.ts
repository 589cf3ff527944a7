import { describe, expect, it } from 'vitest';
import {
  aConsignee,
  aSection321Shipment,
  aTripArrivingIn2024,
  FIXED_NOW_2024,
  issuesOf,
} from '../../../test/builders.js';
import type { Address } from '../../domain/index.js';

const US_ADDRESS: Address = {
  addressLine: '1 Main St',
  city: 'Buffalo',
  stateProvince: 'NY',
  postalCode: '14202',
  country: 'US',
};

function consigneeIssues(address: Address) {
  const trip = aTripArrivingIn2024({
    shipments: [aSection321Shipment({ consignee: aConsignee({ address }) })],
  });
  return issuesOf(trip, { now: FIXED_NOW_2024 })
    .filter((issue) => issue.code.startsWith('SECTION_321_CONSIGNEE'))
    .map((issue) => [issue.code, issue.path]);
}

describe('section-321-consignee-us rule', () => {
  it('accepts a consignee in a U.S. state', () => {
    expect(consigneeIssues(US_ADDRESS)).toEqual([]);
  });

  it('refuses a consignee outside the U.S.', () => {
    expect(
      consigneeIssues({ ...US_ADDRESS, country: 'CA', stateProvince: 'ON', postalCode: 'M5X 1A9' }),
    ).toEqual([['SECTION_321_CONSIGNEE_NOT_US', '/shipments/0/consignee/address/country']]);
  });

  it('refuses a U.S. consignee whose state is not a U.S. state code', () => {
    expect(consigneeIssues({ ...US_ADDRESS, stateProvince: 'ON' })).toEqual([
      ['SECTION_321_CONSIGNEE_STATE_INVALID', '/shipments/0/consignee/address/stateProvince'],
    ]);
  });

  it('refuses a U.S. consignee without a state', () => {
    const withoutState = { ...US_ADDRESS };
    delete withoutState.stateProvince;
    expect(consigneeIssues(withoutState)).toEqual([
      ['SECTION_321_CONSIGNEE_STATE_INVALID', '/shipments/0/consignee/address/stateProvince'],
    ]);
  });
});
