import { describe, expect, it } from 'vitest';
import type { Address, ManifestDocument } from '../../domain/index.js';
import { aConsignee, aShipment, aShipper, aTrip, issuesOf } from '../../../test/builders.js';
import { partyAddressRule } from './party-address.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [partyAddressRule] });

const consigneeAt = (address: Partial<Address>) =>
  aTrip({
    shipments: [
      aShipment({ consignee: aConsignee({ address: { ...aConsignee().address, ...address } }) }),
    ],
  });

describe('party-address rule', () => {
  it('accepts a complete shipper and consignee', () => {
    expect(check(aTrip())).toEqual([]);
  });

  it('accepts an address outside North America without state or postal code', () => {
    const shipper = aShipper({ address: { addressLine: '1 Rue', city: 'Lyon', country: 'FR' } });
    expect(check(aTrip({ shipments: [aShipment({ shipper })] }))).toEqual([]);
  });

  it('says nothing about a missing party (shipment-parties reports it)', () => {
    expect(check(aTrip({ shipments: [aShipment({ shipper: undefined })] }))).toEqual([]);
  });

  it('refuses a shipper without a name, naming the role', () => {
    const shipments = [aShipment({ shipper: aShipper({ name: '' }) })];
    const issues = check(aTrip({ shipments }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'PARTY_NAME_REQUIRED',
        severity: 'error',
        path: '/shipments/0/shipper/name',
      }),
    ]);
    expect(issues[0]?.message).toMatch(/^Shipper /);
  });

  it('warns about a name longer than 60 characters', () => {
    const shipments = [aShipment({ consignee: aConsignee({ name: 'A'.repeat(61) }) })];
    expect(check(aTrip({ shipments }))).toEqual([
      expect.objectContaining({
        code: 'PARTY_NAME_LONG',
        severity: 'warning',
        path: '/shipments/0/consignee/name',
      }),
    ]);
    const exactly60 = [aShipment({ consignee: aConsignee({ name: 'A'.repeat(60) }) })];
    expect(check(aTrip({ shipments: exactly60 }))).toEqual([]);
  });

  it('refuses a party without an address', () => {
    const shipments = [aShipment({ consignee: aConsignee({ address: undefined }) })];
    expect(check(aTrip({ shipments }))).toEqual([
      expect.objectContaining({
        code: 'PARTY_ADDRESS_REQUIRED',
        path: '/shipments/0/consignee/address',
      }),
    ]);
  });

  it('refuses an address without street line or city', () => {
    const issues = check(consigneeAt({ addressLine: ' ', city: undefined }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'PARTY_ADDRESS_LINE_REQUIRED',
        path: '/shipments/0/consignee/address/addressLine',
      }),
      expect.objectContaining({
        code: 'PARTY_CITY_REQUIRED',
        path: '/shipments/0/consignee/address/city',
      }),
    ]);
    expect(issues[0]?.message).toMatch(/^Consignee /);
  });

  it('refuses an address without a country', () => {
    expect(check(consigneeAt({ country: undefined }))).toEqual([
      expect.objectContaining({
        code: 'PARTY_COUNTRY_REQUIRED',
        path: '/shipments/0/consignee/address/country',
      }),
    ]);
  });

  it.each(['USA', 'us', 'XX'])('refuses the country %j', (country) => {
    expect(check(consigneeAt({ country }))).toEqual([
      expect.objectContaining({
        code: 'PARTY_COUNTRY_UNKNOWN',
        path: '/shipments/0/consignee/address/country',
      }),
    ]);
  });

  it('refuses a U.S. address without a state', () => {
    expect(check(consigneeAt({ stateProvince: undefined }))).toEqual([
      expect.objectContaining({
        code: 'PARTY_STATE_PROVINCE_REQUIRED',
        path: '/shipments/0/consignee/address/stateProvince',
      }),
    ]);
  });

  it("refuses a state of another country than the address's", () => {
    const issues = check(consigneeAt({ stateProvince: 'ON' }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'PARTY_STATE_PROVINCE_UNKNOWN',
        path: '/shipments/0/consignee/address/stateProvince',
      }),
    ]);
    expect(issues[0]?.message).toContain('"ON"');
  });

  it('refuses a North American address without a postal code', () => {
    expect(check(consigneeAt({ postalCode: '' }))).toEqual([
      expect.objectContaining({
        code: 'PARTY_POSTAL_CODE_REQUIRED',
        path: '/shipments/0/consignee/address/postalCode',
      }),
    ]);
  });

  it.each([
    ['US', 'NY', '14202'],
    ['US', 'NY', '14202-1234'],
    ['CA', 'ON', 'M5X 1A9'],
    ['CA', 'ON', 'M5X1A9'],
    ['CA', 'BC', 'V6B 1A1'],
    ['MX', 'BCN', '22000'],
  ])('accepts the %s postal code %j', (country, stateProvince, postalCode) => {
    expect(check(consigneeAt({ country, stateProvince, postalCode }))).toEqual([]);
  });

  it.each([
    ['US', 'NY', '1420'],
    ['US', 'NY', '14202-12'],
    ['US', 'NY', 'M5X 1A9'],
    ['CA', 'ON', 'M5X-1A9'],
    ['CA', 'ON', 'D5X 1A9'],
    ['CA', 'ON', 'W5X 1A9'],
    ['CA', 'ON', 'Z5X 1A9'],
    ['CA', 'ON', 'M5O 1A9'],
    ['CA', 'ON', 'M5X 1U9'],
    ['CA', 'ON', 'm5x 1a9'],
    ['MX', 'BCN', '2200'],
  ])('refuses the %s postal code %j', (country, stateProvince, postalCode) => {
    const issues = check(consigneeAt({ country, stateProvince, postalCode }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'PARTY_POSTAL_CODE_FORMAT',
        severity: 'error',
        path: '/shipments/0/consignee/address/postalCode',
      }),
    ]);
    expect(issues[0]?.message).toContain(`"${postalCode}"`);
  });

  it("checks a broker's address when one is given, naming the broker", () => {
    const broker = {
      filerCode: 'N7B',
      address: {
        addressLine: '5 Bridge St',
        city: 'Niagara Falls',
        country: 'US',
        postalCode: '14301',
      },
    };
    const issues = check(aTrip({ shipments: [aShipment({ broker })] }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'PARTY_STATE_PROVINCE_REQUIRED',
        path: '/shipments/0/broker/address/stateProvince',
      }),
    ]);
    expect(issues[0]?.message).toMatch(/^Broker /);
  });
});
