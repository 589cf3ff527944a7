/** A complete, valid-looking shipment and trip for the benchmarks (no SCN: one is generated). */
import type { Shipment, TripDocument } from '../src/domain/index.js';

export function aShipment(): Shipment {
  return {
    type: 'PAPS',
    provinceOfLoading: 'ON',
    shipper: {
      name: 'Maple Leaf Mills Ltd',
      address: {
        addressLine: '100 King St W',
        city: 'Toronto',
        stateProvince: 'ON',
        postalCode: 'M5X 1A9',
        country: 'CA',
      },
    },
    consignee: {
      name: 'Great Lakes Grocers Inc',
      address: {
        addressLine: '1 Main St',
        city: 'Buffalo',
        stateProvince: 'NY',
        postalCode: '14202',
        country: 'US',
      },
    },
    broker: { name: 'Niagara Customs Brokers', filerCode: 'N7B', email: 'entries@example.com' },
    commodities: [
      {
        loadedOn: { type: 'TRAILER', number: 'TR-5501' },
        description: 'Rolled oats in paper bags',
        quantity: 20,
        packagingUnit: 'PLT',
        weight: 12000,
        weightUnit: 'L',
        value: 18500,
        countryOfOrigin: 'CA',
        harmonizedCode: '110412',
      },
    ],
  };
}

export function aTrip(scac: string): TripDocument {
  return {
    data: 'ACE_TRIP',
    usPortOfArrival: '0901',
    estimatedArrivalDateTime: '2026-12-01 12:00:00',
    truck: {
      number: 'T-101',
      type: 'TL',
      vinNumber: '1M8GDM9AXKP042788',
      licensePlates: [{ number: 'AB12345', stateProvince: 'ON', country: 'CA' }],
    },
    trailers: [
      {
        number: 'TR-5501',
        type: 'TL',
        licensePlates: [{ number: 'P4471K', stateProvince: 'ON', country: 'CA' }],
      },
    ],
    drivers: [{ firstName: 'Jean', lastName: 'Tremblay', fastCardNumber: '42705555555555' }],
    tripNumber: `${scac}000001`,
  };
}
