import { describe, expect, it } from 'vitest';
import {
  anApiToken,
  anonymous,
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';
import { aShipment, aTrip } from '../../../test/builders.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;
let integration: Credentials;

interface TripBody {
  trip: { id: string; version: number; tripNumber: string; document: Record<string, unknown> };
  issues: { code: string; severity: string; path: string }[];
}

withSignedInHarness('DEMO', async (signedIn) => {
  ({ harness, admin } = signedIn);
  viewer = await anApiToken(harness, admin, 'viewer');
  integration = await anApiToken(harness, admin, 'dispatcher');
});

async function newTrip(
  document: object | undefined = aTrip({ tripNumber: undefined, shipments: [] }),
) {
  const response = await call(harness, admin, 'POST', '/api/v1/trips', { body: document });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TripBody>();
}

describe('trips', () => {
  it('creates a blank draft with the next trip number and its issues', async () => {
    const response = await call(harness, integration, 'POST', '/api/v1/trips');
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<TripBody>();
    expect(body.trip.tripNumber).toMatch(/^DEMO/);
    expect(body.trip.version).toBe(1);
    expect(response.headers.etag).toBe('"1"');
    // A blank draft is saved although it is far from fileable.
    expect(body.issues.some((issue) => issue.severity === 'error')).toBe(true);
  });

  it('creates a trip from a document, shipments included, and reads it back', async () => {
    const { trip } = await newTrip(aTrip({ tripNumber: 'DEMO1234', shipments: [aShipment()] }));
    const read = await call(harness, viewer, 'GET', `/api/v1/trips/${trip.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe(`"${trip.version}"`);
    expect(read.json()).toMatchObject({
      tripNumber: 'DEMO1234',
      document: { usPortOfArrival: '0901' },
    });
    const shipments = await call(harness, viewer, 'GET', `/api/v1/trips/${trip.id}/shipments`);
    expect(shipments.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('rejects a used trip number with 409', async () => {
    await newTrip(aTrip({ tripNumber: 'DEMO5555', shipments: [] }));
    const again = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: 'DEMO5555', shipments: [] }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT' });
  });

  it('updates with If-Match, and a stale version gets 409 with nothing overwritten', async () => {
    const { trip } = await newTrip();
    const changed = { ...trip.document, usPortOfArrival: '0115' };
    const ok = await call(harness, admin, 'PUT', `/api/v1/trips/${trip.id}`, {
      body: changed,
      headers: { 'if-match': `"${trip.version}"` },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<TripBody>().trip.version).toBe(trip.version + 1);
    expect(ok.json<TripBody>().issues).toBeInstanceOf(Array);

    const stale = await call(harness, admin, 'PUT', `/api/v1/trips/${trip.id}`, {
      body: { ...trip.document, usPortOfArrival: '3004' },
      headers: { 'if-match': `"${trip.version}"` },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION' });
    const after = await call(harness, admin, 'GET', `/api/v1/trips/${trip.id}`);
    expect(after.json()).toMatchObject({ document: { usPortOfArrival: '0115' } });
  });

  it('needs If-Match to write (428)', async () => {
    const { trip } = await newTrip();
    const response = await call(harness, admin, 'PUT', `/api/v1/trips/${trip.id}`, {
      body: trip.document,
    });
    expect(response.statusCode).toBe(428);
    expect(response.json()).toMatchObject({ code: 'PRECONDITION_REQUIRED' });
  });

  it('rejects wrong types with 400 and JSON Pointers', async () => {
    const { trip } = await newTrip();
    const response = await call(harness, admin, 'PUT', `/api/v1/trips/${trip.id}`, {
      body: { ...trip.document, trailers: 'TR-1', drivers: [{ firstName: 7 }] },
      headers: { 'if-match': `"${trip.version}"` },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ issues: { path: string }[] }>().issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['/trailers', '/drivers/0/firstName']));
  });

  it('lets a viewer read but not write (403)', async () => {
    const { trip } = await newTrip();
    const write = await call(harness, viewer, 'DELETE', `/api/v1/trips/${trip.id}`, {
      headers: { 'if-match': `"${trip.version}"` },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await call(harness, viewer, 'GET', `/api/v1/trips/${trip.id}`)).statusCode).toBe(200);
  });

  it('answers 401 without credentials and with a revoked or unknown token', async () => {
    expect((await call(harness, anonymous, 'GET', '/api/v1/trips')).statusCode).toBe(401);
    const unknown = await call(
      harness,
      { kind: 'token', token: 'emt_nope' },
      'GET',
      '/api/v1/trips',
    );
    expect(unknown.statusCode).toBe(401);
    const garbled = await call(harness, anonymous, 'GET', '/api/v1/trips', {
      headers: { authorization: 'Basic abc' },
    });
    expect(garbled.statusCode).toBe(401);
  });

  it('needs the CSRF token with a session cookie, not with an API token', async () => {
    const withoutCsrf = await call(harness, admin, 'POST', '/api/v1/trips', { csrf: false });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    expect((await call(harness, integration, 'POST', '/api/v1/trips')).statusCode).toBe(201);
  });

  it('deletes with If-Match; the trip is gone afterwards', async () => {
    const { trip } = await newTrip();
    const stale = await call(harness, admin, 'DELETE', `/api/v1/trips/${trip.id}`, {
      headers: { 'if-match': '"99"' },
    });
    expect(stale.statusCode).toBe(409);
    const gone = await call(harness, admin, 'DELETE', `/api/v1/trips/${trip.id}`, {
      headers: { 'if-match': `"${trip.version}"` },
    });
    expect(gone.statusCode).toBe(204);
    expect((await call(harness, admin, 'GET', `/api/v1/trips/${trip.id}`)).statusCode).toBe(404);
  });

  it('copies a trip with a new number', async () => {
    const { trip } = await newTrip(
      aTrip({
        tripNumber: 'DEMO7001',
        shipments: [aShipment({ shipmentControlNumber: undefined })],
      }),
    );
    const copy = await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/copy`, { body: {} });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json<TripBody>().trip.tripNumber).not.toBe('DEMO7001');
  });

  it('validates on demand, at a given instant', async () => {
    const { trip } = await newTrip();
    const now = await call(harness, viewer, 'GET', `/api/v1/trips/${trip.id}/validation`);
    expect(now.statusCode).toBe(200);
    const later = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/trips/${trip.id}/validation?now=2027-01-01T00:00:00Z`,
    );
    const codes = later.json<{ issues: { code: string }[] }>().issues.map((issue) => issue.code);
    expect(codes).toContain('ETA_IN_PAST');
  });

  it("names the shipment of each problem the trip's check finds", async () => {
    const { trip } = await newTrip(
      aTrip({
        tripNumber: 'DEMO7101',
        shipments: [
          aShipment({ shipmentControlNumber: 'DEMO7101000001' }),
          aShipment({ shipmentControlNumber: 'DEMO7101000002', provinceOfLoading: 'ZZ' }),
        ],
      }),
    );
    const listed = await call(harness, viewer, 'GET', `/api/v1/trips/${trip.id}/shipments`);
    const second = listed.json<{ items: { id: string }[] }>().items[1]?.id;
    const checked = await call(harness, viewer, 'GET', `/api/v1/trips/${trip.id}/validation`);
    expect(checked.statusCode, checked.body).toBe(200);
    const body = checked.json<{ issues: { code: string; path: string }[]; shipmentIds: object }>();
    expect(body.issues).toContainEqual(
      expect.objectContaining({
        code: 'SHIPMENT_PROVINCE_OF_LOADING_UNKNOWN',
        path: '/shipments/1/provinceOfLoading',
      }),
    );
    // Only the shipments the issues name.
    expect(body.shipmentIds).toEqual({ '1': second });
  });

  it('lists with server-side filters and cursor pages', async () => {
    for (let i = 0; i < 5; i++) await newTrip(aTrip({ tripNumber: `DEMO88${i}`, shipments: [] }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/trips?text=DEMO88&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await call(harness, viewer, 'GET', query);
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json<{ items: { tripNumber: string }[]; nextCursor: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((trip) => trip.tripNumber));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen.sort()).toEqual(['DEMO880', 'DEMO881', 'DEMO882', 'DEMO883', 'DEMO884']);
    const bad = await call(harness, viewer, 'GET', '/api/v1/trips?limit=0&status=lost');
    expect(bad.statusCode).toBe(400);
  });

  it('lists each trip with its shipment and error counts, found by SCN, plate or port', async () => {
    const clean = await newTrip(
      aTrip({
        tripNumber: 'DEMO7701',
        usPortOfArrival: '0712',
        truck: { ...aTrip().truck, licensePlates: [{ number: 'PL8-7701', country: 'CA' }] },
        shipments: [aShipment({ shipmentControlNumber: 'DEMO0077000001' })],
      }),
    );
    const errors = clean.issues.filter((issue) => issue.severity === 'error').length;
    const blank = await newTrip(aTrip({ tripNumber: 'DEMO7702', shipments: [] }));
    type Item = { tripNumber: string; shipmentCount: number; errorCount: number };
    const find = async (query: string) => {
      const response = await call(harness, viewer, 'GET', `/api/v1/trips?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Item[] }>().items;
    };
    // By SCN (any case), by plate, and by port of arrival.
    for (const query of ['text=demo0077000001', 'text=pl8-7701', 'port=0712']) {
      expect(await find(query), query).toEqual([
        expect.objectContaining({ tripNumber: 'DEMO7701', shipmentCount: 1, errorCount: errors }),
      ]);
    }
    const [listedBlank] = await find('text=DEMO7702');
    expect(listedBlank?.shipmentCount).toBe(0);
    expect(listedBlank?.errorCount).toBe(
      blank.issues.filter((issue) => issue.severity === 'error').length,
    );
  });
});
