/**
 * seedDemoCompany(deps) → { email, password } | undefined — on a database without any
 * company, creates the demo carrier (SCAC DEMO), an admin, one sample trip ready to file, and
 * what a carrier's office has after a week of use: an address book of regular shippers,
 * consignees and a customs broker, the sample trip's truck, trailer and driver as profiles, and
 * a template of the sample run. A new user then sees a working system at the first sign-in,
 * quick assign and "Start from a template" included (docs/api.md, start-up). Does nothing on a
 * database that already has a company. Development only: the caller decides.
 */
import { randomBytes } from 'node:crypto';
import type { TripDocument } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { createParty, type PartyInput } from '../master-data/create-party.js';
import { createProfile, type ProfileInput } from '../master-data/create-profile.js';
import { saveTemplate } from '../templates/save-template.js';
import { createTrip } from '../trips/create-trip.js';
import { bootstrapCompany } from './bootstrap-company.js';

export const DEMO_EMAIL = 'admin@demo.example';

/** Port-local `YYYY-MM-DD HH:MM:SS` a day from now: the sample trip is not already late. */
function tomorrowAtNoon(now: Date): string {
  const day = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  return `${day} 12:00:00`;
}

/** The sample run's shipper, consignee and broker: on its shipment and in the address book. */
const MAPLE_LEAF_MILLS = {
  name: 'Maple Leaf Mills Ltd',
  address: {
    addressLine: '100 King St W',
    city: 'Toronto',
    stateProvince: 'ON',
    postalCode: 'M5X 1A9',
    country: 'CA',
  },
};
const GREAT_LAKES_GROCERS = {
  name: 'Great Lakes Grocers Inc',
  address: {
    addressLine: '1 Main St',
    city: 'Buffalo',
    stateProvince: 'NY',
    postalCode: '14202',
    country: 'US',
  },
};
const NIAGARA_BROKERS = {
  name: 'Niagara Customs Brokers',
  filerCode: 'N7B',
  email: 'entries@example.com',
};

function sampleTrip(now: Date): TripDocument {
  return {
    data: 'ACE_TRIP',
    usPortOfArrival: '0901',
    estimatedArrivalDateTime: tomorrowAtNoon(now),
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
    drivers: [
      {
        firstName: 'Jean',
        lastName: 'Tremblay',
        gender: 'M',
        dateOfBirth: '1980-04-12',
        citizenshipCountry: 'CA',
        fastCardNumber: '42705555555555',
        travelDocuments: [
          { type: '5K', number: 'T1234-56789-01234', country: 'CA', stateProvince: 'ON' },
        ],
      },
    ],
    shipments: [
      {
        type: 'PAPS',
        provinceOfLoading: 'ON',
        shipper: MAPLE_LEAF_MILLS,
        consignee: GREAT_LAKES_GROCERS,
        broker: NIAGARA_BROKERS,
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
      },
    ],
  };
}

/**
 * The demo address book: the sample trip's own parties, and a few more of each kind a dispatcher
 * picks from with quick assign. The firms are made up.
 */
const DEMO_PARTIES: readonly PartyInput[] = [
  { kind: 'shipper', party: MAPLE_LEAF_MILLS },
  {
    kind: 'shipper',
    party: {
      name: 'Laurentide Paper Products',
      address: {
        addressLine: '2500 boul. des Forges',
        city: 'Trois-Rivières',
        stateProvince: 'QC',
        postalCode: 'G8Z 1V1',
        country: 'CA',
      },
      phone: '819-555-0140',
    },
  },
  {
    kind: 'shipper',
    party: {
      name: 'Prairie Harvest Co-op',
      address: {
        addressLine: '1 Lombard Pl',
        city: 'Winnipeg',
        stateProvince: 'MB',
        postalCode: 'R3B 0X3',
        country: 'CA',
      },
    },
  },
  { kind: 'consignee', party: GREAT_LAKES_GROCERS },
  {
    kind: 'consignee',
    party: {
      name: 'Empire Office Supply',
      address: {
        addressLine: '50 State St',
        city: 'Albany',
        stateProvince: 'NY',
        postalCode: '12207',
        country: 'US',
      },
      email: 'receiving@empire-office.example',
    },
  },
  { kind: 'broker', party: NIAGARA_BROKERS },
];

/** The sample trip's truck, trailer and driver, saved to pick for the next trip. */
function demoProfiles(trip: TripDocument): ProfileInput[] {
  const [trailer] = trip.trailers ?? [];
  const [driver] = trip.drivers ?? [];
  return [
    { kind: 'truck', name: 'T-101', data: trip.truck },
    { kind: 'trailer', name: 'TR-5501', data: trailer },
    { kind: 'driver', name: 'Jean Tremblay', data: driver },
  ];
}

/** The sample run kept as a template (conveyance, crew, port and its shipment, without SCNs). */
const DEMO_TEMPLATE_NAME = 'Maple Leaf oats run';

/** Returns the generated admin password to print once, or undefined when nothing was done. */
export async function seedDemoCompany(
  deps: AppDeps,
): Promise<{ email: string; password: string } | undefined> {
  if (!(await deps.store.transaction((repos) => repos.companies.none()))) return undefined;
  // Generated, not a documented default: a forgotten dev instance on a network is not open.
  const password = randomBytes(12).toString('base64url');
  const { company, admin } = await bootstrapCompany(deps, {
    company: { name: 'Demo Carrier Inc', scac: 'DEMO', defaultPortOfArrival: '0901' },
    admin: { email: DEMO_EMAIL, displayName: 'Demo admin', password },
  });
  const actor: Actor = { kind: 'user', companyId: company.id, userId: admin.id, role: 'admin' };
  const document = sampleTrip(deps.clock.now());
  const { trip } = await createTrip(deps, actor, { document });
  for (const party of DEMO_PARTIES) await createParty(deps, actor, party);
  for (const profile of demoProfiles(document)) await createProfile(deps, actor, profile);
  await saveTemplate(deps, actor, { tripId: trip.id, name: DEMO_TEMPLATE_NAME });
  return { email: DEMO_EMAIL, password };
}
