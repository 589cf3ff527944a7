/**
 * seedDemoCompany(deps) → { email, password } | undefined — on a database without any
 * company, creates the demo carrier (SCAC DEMO), an admin and one sample trip, so a new user
 * sees a working system at the first sign-in (docs/api.md, start-up). Does nothing on a
 * database that already has a company. Development only: the caller decides.
 */
import { randomBytes } from 'node:crypto';
import type { TripDocument } from '../../domain/index.js';
import type { AppDeps } from '../shared/deps.js';
import { createTrip } from '../trips/create-trip.js';
import { bootstrapCompany } from './bootstrap-company.js';

export const DEMO_EMAIL = 'admin@demo.example';

/** Port-local `YYYY-MM-DD HH:MM:SS` a day from now: the sample trip is not already late. */
function tomorrowAtNoon(now: Date): string {
  const day = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  return `${day} 12:00:00`;
}

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
      },
    ],
  };
}

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
  await createTrip(
    deps,
    { kind: 'user', companyId: company.id, userId: admin.id, role: 'admin' },
    { document: sampleTrip(deps.clock.now()) },
  );
  return { email: DEMO_EMAIL, password };
}
