import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  anApiToken,
  anonymous,
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';
import { aDriver, aShipment, aTrip, aTruck } from '../../../test/builders.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;

interface Record_ {
  id: string;
  version: number;
}

withSignedInHarness('DEMO', async (signedIn) => {
  ({ harness, admin } = signedIn);
  viewer = await anApiToken(harness, admin, 'viewer');
});

const issuesOf = (response: LightMyRequestResponse) =>
  response.json<{ issues: unknown[] }>().issues;

const shipper = (name: string, city = 'Toronto', postalCode = 'M5X 1A9') => ({
  kind: 'shipper',
  party: { name, address: { city, postalCode, country: 'CA' } },
});

describe('parties', () => {
  it('creates, reads, replaces and deletes with versions', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/parties', {
      body: shipper('Maple Leaf Mills'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const party = created.json<Record_>();
    expect(created.body).not.toContain('companyId');
    const read = await call(harness, viewer, 'GET', `/api/v1/parties/${party.id}`);
    expect(read.headers.etag).toBe('"1"');

    const replaced = await call(harness, admin, 'PUT', `/api/v1/parties/${party.id}`, {
      body: shipper('Maple Leaf Mills Ltd'),
      headers: { 'if-match': '"1"' },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ version: 2, party: { name: 'Maple Leaf Mills Ltd' } });
    const stale = await call(harness, admin, 'PUT', `/api/v1/parties/${party.id}`, {
      body: shipper('Overwritten'),
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call(harness, viewer, 'GET', `/api/v1/parties/${party.id}`)).json(),
    ).toMatchObject({
      party: { name: 'Maple Leaf Mills Ltd' },
    });

    expect((await call(harness, admin, 'DELETE', `/api/v1/parties/${party.id}`)).statusCode).toBe(
      428,
    );
    expect(
      (
        await call(harness, admin, 'DELETE', `/api/v1/parties/${party.id}`, {
          headers: { 'if-match': '"2"' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await call(harness, viewer, 'GET', `/api/v1/parties/${party.id}`)).statusCode).toBe(
      404,
    );
  });

  it('keeps a broker’s filer code and e-mail, and refuses unknown fields', async () => {
    const broker = await call(harness, admin, 'POST', '/api/v1/parties', {
      body: {
        kind: 'broker',
        party: { name: 'Niagara Customs', filerCode: 'N7B', email: 'e@x.com' },
      },
    });
    expect(broker.json()).toMatchObject({ kind: 'broker', party: { filerCode: 'N7B' } });
    const wrong = await call(harness, admin, 'POST', '/api/v1/parties', {
      body: { kind: 'shipper', party: { name: 'X', filerCode: 'N7B' } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ issues: { path: string }[] }>().issues[0]?.path).toMatch(/^\/party/);
  });

  it('refuses over-long texts (422) and lone surrogates (400) at the field, on POST and PUT', async () => {
    const manyWords = Array.from({ length: 11_000 }, (_, i) => `w${i}`).join(' ');
    const long = await call(harness, admin, 'POST', '/api/v1/parties', {
      body: shipper(manyWords),
    });
    expect(long.statusCode, long.body).toBe(422);
    expect(issuesOf(long)).toEqual([
      {
        code: 'TEXT_TOO_LONG',
        severity: 'error',
        path: '/party/name',
        message: 'Name has 65,889 characters; at most 256 are accepted.',
      },
    ]);
    // Sent as the JSON escape a client writes: JSON.parse takes it, jq refuses the answer. The
    // service refuses it in any request, before the route (api/plain-text.ts).
    const half = await call(harness, admin, 'POST', '/api/v1/parties', {
      body: JSON.stringify(shipper('A')).replace('"A"', '"A\\ud800B"'),
      headers: { 'content-type': 'application/json' },
    });
    expect(half.statusCode, half.body).toBe(400);
    expect(issuesOf(half)).toMatchObject([{ code: 'TEXT_LONE_SURROGATE', path: '/party/name' }]);

    const party = (
      await call(harness, admin, 'POST', '/api/v1/parties', { body: shipper('Short Name') })
    ).json<Record_>();
    const replaced = await call(harness, admin, 'PUT', `/api/v1/parties/${party.id}`, {
      body: shipper('Short Name', 'c'.repeat(1_000_000)),
      headers: { 'if-match': '"1"' },
    });
    expect(replaced.statusCode).toBe(422);
    expect(issuesOf(replaced)).toMatchObject([
      { code: 'TEXT_TOO_LONG', path: '/party/address/city' },
    ]);
    const page = await call(harness, viewer, 'GET', '/api/v1/parties?limit=500');
    expect(page.body).not.toMatch(/\\ud800/i);
    expect(
      page.json<{ items: { party: { name: string } }[] }>().items.map((p) => p.party.name),
    ).toContain('Short Name');
  });

  it('names the party kinds it takes when the kind is wrong or missing, not document kinds', async () => {
    const carrier = await call(harness, admin, 'POST', '/api/v1/parties', {
      body: { kind: 'carrier', party: { name: 'x' } },
    });
    const none = await call(harness, admin, 'POST', '/api/v1/parties', {
      body: { party: { name: 'x' } },
    });
    const profile = await call(harness, admin, 'POST', '/api/v1/profiles', {
      body: { kind: 'tractor', name: 'Unit 7', data: {} },
    });
    expect([carrier.statusCode, none.statusCode, profile.statusCode]).toEqual([400, 400, 400]);
    expect([...issuesOf(carrier), ...issuesOf(none), ...issuesOf(profile)]).toEqual([
      {
        code: 'DOCUMENT_VALUE_INVALID',
        severity: 'error',
        path: '/kind',
        message: 'Expected one of "shipper", "consignee", "broker", found string "carrier".',
      },
      {
        code: 'DOCUMENT_VALUE_INVALID',
        severity: 'error',
        path: '/kind',
        message: 'Required: one of "shipper", "consignee", "broker".',
      },
      {
        code: 'DOCUMENT_VALUE_INVALID',
        severity: 'error',
        path: '/kind',
        message:
          'Expected one of "truck", "trailer", "driver", "passenger", found string "tractor".',
      },
    ]);
  });

  it('quick-assign finds parties by name, city or postal code prefix', async () => {
    await call(harness, admin, 'POST', '/api/v1/parties', {
      body: shipper('Prairie Grain Co', 'Winnipeg', 'R3C 0A1'),
    });
    await call(harness, admin, 'POST', '/api/v1/parties', {
      body: shipper('Harbour Fish', 'Halifax', 'B3H 1A1'),
    });
    const byCity = await call(harness, viewer, 'GET', '/api/v1/parties/search?q=winn');
    expect(
      byCity.json<{ items: { party: { name: string } }[] }>().items.map((p) => p.party.name),
    ).toEqual(['Prairie Grain Co']);
    const byPostal = await call(harness, viewer, 'GET', '/api/v1/parties/search?q=B3H');
    expect(byPostal.json<{ items: unknown[] }>().items).toHaveLength(1);
    const empty = await call(harness, viewer, 'GET', '/api/v1/parties/search?q=');
    expect(empty.json()).toEqual({ items: [] });
    expect((await call(harness, viewer, 'GET', '/api/v1/parties/search')).statusCode).toBe(400);
  });

  it('lists a page at a time, filtered by kind', async () => {
    for (const name of ['A1', 'A2', 'A3']) {
      await call(harness, admin, 'POST', '/api/v1/parties', {
        body: { kind: 'consignee', party: { name } },
      });
    }
    const first = await call(harness, viewer, 'GET', '/api/v1/parties?kind=consignee&limit=2');
    const body = first.json<{ items: unknown[]; nextCursor: string | null }>();
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).not.toBeNull();
    const second = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/parties?kind=consignee&limit=2&cursor=${encodeURIComponent(body.nextCursor ?? '')}`,
    );
    expect(second.json<{ items: unknown[]; nextCursor: null }>()).toMatchObject({
      nextCursor: null,
    });
  });

  it('refuses writes by a viewer and calls without credentials', async () => {
    expect(
      (await call(harness, viewer, 'POST', '/api/v1/parties', { body: shipper('X') })).statusCode,
    ).toBe(403);
    expect((await call(harness, anonymous, 'GET', '/api/v1/parties')).statusCode).toBe(401);
  });
});

describe('profiles', () => {
  it('saves, lists, replaces and deletes; a trip keeps its copy', async () => {
    const truck = await call(harness, admin, 'POST', '/api/v1/profiles', {
      body: { kind: 'truck', name: 'Unit 101', data: aTruck() },
    });
    const driver = await call(harness, admin, 'POST', '/api/v1/profiles', {
      body: { kind: 'driver', name: 'Jean', data: aDriver() },
    });
    expect(truck.statusCode, truck.body).toBe(201);
    const truckId = truck.json<Record_>().id;
    const driverId = driver.json<Record_>().id;
    const list = await call(harness, viewer, 'GET', '/api/v1/profiles?kind=truck');
    expect(list.json<{ items: Record_[] }>().items.map((p) => p.id)).toEqual([truckId]);

    const trip = (
      await call(harness, admin, 'POST', '/api/v1/trips', {
        body: aTrip({
          tripNumber: undefined,
          truck: undefined,
          drivers: [],
          shipments: [aShipment()],
        }),
      })
    ).json<{ trip: Record_ }>().trip;
    const picked = await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/profiles`, {
      body: { truckProfileId: truckId, driverProfileIds: [driverId] },
      headers: { 'if-match': `"${trip.version}"` },
    });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json()).toMatchObject({ trip: { document: { truck: { number: 'T-101' } } } });

    const renamed = await call(harness, admin, 'PUT', `/api/v1/profiles/${truckId}`, {
      body: { kind: 'truck', name: 'Unit 101', data: aTruck({ number: 'T-999' }) },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.statusCode).toBe(200);
    const tripNow = await call(harness, viewer, 'GET', `/api/v1/trips/${trip.id}`);
    expect(tripNow.json()).toMatchObject({ document: { truck: { number: 'T-101' } } });

    const wrongKind = await call(harness, admin, 'PUT', `/api/v1/profiles/${truckId}`, {
      body: { kind: 'truck', name: 'Unit 101', data: { number: 5 } },
      headers: { 'if-match': '"2"' },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json()).toMatchObject({ issues: [{ path: '/data/number' }] });
    expect(
      (
        await call(harness, admin, 'DELETE', `/api/v1/profiles/${truckId}`, {
          headers: { 'if-match': '"1"' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call(harness, admin, 'DELETE', `/api/v1/profiles/${truckId}`, {
          headers: { 'if-match': '"2"' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await call(harness, viewer, 'GET', `/api/v1/profiles/${truckId}`)).statusCode).toBe(
      404,
    );
  });

  it('searches by what a dispatcher types and pages with a cursor; bad values are located 400s', async () => {
    for (const n of [1, 2, 3]) {
      const saved = await call(harness, admin, 'POST', '/api/v1/profiles', {
        body: {
          kind: 'trailer',
          name: `Dry van ${String(n)}`,
          data: { number: `DV-${String(n)}`, licensePlates: [{ number: `PLT77${String(n)}` }] },
        },
      });
      expect(saved.statusCode, saved.body).toBe(201);
    }
    type PageBody = { items: { name: string }[]; nextCursor: string | null };
    const byPlate = await call(harness, viewer, 'GET', '/api/v1/profiles?q=plt772');
    expect(byPlate.json<PageBody>()).toEqual({
      items: [expect.objectContaining({ name: 'Dry van 2' })],
      nextCursor: null,
    });
    const first = await call(harness, viewer, 'GET', '/api/v1/profiles?kind=trailer&q=dv&limit=2');
    const body = first.json<PageBody>();
    expect(body.items.map((p) => p.name)).toEqual(['Dry van 1', 'Dry van 2']);
    expect(body.nextCursor).not.toBeNull();
    const second = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/profiles?kind=trailer&q=dv&limit=2&cursor=${encodeURIComponent(body.nextCursor ?? '')}`,
    );
    expect(second.json<PageBody>()).toEqual({
      items: [expect.objectContaining({ name: 'Dry van 3' })],
      nextCursor: null,
    });
    // Without a limit: the default page of the other lists, and a cursor when there is more.
    const unpaged = await call(harness, viewer, 'GET', '/api/v1/profiles');
    expect(unpaged.json<PageBody>()).toHaveProperty('nextCursor');

    const problems = [
      ['limit=0', '/limit', 'QUERY_PARAMETER_INVALID'],
      ['limit=501', '/limit', 'QUERY_PARAMETER_INVALID'],
      ['limit=two', '/limit', 'QUERY_PARAMETER_INVALID'],
      ['kind=bus', '/kind', 'QUERY_PARAMETER_INVALID'],
      [`q=${'x'.repeat(201)}`, '/q', 'QUERY_PARAMETER_INVALID'],
      ['cursor=not-a-cursor', '/cursor', 'PAGE_CURSOR_INVALID'],
      [
        `cursor=${Buffer.from(JSON.stringify(['trailer', 'a\u0000', 'x'])).toString('base64url')}`,
        '/cursor',
        'PAGE_CURSOR_INVALID',
      ],
    ] as const;
    for (const [query, path, code] of problems) {
      const response = await call(harness, viewer, 'GET', `/api/v1/profiles?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        response.json<{ issues: { code: string; path: string }[] }>().issues,
        query,
      ).toMatchObject([{ code, path }]);
    }
  });

  it("keeps a driver's e-mail on the profile, not in the trip, and refuses a bad one at /data/email", async () => {
    // Another FAST card than the driver profile the test above saved under the same name.
    const jean = aDriver({ fastCardNumber: '42705555555599' });
    const bad = await call(harness, admin, 'POST', '/api/v1/profiles', {
      body: { kind: 'driver', name: 'Jean', data: { ...jean, email: 'jean at home' } },
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json()).toMatchObject({
      issues: [{ code: 'PROFILE_EMAIL_INVALID', path: '/data/email' }],
    });
    // A passenger has no e-mail field.
    const passenger = await call(harness, admin, 'POST', '/api/v1/profiles', {
      body: { kind: 'passenger', name: 'Luc', data: { firstName: 'Luc', email: 'luc@x.example' } },
    });
    expect(passenger.statusCode).toBe(400);
    const driver = await call(harness, admin, 'POST', '/api/v1/profiles', {
      body: {
        kind: 'driver',
        name: 'Jean',
        data: { ...jean, email: ' Jean@Drivers.example ' },
      },
    });
    expect(driver.statusCode, driver.body).toBe(201);
    const saved = driver.json<Record_ & { data: { email?: string } }>();
    expect(saved.data.email).toBe('Jean@Drivers.example');
    const blank = await call(harness, admin, 'PUT', `/api/v1/profiles/${saved.id}`, {
      body: { kind: 'driver', name: 'Jean', data: { ...jean, email: '  ' } },
      headers: { 'if-match': '"1"' },
    });
    expect(blank.statusCode, blank.body).toBe(200);
    expect(blank.json<{ data: Record<string, unknown> }>().data).not.toHaveProperty('email');
    await call(harness, admin, 'PUT', `/api/v1/profiles/${saved.id}`, {
      body: { kind: 'driver', name: 'Jean', data: { ...jean, email: 'jean@drivers.example' } },
      headers: { 'if-match': '"2"' },
    });

    const created = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({
        tripNumber: undefined,
        drivers: [],
        shipments: [aShipment({ shipmentControlNumber: undefined })],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const trip = created.json<{ trip: Record_ }>().trip;
    const picked = await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/profiles`, {
      body: { driverProfileIds: [saved.id] },
      headers: { 'if-match': `"${trip.version}"` },
    });
    expect(picked.statusCode, picked.body).toBe(200);
    const drivers = picked.json<{ trip: { document: { drivers: object[] } } }>().trip.document
      .drivers;
    expect(drivers).toEqual([jean]);
    const emails = await call(harness, viewer, 'GET', `/api/v1/trips/${trip.id}/driver-emails`);
    expect(emails.statusCode, emails.body).toBe(200);
    expect(emails.json()).toEqual({
      items: [
        { index: 0, name: 'Jean Tremblay', email: 'jean@drivers.example', profileId: saved.id },
      ],
    });
  });
});
