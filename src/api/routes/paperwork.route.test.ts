import { describe, expect, it } from 'vitest';
import {
  aCompany,
  anApiToken,
  anonymous,
  call,
  signIn,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';
import {
  aSection321Shipment,
  aShipment,
  aTrip,
  aTripArrivingIn2024,
} from '../../../test/builders.js';
import { decodePage, pdfText, valuesOf } from '../../../test/pdf-tools.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;
let dispatcher: Credentials;
let otherAdmin: Credentials;
let tripId: string;
let paperShipmentId: string;
let papsShipmentId: string;

withSignedInHarness('DEMO', async (signedIn) => {
  ({ harness, admin } = signedIn);
  otherAdmin = await signIn(harness, (await aCompany(harness, 'OTHR')).email);
  viewer = await anApiToken(harness, admin, 'viewer');
  dispatcher = await anApiToken(harness, admin, 'dispatcher');
  const created = await call(harness, admin, 'POST', '/api/v1/trips', {
    body: aTrip({ shipments: [aShipment({ shipmentControlNumber: 'DEMO0000000900' })] }),
  });
  expect(created.statusCode, created.body).toBe(201);
  tripId = created.json<{ trip: { id: string } }>().trip.id;
  const earlier = await call(harness, admin, 'POST', '/api/v1/trips', {
    body: aTripArrivingIn2024({
      shipments: [
        aSection321Shipment({ shipmentControlNumber: 'DEMO0000000321' }),
        aShipment({ shipmentControlNumber: 'DEMO0000000322' }),
      ],
    }),
  });
  expect(earlier.statusCode, earlier.body).toBe(201);
  const shipments = await call(
    harness,
    admin,
    'GET',
    `/api/v1/trips/${earlier.json<{ trip: { id: string } }>().trip.id}/shipments`,
  );
  const items = shipments.json<{ items: { id: string; shipment: { type: string } }[] }>().items;
  paperShipmentId = items.find((item) => item.shipment.type === 'SECTION_321')?.id ?? '';
  papsShipmentId = items.find((item) => item.shipment.type === 'PAPS')?.id ?? '';
});
describe('paperwork as PDF', () => {
  it("answers the trip's lead sheet to a viewer, read back by pdftotext", async () => {
    const response = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/lead-sheet.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'inline; filename="DEMO2026112801-lead-sheet.pdf"',
    );
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Trip number: DEMO2026112801');
    expect(text).toContain('Driver: Jean Tremblay');
    expect(text).toContain('DEMO0000000900');
  });

  it('takes the variant, the driver name flag and the paper size from the query', async () => {
    const response = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/trips/${tripId}/lead-sheet.pdf?variant=detailed&driverName=false&size=a4`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const text = pdfText(response.rawPayload);
    expect(text).not.toContain('Jean Tremblay');
    expect(text).toContain('1M8GDM9AXKP042788'); // the truck's VIN: Detailed only
    const wrong = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/trips/${tripId}/lead-sheet.pdf?variant=fancy&driverName=maybe`,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(
      wrong
        .json<{ issues: { path: string }[] }>()
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(['/driverName', '/variant']);
  });

  it("answers the placard, whose QR code decodes to the trip's payload", async () => {
    const response = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/placard.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    const qr = valuesOf(decodePage(response.rawPayload, 1, 72), 'QR-Code');
    expect(qr[0]?.startsWith('001*DEMO2026112801')).toBe(true);
  });

  it("answers an informal shipment's papers, and 409 for a PAPS shipment", async () => {
    const response = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/shipments/${paperShipmentId}/papers.pdf`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(pdfText(response.rawPayload)).toContain('DEMO0000000321');
    const paps = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/shipments/${papsShipmentId}/papers.pdf`,
    );
    expect(paps.statusCode).toBe(409);
    expect(paps.json<{ issues: { code: string }[] }>().issues[0]?.code).toBe(
      'SHIPMENT_PAPERS_NOT_INFORMAL',
    );
  });

  it("keeps tenants apart: another company's trip is 404, no credentials 401", async () => {
    for (const url of [
      `/api/v1/trips/${tripId}/lead-sheet.pdf`,
      `/api/v1/trips/${tripId}/placard.pdf`,
      `/api/v1/shipments/${paperShipmentId}/papers.pdf`,
    ]) {
      expect((await call(harness, otherAdmin, 'GET', url)).statusCode).toBe(404);
      expect((await call(harness, anonymous, 'GET', url)).statusCode).toBe(401);
    }
    const batch = await call(harness, otherAdmin, 'GET', '/api/v1/lead-sheets.pdf?date=2026-11-28');
    expect(batch.statusCode).toBe(404);
  });

  it('answers 422 naming the field when the QR code would be unreadable', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: 'DEMO2026112899', truck: undefined, shipments: [] }),
    });
    const id = created.json<{ trip: { id: string } }>().trip.id;
    const response = await call(harness, viewer, 'GET', `/api/v1/trips/${id}/lead-sheet.pdf`);
    expect(response.statusCode).toBe(422);
    expect(response.json<{ issues: { code: string }[] }>().issues.map((i) => i.code)).toContain(
      'QR_FIELD_MISSING',
    );
    await call(harness, admin, 'DELETE', `/api/v1/trips/${id}`, { headers: { 'if-match': '"1"' } });
  });

  it("answers a day's lead sheets in one PDF, with the trip numbers in print order", async () => {
    const response = await call(harness, viewer, 'GET', '/api/v1/lead-sheets.pdf?date=2026-11-28');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-trip-numbers']).toBe('DEMO2026112801');
    expect(response.headers['x-trip-count']).toBe('1');
    expect(pdfText(response.rawPayload)).toContain('Trip number: DEMO2026112801');
    const none = await call(harness, viewer, 'GET', '/api/v1/lead-sheets.pdf?date=2026-12-25');
    expect(none.statusCode).toBe(404);
    const bad = await call(harness, viewer, 'GET', '/api/v1/lead-sheets.pdf?date=tomorrow');
    expect(bad.statusCode).toBe(400);
  });

  it('reserves SCNs for a dispatcher and answers their labels; a viewer may not', async () => {
    const response = await call(harness, dispatcher, 'POST', '/api/v1/labels', {
      body: { count: 4, size: 'a4' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="paps-labels-/);
    const first = String(response.headers['x-scn-first']);
    const last = String(response.headers['x-scn-last']);
    expect(response.headers['x-scn-count']).toBe('4');
    const printed = valuesOf(decodePage(response.rawPayload), 'CODE-128');
    expect(printed).toHaveLength(4);
    expect([printed[0], printed[3]]).toEqual([first, last]);
    expect(pdfText(response.rawPayload)).toContain(first);
    // The next generated SCN comes after the labels.
    const generated = await call(harness, dispatcher, 'POST', '/api/v1/shipments', {
      body: aShipment({ shipmentControlNumber: undefined }),
    });
    expect(generated.statusCode, generated.body).toBe(201);
    const scn = generated.json<{ shipment: { shipment: { shipmentControlNumber: string } } }>()
      .shipment.shipment.shipmentControlNumber;
    expect(printed).not.toContain(scn);
    expect(scn > last).toBe(true);
    const refused = await call(harness, viewer, 'POST', '/api/v1/labels', { body: { count: 1 } });
    expect(refused.statusCode).toBe(403);
    // Refused by the use case, in the same words as the CLI's (docs/api.md names the code).
    for (const count of [3001, 0, 2.5]) {
      const refusedCount = await call(harness, dispatcher, 'POST', '/api/v1/labels', {
        body: { count },
      });
      expect(refusedCount.statusCode, String(count)).toBe(422);
      expect(refusedCount.json<{ issues: unknown[] }>().issues).toMatchObject([
        { code: 'LABEL_COUNT_INVALID', path: '/count' },
      ]);
    }
  });

  it('documents the PDF answers in OpenAPI', async () => {
    const spec = (await harness.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, { content: object }> }>>;
    }>();
    for (const [path, method, status] of [
      ['/api/v1/trips/{id}/lead-sheet.pdf', 'get', '200'],
      ['/api/v1/trips/{id}/placard.pdf', 'get', '200'],
      ['/api/v1/shipments/{id}/papers.pdf', 'get', '200'],
      ['/api/v1/lead-sheets.pdf', 'get', '200'],
      ['/api/v1/labels', 'post', '201'],
    ] as const) {
      expect(Object.keys(spec.paths[path]?.[method]?.responses[status]?.content ?? {})).toEqual([
        'application/pdf',
      ]);
    }
  });
});
