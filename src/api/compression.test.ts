import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';
import { aShipment, aTrip } from '../../test/builders.js';
import { csvText, templateRow } from '../csv/test-csv.js';
import { COMPRESS_FROM_BYTES } from './compression.js';

let harness: Harness;
let admin: Credentials;
let tripId: string;

withSignedInHarness('GZIP', async (signedIn) => {
  ({ harness, admin } = signedIn);
  const shipments = Array.from({ length: 12 }, (_, n) =>
    aShipment({ shipmentControlNumber: `GZIP${String(1000001 + n).padStart(10, '0')}` }),
  );
  const created = await call(harness, admin, 'POST', '/api/v1/trips', {
    body: aTrip({ tripNumber: undefined, shipments }),
  });
  expect(created.statusCode, created.body).toBe(201);
  tripId = created.json<{ trip: { id: string } }>().trip.id;
});

function get(url: string, acceptEncoding?: string, headers: Record<string, string> = {}) {
  return call(harness, admin, 'GET', url, {
    headers: {
      ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
      ...headers,
    },
  });
}

/** The answer's bytes as the client reads them, unpacked by Node's own zlib. */
function unpacked(response: Awaited<ReturnType<typeof get>>): string {
  const encoding = response.headers['content-encoding'];
  const raw = response.rawPayload;
  if (encoding === 'br') return brotliDecompressSync(raw).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(raw).toString('utf8');
  expect(encoding).toBeUndefined();
  return raw.toString('utf8');
}

describe('answers compressed as the client asks', () => {
  it('sends JSON in Brotli or gzip, whichever the client takes first, the same JSON unpacked', async () => {
    const url = `/api/v1/trips/${tripId}/shipments`;
    const plain = await get(url);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    for (const [asked, sent] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      // What Chromium and Firefox send: Brotli is preferred.
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
      ['identity', undefined],
      // zstd is not offered (not on Node 20), so this client gets the text as it is.
      ['zstd', undefined],
    ] as const) {
      const response = await get(url, asked);
      expect(response.statusCode, asked).toBe(200);
      expect(response.headers['content-encoding'], asked).toBe(sent);
      expect(JSON.parse(unpacked(response)), asked).toEqual(plain.json());
      if (sent !== undefined) {
        // A shared cache keeps the compressed answer for clients that take it only. (One sent
        // as it is may be given to any client, so it needs no Vary.)
        expect(String(response.headers.vary), asked).toMatch(/accept-encoding/i);
        expect(response.rawPayload.length, asked).toBeLessThan(plain.rawPayload.length / 3);
      }
    }
  });

  it('streams a trip export compressed, its length unknown ahead', async () => {
    const url = `/api/v1/trips/${tripId}/export`;
    const plain = await get(url);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(Number(plain.headers['content-length'])).toBe(plain.rawPayload.length);
    const packed = await get(url, 'gzip');
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers['content-length']).toBeUndefined();
    expect(JSON.parse(unpacked(packed))).toEqual(plain.json());
  });

  it('answers 304 to a tag it gave, compressed or not', async () => {
    const url = `/api/v1/trips/${tripId}/filing`;
    const first = await get(url, 'br');
    expect(first.statusCode, first.body).toBe(200);
    const tag = String(first.headers.etag);
    const again = await get(url, 'br', { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers['content-encoding']).toBeUndefined();
  });

  it('leaves small answers, PDFs and the upload’s progress lines as they are', async () => {
    const small = await get('/healthz', 'br');
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();

    const pdf = await get(`/api/v1/trips/${tripId}/placard.pdf`, 'br');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const rows = Array.from({ length: 30 }, (_, n) =>
      templateRow({ SCN: `GZIP${String(2000001 + n).padStart(10, '0')}` }),
    );
    const progress = await call(harness, admin, 'POST', '/api/v1/shipments/csv', {
      body: csvText(rows),
      headers: {
        'content-type': 'text/csv',
        accept: 'application/x-ndjson',
        'accept-encoding': 'gzip, br',
      },
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.headers['content-encoding']).toBeUndefined();
    const lines = progress.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; created?: number });
    expect(lines.at(-1)).toMatchObject({ type: 'report', created: 30 });
  });
});

describe('request bodies', () => {
  it('are refused with 415 when sent with a Content-Encoding, compressed or not', async () => {
    const document = Buffer.from(JSON.stringify(aTrip({ tripNumber: undefined })));
    for (const [coding, body] of [
      ['gzip', gzipSync(document)],
      ['br', brotliCompressSync(document)],
      // Labelled gzip but plain: taken as it was, it would have been imported.
      ['gzip', document],
    ] as const) {
      const response = await call(harness, admin, 'POST', '/api/v1/trips', {
        body,
        headers: { 'content-type': 'application/json', 'content-encoding': coding },
      });
      expect(response.statusCode, coding).toBe(415);
      expect(response.json(), coding).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: `The body is sent with Content-Encoding: ${coding}; send it as it is, without Content-Encoding.`,
      });
      expect(response.headers['accept-encoding'], coding).toBe('identity');
    }
    const csv = await call(harness, admin, 'POST', '/api/v1/shipments/csv', {
      body: gzipSync('SCN\r\n'),
      headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' },
    });
    expect(csv.statusCode).toBe(415);
    // Nothing was stored by any of them.
    const trips = await get('/api/v1/trips');
    expect(trips.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('are taken as they are when the Content-Encoding is identity', async () => {
    const response = await call(harness, admin, 'POST', '/api/v1/validate', {
      body: { data: 'ACE_TRIP' },
      headers: { 'content-encoding': 'identity' },
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('answers that carry a secret', () => {
  it('are never compressed, however large: the session with its CSRF token', async () => {
    // Client companies with long names make the session answer larger than the threshold, so
    // only the route's own setting keeps it from being compressed.
    for (let n = 0; n < 8; n += 1) {
      const company = await call(harness, admin, 'POST', '/api/v1/companies', {
        body: {
          name: `Client company ${String(n)} ${'x'.repeat(150)}`,
          scac: `GZ${'ABCDEFGH'[n] ?? 'Z'}A`,
        },
      });
      expect(company.statusCode, company.body).toBe(201);
    }
    const session = await get('/api/v1/session', 'gzip, deflate, br');
    expect(session.statusCode, session.body).toBe(200);
    expect(session.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    expect(session.headers['content-encoding']).toBeUndefined();
    expect(session.json<{ csrfToken: string }>().csrfToken).toMatch(/\S{16,}/);
  });

  it("are never compressed, however large: a trip's driver links", async () => {
    for (let n = 0; n < 8; n += 1) {
      const link = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/driver-links`, {
        body: {},
        headers: { 'accept-encoding': 'br' },
      });
      expect(link.statusCode, link.body).toBe(201);
      expect(link.headers['content-encoding']).toBeUndefined();
    }
    const links = await get(`/api/v1/trips/${tripId}/driver-links`, 'br');
    expect(links.statusCode, links.body).toBe(200);
    expect(links.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    expect(links.headers['content-encoding']).toBeUndefined();
  });
});
