import { describe, expect, it } from 'vitest';
import {
  aCompany,
  anApiToken,
  call,
  signIn,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';
import { aShipment, aTrip } from '../../../test/builders.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;

interface TripBody {
  trip: { id: string; version: number; tripNumber: string };
  issues: { code: string }[];
}
interface ShipmentBody {
  shipment: {
    id: string;
    version: number;
    tripId: string | null;
    shipment: { shipmentControlNumber?: string; commodities?: unknown[] };
  };
  issues: { code: string; path: string }[];
}

withSignedInHarness(
  'DEMO',
  async (signedIn) => {
    ({ harness, admin } = signedIn);
    viewer = await anApiToken(harness, admin, 'viewer');
  },
  // A small general body limit shows that imports have a larger one of their own.
  { api: { bodyLimit: 256 * 1024 } },
);

async function newTrip(tripNumber?: string): Promise<TripBody['trip']> {
  const response = await call(harness, admin, 'POST', '/api/v1/trips', {
    body: aTrip({ tripNumber, shipments: [] }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TripBody>().trip;
}

describe('shipments', () => {
  it('adds a shipment to a trip with a generated SCN and shipment-relative issues', async () => {
    const trip = await newTrip();
    const response = await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
      body: aShipment({ shipmentControlNumber: undefined, commodities: [] }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<ShipmentBody>();
    expect(body.shipment.tripId).toBe(trip.id);
    expect(body.shipment.shipment.shipmentControlNumber).toMatch(/^DEMO/);
    expect(response.headers.etag).toBe('"1"');
    // Paths are relative to the shipment, not to the trip document.
    for (const issue of body.issues) expect(issue.path.startsWith('/shipments/')).toBe(false);
  });

  it('refuses an SCN the carrier used, located in the body as sent (create and update)', async () => {
    const trip = await newTrip();
    const first = (
      await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
        body: aShipment({ shipmentControlNumber: undefined }),
      })
    ).json<ShipmentBody>().shipment;
    const scn = first.shipment.shipmentControlNumber ?? '';
    const second = (
      await call(harness, admin, 'POST', '/api/v1/shipments', {
        body: aShipment({ shipmentControlNumber: undefined }),
      })
    ).json<ShipmentBody>().shipment;
    for (const response of [
      await call(harness, admin, 'POST', '/api/v1/shipments', {
        body: aShipment({ shipmentControlNumber: scn }),
      }),
      await call(harness, admin, 'PUT', `/api/v1/shipments/${second.id}`, {
        body: { ...second.shipment, shipmentControlNumber: scn },
        headers: { 'if-match': `"${second.version}"` },
      }),
    ]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json<{ issues: unknown[] }>().issues).toMatchObject([
        { code: 'SHIPMENT_SCN_ALREADY_USED', path: '/shipmentControlNumber' },
      ]);
    }
  });

  it('creates unassociated shipments, lists them, attaches and detaches', async () => {
    const trip = await newTrip();
    const created = await call(harness, admin, 'POST', '/api/v1/shipments', {
      body: aShipment({ shipmentControlNumber: undefined }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { shipment } = created.json<ShipmentBody>();
    expect(shipment.tripId).toBeNull();
    const unassociated = await call(harness, viewer, 'GET', '/api/v1/shipments');
    expect(unassociated.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toContain(
      shipment.id,
    );

    const attached = await call(harness, admin, 'PUT', `/api/v1/shipments/${shipment.id}/trip`, {
      body: { tripId: trip.id },
      headers: { 'if-match': `"${shipment.version}"` },
    });
    expect(attached.statusCode, attached.body).toBe(200);
    const moved = attached.json<ShipmentBody>().shipment;
    expect(moved.tripId).toBe(trip.id);

    const staleDetach = await call(harness, admin, 'PUT', `/api/v1/shipments/${shipment.id}/trip`, {
      body: { tripId: null },
      headers: { 'if-match': `"${shipment.version}"` },
    });
    expect(staleDetach.statusCode).toBe(409);

    const detached = await call(harness, admin, 'PUT', `/api/v1/shipments/${shipment.id}/trip`, {
      body: { tripId: null },
      headers: { 'if-match': `"${moved.version}"` },
    });
    expect(detached.json<ShipmentBody>().shipment.tripId).toBeNull();
  });

  it('updates with If-Match; stale writes change nothing', async () => {
    const trip = await newTrip();
    const created = (
      await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
        body: aShipment({ shipmentControlNumber: undefined }),
      })
    ).json<ShipmentBody>().shipment;
    const update = (version: number, description: string) =>
      call(harness, admin, 'PUT', `/api/v1/shipments/${created.id}`, {
        body: { ...created.shipment, commodities: [{ description }] },
        headers: { 'if-match': `"${version}"` },
      });
    const ok = await update(created.version, 'Maple syrup');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ShipmentBody>().issues.length).toBeGreaterThan(0);
    const stale = await update(created.version, 'Something else');
    expect(stale.statusCode).toBe(409);
    const read = await call(harness, viewer, 'GET', `/api/v1/shipments/${created.id}`);
    expect(read.json()).toMatchObject({
      shipment: { commodities: [{ description: 'Maple syrup' }] },
    });
    expect(read.headers.etag).toBe(`"${created.version + 1}"`);
    const missing = await call(harness, admin, 'PUT', `/api/v1/shipments/${created.id}`, {
      body: created.shipment,
    });
    expect(missing.statusCode).toBe(428);
  });

  it('rejects a wrong shape with located issues and a viewer with 403', async () => {
    const trip = await newTrip();
    const wrong = await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
      body: { ...aShipment(), commodities: [{ quantity: 'ten' }], colour: 'red' },
    });
    expect(wrong.statusCode).toBe(400);
    const paths = wrong.json<{ issues: { path: string }[] }>().issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['/commodities/0/quantity']));
    const denied = await call(harness, viewer, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
      body: aShipment({ shipmentControlNumber: undefined }),
    });
    expect(denied.statusCode).toBe(403);
  });

  it('deletes with If-Match and answers with the trip issues', async () => {
    const trip = await newTrip();
    const created = (
      await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
        body: aShipment({ shipmentControlNumber: undefined }),
      })
    ).json<ShipmentBody>().shipment;
    const stale = await call(harness, admin, 'DELETE', `/api/v1/shipments/${created.id}`, {
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(409);
    const deleted = await call(harness, admin, 'DELETE', `/api/v1/shipments/${created.id}`, {
      headers: { 'if-match': `"${created.version}"` },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json<{ issues: unknown[] }>().issues).toBeInstanceOf(Array);
    expect((await call(harness, admin, 'GET', `/api/v1/shipments/${created.id}`)).statusCode).toBe(
      404,
    );
  });

  it('validates a shipment on demand', async () => {
    const trip = await newTrip();
    const created = (
      await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
        body: aShipment({ shipmentControlNumber: undefined, consignee: {} }),
      })
    ).json<ShipmentBody>().shipment;
    const response = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/shipments/${created.id}/validation`,
    );
    expect(response.statusCode).toBe(200);
    const paths = response.json<{ issues: { path: string }[] }>().issues.map((i) => i.path);
    expect(paths.some((path) => path.startsWith('/consignee'))).toBe(true);
  });

  it('suggests the next SCN without taking it, skipping one typed by hand', async () => {
    const suggest = async () => {
      const response = await call(harness, viewer, 'GET', '/api/v1/shipments/next-scn');
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ shipmentControlNumber: string }>().shipmentControlNumber;
    };
    const first = await suggest();
    expect(first).toMatch(/^DEMO\d{10}$/);
    // Reading is not reserving: asked again, the same number.
    expect(await suggest()).toBe(first);
    const generated = await call(harness, admin, 'POST', '/api/v1/shipments', {
      body: aShipment({ shipmentControlNumber: undefined }),
    });
    expect(generated.json<ShipmentBody>().shipment.shipment.shipmentControlNumber).toBe(first);
    // Someone types the next number by hand: the suggestion moves past it.
    const second = await suggest();
    expect(second).not.toBe(first);
    await call(harness, admin, 'POST', '/api/v1/shipments', {
      body: aShipment({ shipmentControlNumber: second }),
    });
    const third = await suggest();
    expect(third > second).toBe(true);
  });

  it('suggests earlier commodity descriptions with their units, only the company’s own', async () => {
    const line = (description: string, packagingUnit: string, weightUnit: string) =>
      aShipment({
        shipmentControlNumber: undefined,
        commodities: [{ description, quantity: 1, packagingUnit, weight: 5, weightUnit }],
      });
    for (const body of [
      line('Frozen blueberries in cartons', 'CTN', 'K'),
      line('Maple syrup in glass jars', 'BOX', 'L'),
    ]) {
      const created = await call(harness, admin, 'POST', '/api/v1/shipments', { body });
      expect(created.statusCode, created.body).toBe(201);
    }
    const suggest = async (who: Credentials, q: string) => {
      const response = await call(
        harness,
        who,
        'GET',
        `/api/v1/commodities/descriptions?q=${encodeURIComponent(q)}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: unknown[] }>().items;
    };
    expect(await suggest(viewer, 'BLUE cart')).toEqual([
      { description: 'Frozen blueberries in cartons', packagingUnit: 'CTN', weightUnit: 'K' },
    ]);
    expect(await suggest(viewer, 'nothing like this')).toEqual([]);
    // Another carrier sees none of these.
    const other = await signIn(harness, (await aCompany(harness, 'OTHR')).email);
    expect(await suggest(other, 'blueberries')).toEqual([]);
  });

  it('pages through a trip of many shipments in document order', async () => {
    const trip = await newTrip();
    for (let i = 0; i < 7; i++) {
      await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/shipments`, {
        body: aShipment({ shipmentControlNumber: undefined }),
      });
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/trips/${trip.id}/shipments?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await call(harness, viewer, 'GET', url);
      const body = page.json<{ items: { id: string }[]; nextCursor: string | null }>();
      ids.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
  });
});

describe('templates', () => {
  it('saves a trip as a template, applies it, lists and deletes it', async () => {
    const trip = await newTrip();
    const saved = await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/template`, {
      body: { name: 'Toronto–Buffalo oats' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const template = saved.json<{ id: string; name: string }>();
    const list = await call(harness, viewer, 'GET', '/api/v1/templates');
    expect(list.json<{ items: { id: string }[] }>().items.map((t) => t.id)).toContain(template.id);

    const applied = await call(harness, admin, 'POST', `/api/v1/templates/${template.id}/trips`, {
      body: { estimatedArrivalDateTime: '2026-11-29 10:00:00' },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json<TripBody>().trip.id).not.toBe(trip.id);

    expect(
      (await call(harness, viewer, 'DELETE', `/api/v1/templates/${template.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await call(harness, admin, 'DELETE', `/api/v1/templates/${template.id}`)).statusCode,
    ).toBe(204);
    expect(
      (await call(harness, admin, 'POST', `/api/v1/templates/${template.id}/trips`)).statusCode,
    ).toBe(404);
  });
});

describe('import and export', () => {
  it('round-trips a trip document losslessly', async () => {
    const document = aTrip({ tripNumber: 'DEMO9001' });
    const imported = await call(harness, admin, 'POST', '/api/v1/imports', { body: document });
    expect(imported.statusCode, imported.body).toBe(201);
    const body = imported.json<{ kind: string; trip: { id: string } }>();
    expect(body.kind).toBe('trip');
    const exported = await call(harness, viewer, 'GET', `/api/v1/trips/${body.trip.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).toEqual(document);
    // Sent from the file the export was written to, its size known before the first byte.
    expect(exported.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(exported.headers['content-length']).toBe(String(exported.rawPayload.length));
  });

  it('exports with the full change history', async () => {
    const trip = await newTrip();
    const response = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/trips/${trip.id}/export-with-history`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<{ document: { data: string }; history: { action: string }[] }>();
    expect(body.document.data).toBe('ACE_TRIP');
    expect(body.history.length).toBeGreaterThan(0);
    // Each entry as the API documents it (AuditEntry): nothing internal, such as the company.
    for (const entry of body.history) {
      expect(Object.keys(entry).sort()).toEqual(
        [
          'action',
          'actorTokenId',
          'actorUserId',
          'after',
          'at',
          'before',
          'entityId',
          'entityType',
          'seq',
          'tripId',
        ].sort(),
      );
    }
  });

  it('imports unassociated shipments', async () => {
    const response = await call(harness, admin, 'POST', '/api/v1/imports', {
      body: {
        data: 'ACE_SHIPMENT',
        shipments: [aShipment({ shipmentControlNumber: 'DEMO0009999001' })],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'shipments', shipments: [{ tripId: null }] });
  });

  it('refuses a tripId with a trip document (it would become a new trip all the same)', async () => {
    const trip = await newTrip();
    const before = await call(harness, viewer, 'GET', '/api/v1/trips?text=DEMO9003');
    const response = await call(harness, admin, 'POST', `/api/v1/imports?tripId=${trip.id}`, {
      body: aTrip({ tripNumber: 'DEMO9003' }),
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json<{ issues: unknown[] }>().issues).toMatchObject([
      { code: 'IMPORT_TRIP_ID_FOR_SHIPMENTS', path: '/tripId' },
    ]);
    const after = await call(harness, viewer, 'GET', '/api/v1/trips?text=DEMO9003');
    expect(after.json()).toEqual(before.json());
  });

  it('refuses a document of the wrong shape with 422, located issues and nothing written', async () => {
    const before = await call(harness, viewer, 'GET', '/api/v1/trips?text=DEMO9002');
    const response = await call(harness, admin, 'POST', '/api/v1/imports', {
      body: { ...aTrip({ tripNumber: 'DEMO9002' }), truck: 'big', extra: 1 },
    });
    expect(response.statusCode).toBe(422);
    const paths = response.json<{ issues: { path: string }[] }>().issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/truck', '/extra']));
    const after = await call(harness, viewer, 'GET', '/api/v1/trips?text=DEMO9002');
    expect(after.json()).toEqual(before.json());
  });

  it('accepts a large import within its own body limit', async () => {
    const shipments = Array.from({ length: 600 }, () =>
      aShipment({ shipmentControlNumber: undefined }),
    );
    const document = aTrip({ tripNumber: 'DEMO9100', shipments });
    expect(JSON.stringify(document).length).toBeGreaterThan(256 * 1024);
    const response = await call(harness, admin, 'POST', '/api/v1/imports', { body: document });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
  });

  it('rejects an oversize trip update with 413', async () => {
    const trip = await newTrip();
    const response = await call(harness, admin, 'PUT', `/api/v1/trips/${trip.id}`, {
      body: { ...aTrip(), tripNumber: 'x'.repeat(300 * 1024) },
      headers: { 'if-match': `"${trip.version}"` },
    });
    expect(response.statusCode).toBe(413);
  });
});
