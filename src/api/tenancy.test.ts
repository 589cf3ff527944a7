/**
 * Tenancy matrix (docs/architecture.md, persistence: one company per actor): every route that names a record of company A is
 * called by company B — with a B user session and with a B API token, both admin so that no
 * role check hides a tenancy bug — and must answer 404 or 403. A full export of A before and
 * after proves nothing changed.
 */
import { describe, expect, it } from 'vitest';
import {
  aCompany,
  aMember,
  anApiToken,
  call,
  signIn,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';
import { aDriver, aShipment, aTrip } from '../../test/builders.js';

let harness: Harness;
let a: Credentials;
const ids = {
  company: '',
  trip: '',
  tripVersion: 0,
  shipment: '',
  shipmentVersion: 0,
  loose: '',
  looseVersion: 0,
  party: '',
  profile: '',
  template: '',
  token: '',
  user: '',
  link: '',
  webhook: '',
};
const b: { session?: Credentials; token?: Credentials; tripId?: string; shipmentId?: string } = {};

withSignedInHarness('ACAR', async (companyA) => {
  ({ harness, admin: a } = companyA);
  const companyB = await aCompany(harness, 'BCAR');
  ids.company = companyA.companyId;

  const trip = (
    await call(harness, a, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: 'ACAR0001', shipments: [] }),
    })
  ).json<{ trip: { id: string; version: number } }>().trip;
  const shipment = (
    await call(harness, a, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
      body: aShipment({ shipmentControlNumber: 'ACAR0000000001' }),
    })
  ).json<{ shipment: { id: string; version: number } }>().shipment;
  const loose = (
    await call(harness, a, 'POST', '/api/v1/shipments', {
      body: aShipment({ shipmentControlNumber: 'ACAR0000000002' }),
    })
  ).json<{ shipment: { id: string; version: number } }>().shipment;
  const tripNow = (await call(harness, a, 'GET', `/api/v1/trips/${trip.id}`)).json<{
    version: number;
  }>();
  Object.assign(ids, {
    trip: trip.id,
    tripVersion: tripNow.version,
    shipment: shipment.id,
    shipmentVersion: shipment.version,
    loose: loose.id,
    looseVersion: loose.version,
  });
  ids.link = (
    await call(harness, a, 'POST', `/api/v1/trips/${trip.id}/driver-links`, { body: {} })
  ).json<{ id: string }>().id;
  ids.party = (
    await call(harness, a, 'POST', '/api/v1/parties', {
      body: { kind: 'shipper', party: { name: 'Maple Leaf Mills' } },
    })
  ).json<{ id: string }>().id;
  ids.profile = (
    await call(harness, a, 'POST', '/api/v1/profiles', {
      body: { kind: 'driver', name: 'Jean', data: aDriver() },
    })
  ).json<{ id: string }>().id;
  ids.template = (
    await call(harness, a, 'POST', `/api/v1/trips/${trip.id}/template`, { body: { name: 'Run' } })
  ).json<{ id: string }>().id;
  ids.token = (
    await call(harness, a, 'POST', '/api/v1/api-tokens', { body: { name: 'tms', role: 'viewer' } })
  ).json<{ token: { id: string } }>().token.id;
  ids.webhook = (
    await call(harness, a, 'POST', '/api/v1/webhooks', {
      body: { url: 'https://acar.example/hooks', events: ['shipment.released'] },
    })
  ).json<{ webhook: { id: string } }>().webhook.id;
  ids.user = (
    await aMember(harness, a, {
      email: 'dispatch@acar.example',
      displayName: 'D',
      role: 'dispatcher',
      password: 'long enough pw',
    })
  ).userId;

  b.session = await signIn(harness, companyB.email);
  b.token = await anApiToken(harness, b.session, 'admin');
  b.tripId = (
    await call(harness, b.session, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: 'BCAR0001', shipments: [] }),
    })
  ).json<{ trip: { id: string } }>().trip.id;
  b.shipmentId = (
    await call(harness, b.session, 'POST', '/api/v1/shipments', {
      body: aShipment({ shipmentControlNumber: 'BCAR0000000001' }),
    })
  ).json<{ shipment: { id: string } }>().shipment.id;
});
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Case {
  readonly method: Method;
  readonly path: () => string;
  readonly body?: () => unknown;
  readonly version?: () => number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Every route that names one of A's records (or A itself). */
const MATRIX: readonly Case[] = [
  {
    method: 'PUT',
    path: () => '/api/v1/session/company',
    body: () => ({ companyId: ids.company }),
  },
  { method: 'PUT', path: () => `/api/v1/users/${ids.user}/role`, body: () => ({ role: 'admin' }) },
  { method: 'DELETE', path: () => `/api/v1/users/${ids.user}` },
  { method: 'DELETE', path: () => `/api/v1/api-tokens/${ids.token}` },
  {
    method: 'PATCH',
    path: () => `/api/v1/webhooks/${ids.webhook}`,
    body: () => ({ active: false, url: 'https://b.example/stolen' }),
  },
  { method: 'DELETE', path: () => `/api/v1/webhooks/${ids.webhook}` },
  { method: 'GET', path: () => `/api/v1/parties/${ids.party}` },
  {
    method: 'PUT',
    path: () => `/api/v1/parties/${ids.party}`,
    body: () => ({ kind: 'shipper', party: { name: 'Hijacked' } }),
    version: () => 1,
  },
  { method: 'DELETE', path: () => `/api/v1/parties/${ids.party}`, version: () => 1 },
  { method: 'GET', path: () => `/api/v1/profiles/${ids.profile}` },
  {
    method: 'PUT',
    path: () => `/api/v1/profiles/${ids.profile}`,
    body: () => ({ kind: 'driver', name: 'X', data: aDriver({ lastName: 'Hijacked' }) }),
    version: () => 1,
  },
  { method: 'DELETE', path: () => `/api/v1/profiles/${ids.profile}`, version: () => 1 },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}` },
  {
    method: 'PUT',
    path: () => `/api/v1/trips/${ids.trip}`,
    body: () => aTrip({ tripNumber: 'ACAR0001', shipments: undefined, usPortOfArrival: '3004' }),
    version: () => ids.tripVersion,
  },
  { method: 'DELETE', path: () => `/api/v1/trips/${ids.trip}`, version: () => ids.tripVersion },
  { method: 'POST', path: () => `/api/v1/trips/${ids.trip}/copy`, body: () => ({}) },
  {
    method: 'POST',
    path: () => `/api/v1/trips/${ids.trip}/profiles`,
    body: () => ({ driverProfileIds: [ids.profile] }),
    version: () => ids.tripVersion,
  },
  // B's own trip, A's profile: a cross-tenant reference must not resolve either.
  {
    method: 'POST',
    path: () => `/api/v1/trips/${b.tripId ?? ''}/profiles`,
    body: () => ({ driverProfileIds: [ids.profile] }),
    version: () => 1,
  },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/validation` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/export` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/export-with-history` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/lead-sheet.pdf` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/placard.pdf` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/driver-links` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/driver-emails` },
  { method: 'POST', path: () => `/api/v1/trips/${ids.trip}/driver-links`, body: () => ({}) },
  { method: 'DELETE', path: () => `/api/v1/trips/${ids.trip}/driver-links/${ids.link}` },
  {
    method: 'POST',
    path: () => `/api/v1/trips/${ids.trip}/lead-sheet/email`,
    body: () => ({ to: 'driver@b.example' }),
  },
  { method: 'GET', path: () => `/api/v1/shipments/${ids.shipment}/papers.pdf` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/shipments` },
  { method: 'POST', path: () => `/api/v1/trips/${ids.trip}/sync`, body: () => ({}) },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/filing` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/filing/history` },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/filing/shipments` },
  // Any interchange id: the trip is not B's, so nothing under it is found.
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/filing/interchanges/id-999999` },
  {
    method: 'POST',
    path: () => `/api/v1/trips/${ids.trip}/shipments/csv`,
    body: () =>
      'SCN,Shipment Type,Shipper Name,Consignee Name,Description,Quantity,Packaging Unit,Weight,Weight Unit\r\n' +
      'ACAR0000000099,PAPS,Maple Leaf Mills,Great Lakes Foods,Flour,10,BAG,500,K\r\n',
    headers: { 'content-type': 'text/csv' },
  },
  { method: 'GET', path: () => `/api/v1/trips/${ids.trip}/shipments.csv` },
  {
    method: 'POST',
    path: () => `/api/v1/trips/${ids.trip}/shipments`,
    body: () => aShipment({ shipmentControlNumber: undefined }),
  },
  {
    method: 'POST',
    path: () => `/api/v1/trips/${ids.trip}/template`,
    body: () => ({ name: 'Stolen' }),
  },
  { method: 'POST', path: () => `/api/v1/templates/${ids.template}/trips`, body: () => ({}) },
  { method: 'DELETE', path: () => `/api/v1/templates/${ids.template}` },
  {
    method: 'POST',
    path: () => `/api/v1/imports?tripId=${ids.trip}`,
    body: () => ({
      data: 'ACE_SHIPMENT',
      shipments: [aShipment({ shipmentControlNumber: undefined })],
    }),
  },
  { method: 'GET', path: () => `/api/v1/shipments/${ids.shipment}` },
  {
    method: 'PUT',
    path: () => `/api/v1/shipments/${ids.shipment}`,
    body: () =>
      aShipment({ shipmentControlNumber: 'ACAR0000000001', consignee: { name: 'Hijacked' } }),
    version: () => ids.shipmentVersion,
  },
  {
    method: 'DELETE',
    path: () => `/api/v1/shipments/${ids.shipment}`,
    version: () => ids.shipmentVersion,
  },
  { method: 'GET', path: () => `/api/v1/shipments/${ids.shipment}/validation` },
  {
    method: 'PUT',
    path: () => `/api/v1/shipments/${ids.loose}/trip`,
    body: () => ({ tripId: b.tripId }),
    version: () => ids.looseVersion,
  },
  // B's own shipment onto A's trip.
  {
    method: 'PUT',
    path: () => `/api/v1/shipments/${b.shipmentId ?? ''}/trip`,
    body: () => ({ tripId: ids.trip }),
    version: () => 1,
  },
];

/** Everything A can see, as A sees it. */
async function snapshotOfA(): Promise<unknown> {
  const get = async (url: string) => {
    const response = await call(harness, a, 'GET', url);
    expect(response.statusCode, url).toBe(200);
    return response.json<unknown>();
  };
  return {
    company: await get('/api/v1/company'),
    users: await get('/api/v1/users'),
    tokens: await get('/api/v1/api-tokens'),
    webhooks: await get('/api/v1/webhooks'),
    alertSettings: await get('/api/v1/alerts/settings'),
    parties: await get('/api/v1/parties'),
    profiles: await get('/api/v1/profiles'),
    templates: await get('/api/v1/templates'),
    trips: await get('/api/v1/trips'),
    trip: await get(`/api/v1/trips/${ids.trip}/export-with-history`),
    shipments: await get(`/api/v1/trips/${ids.trip}/shipments`),
    unassociated: await get('/api/v1/shipments'),
  };
}

describe('tenancy matrix: company B calls company A routes', () => {
  it('covers every API route that takes an id (checked against the OpenAPI document)', async () => {
    const spec = (await harness.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const withIds = Object.entries(spec.paths).flatMap(([path, operations]) =>
      path.includes('{id}')
        ? Object.keys(operations).map(
            // A second id in the path (a trip's link) is one of A's ids in the matrix too.
            (m) => `${m.toUpperCase()} ${path.replace(/\{\w+Id\}/g, '{id}')}`,
          )
        : [],
    );
    const covered = new Set(
      MATRIX.map(
        (c) =>
          `${c.method} ${
            c
              .path()
              .split('?')[0]
              ?.replace(/\/(id-\d+)(?=\/|$)/g, '/{id}') ?? ''
          }`,
      ),
    );
    expect(withIds.filter((route) => !covered.has(route))).toEqual([]);
  });

  for (const who of ['session', 'token'] as const) {
    it(`answers 404 or 403 to a B ${who} on every route, and A is unchanged`, async () => {
      const before = await snapshotOfA();
      const credentials = b[who];
      if (!credentials) throw new Error('setup failed');
      for (const route of MATRIX) {
        const response = await call(harness, credentials, route.method, route.path(), {
          ...(route.body ? { body: route.body() } : {}),
          headers: {
            ...route.headers,
            ...(route.version ? { 'if-match': `"${route.version()}"` } : {}),
          },
        });
        const where = `${route.method} ${route.path()}: ${response.body}`;
        expect([403, 404], where).toContain(response.statusCode);
        // A 404 must come from the use case not finding A's record: the router's own 404 (a
        // mistyped path in this matrix) or a refused request would prove nothing.
        expect(response.json<{ code: string }>().code, where).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
        expect(response.body).not.toContain('Maple Leaf Mills');
      }
      expect(await snapshotOfA()).toEqual(before);
    });
  }

  it("lists of B never contain A's records", async () => {
    for (const url of [
      '/api/v1/trips',
      '/api/v1/parties',
      '/api/v1/profiles',
      '/api/v1/profiles?kind=driver&q=jean%20tremblay',
      '/api/v1/shipments',
      '/api/v1/templates',
      '/api/v1/parties/search?q=maple',
    ]) {
      const response = await call(harness, b.token ?? a, 'GET', url);
      expect(response.statusCode).toBe(200);
      for (const id of [ids.trip, ids.party, ids.profile, ids.loose, ids.template]) {
        expect(response.body, url).not.toContain(`"${id}"`);
      }
    }
  });
});
