/**
 * Test data builders (docs/architecture.md: no hand-copied JSON walls). Each builder returns a
 * record that passes every rule at FIXED_NOW; a test overrides only what it is about.
 */
import type {
  Commodity,
  ManifestDocument,
  Party,
  Driver,
  Shipment,
  Trailer,
  TripDocument,
  Truck,
} from '../src/domain/index.js';
import { validateDocument, type ValidationOptions } from '../src/rules/index.js';
import type { Issue } from '../src/domain/index.js';

/** 2026-11-28 12:00 UTC = 07:00 EST in Buffalo. */
export const FIXED_NOW = new Date('2026-11-28T12:00:00Z');
/** Five hours after FIXED_NOW at Buffalo-Niagara Falls (port 0901, America/New_York). */
export const FIXED_ETA = '2026-11-28 12:00:00';

export function aShipper(overrides: Partial<Party> = {}): Party {
  return {
    name: 'Maple Leaf Mills Ltd',
    address: {
      addressLine: '100 King St W',
      city: 'Toronto',
      stateProvince: 'ON',
      postalCode: 'M5X 1A9',
      country: 'CA',
    },
    ...overrides,
  };
}

export function aConsignee(overrides: Partial<Party> = {}): Party {
  return {
    name: 'Great Lakes Grocers Inc',
    address: {
      addressLine: '1 Main St',
      city: 'Buffalo',
      stateProvince: 'NY',
      postalCode: '14202',
      country: 'US',
    },
    ...overrides,
  };
}

export function aCommodity(overrides: Partial<Commodity> = {}): Commodity {
  return {
    loadedOn: { type: 'TRAILER', number: 'TR-5501' },
    description: 'Rolled oats in paper bags',
    quantity: 20,
    packagingUnit: 'PLT',
    weight: 12000,
    weightUnit: 'L',
    value: 18500,
    countryOfOrigin: 'CA',
    harmonizedCode: '110412',
    marksAndNumbers: ['MLM-4471'],
    ...overrides,
  };
}

export function aShipment(overrides: Partial<Shipment> = {}): Shipment {
  return {
    type: 'PAPS',
    shipmentControlNumber: 'DEMO0001000001',
    provinceOfLoading: 'ON',
    shipper: aShipper(),
    consignee: aConsignee(),
    broker: { name: 'Niagara Customs Brokers', filerCode: 'N7B', email: 'entries@example.com' },
    commodities: [aCommodity()],
    ...overrides,
  };
}

/**
 * A Section 321 shipment: US$240 of Canadian goods for a U.S. consignee, no broker. It passes
 * every rule only for arrivals before 2025-08-29, when de minimis was suspended (EO 14324):
 * at FIXED_NOW it is refused, as it should be. Pair it with `aTripArrivingIn2024()`.
 */
export function aSection321Shipment(overrides: Partial<Shipment> = {}): Shipment {
  const shipment: Shipment = {
    ...aShipment(),
    type: 'SECTION_321',
    shipmentControlNumber: 'DEMO0001000321',
    commodities: [
      aCommodity({
        description: 'Maple syrup gift boxes',
        quantity: 12,
        packagingUnit: 'BOX',
        weight: 40,
        value: 240,
        harmonizedCode: '170220',
        marksAndNumbers: ['MLM-321'],
      }),
    ],
  };
  // No broker: a Section 321 release needs no entry; the driver shows the paperwork (19 CFR 10.151).
  delete shipment.broker;
  return { ...shipment, ...overrides };
}

/** 2024-06-12 12:00 EDT at Buffalo-Niagara Falls: five hours after FIXED_NOW_2024. */
export const FIXED_NOW_2024 = new Date('2024-06-12T11:00:00Z');

/** A trip arriving in 2024, when Section 321 was open to goods of any origin up to US$800. */
export function aTripArrivingIn2024(overrides: Partial<TripDocument> = {}): TripDocument {
  return aTrip({
    tripNumber: 'DEMO2024061201',
    estimatedArrivalDateTime: '2024-06-12 12:00:00',
    ...overrides,
  });
}

export function aDriver(overrides: Partial<Driver> = {}): Driver {
  return {
    firstName: 'Jean',
    lastName: 'Tremblay',
    gender: 'M',
    dateOfBirth: '1980-04-12',
    citizenshipCountry: 'CA',
    fastCardNumber: '42705555555555',
    travelDocuments: [
      { type: '5K', number: 'T1234-56789-01234', country: 'CA', stateProvince: 'ON' },
      { type: 'ACW', number: 'AB123456', country: 'CA' },
    ],
    ...overrides,
  };
}

export function aTruck(overrides: Partial<Truck> = {}): Truck {
  return {
    number: 'T-101',
    type: 'TL',
    vinNumber: '1M8GDM9AXKP042788',
    dotNumber: '1234567',
    licensePlates: [{ number: 'AB12345', stateProvince: 'ON', country: 'CA' }],
    sealNumbers: [],
    ...overrides,
  };
}

export function aTrailer(overrides: Partial<Trailer> = {}): Trailer {
  return {
    number: 'TR-5501',
    type: 'TL',
    licensePlates: [{ number: 'P4471K', stateProvince: 'ON', country: 'CA' }],
    sealNumbers: ['SEAL-001'],
    ...overrides,
  };
}

export function aTrip(overrides: Partial<TripDocument> = {}): TripDocument {
  return {
    data: 'ACE_TRIP',
    tripNumber: 'DEMO2026112801',
    usPortOfArrival: '0901',
    estimatedArrivalDateTime: FIXED_ETA,
    truck: aTruck(),
    trailers: [aTrailer()],
    drivers: [aDriver()],
    passengers: [],
    shipments: [aShipment()],
    ...overrides,
  };
}

/** Runs the whole engine at FIXED_NOW unless the test says otherwise. */
export function issuesOf(
  document: ManifestDocument,
  options: Partial<ValidationOptions> = {},
): Issue[] {
  return validateDocument(document, { now: FIXED_NOW, ...options });
}

export function codesOf(
  document: ManifestDocument,
  options: Partial<ValidationOptions> = {},
): string[] {
  return issuesOf(document, options).map((issue) => issue.code);
}
