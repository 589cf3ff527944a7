import bwipjs from 'bwip-js';
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
import { imageList, pdfToolsMissing } from '../../../test/pdf-tools.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;
let dispatcher: Credentials;
let otherAdmin: Credentials;
let companyId: string;
let tripId: string;

/** A 24 × 12 JPEG (poppler's pdftoppm of an empty page). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAGAAYAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAMABgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+iiigAooooA//9k=',
  'base64',
);

async function aPng(text = 'LOGO'): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'qrcode', text, scale: 2 });
}

function put(who: Credentials, bytes: Uint8Array, contentType = 'image/png') {
  return call(harness, who, 'PUT', '/api/v1/company/logo', {
    body: bytes,
    headers: { 'content-type': contentType },
  });
}

interface Issues {
  code: string;
  issues: { code: string; path: string; message: string }[];
}

/** Pictures in the PDF as pdfimages lists them (a PNG's transparency mask is not one). */
function pictures(pdf: Uint8Array): string[] {
  return imageList(pdf).filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line));
}

async function leadSheet(who: Credentials): Promise<Uint8Array> {
  const response = await call(harness, who, 'GET', `/api/v1/trips/${tripId}/lead-sheet.pdf`);
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
}

async function auditActions(): Promise<{ action: string; after: string | null }[]> {
  return harness.db
    .selectFrom('audit_log')
    .select(['action', 'after_json as after'])
    .where('company_id', '=', companyId)
    .where('entity_type', '=', 'company')
    .orderBy('at')
    .execute();
}

withSignedInHarness('DEMO', async (signedIn) => {
  ({ harness, admin, companyId } = signedIn);
  otherAdmin = await signIn(harness, (await aCompany(harness, 'OTHR')).email);
  viewer = await anApiToken(harness, admin, 'viewer');
  dispatcher = await anApiToken(harness, admin, 'dispatcher');
  const created = await call(harness, admin, 'POST', '/api/v1/trips', {
    body: aTrip({ shipments: [aShipment({ shipmentControlNumber: 'DEMO0000000900' })] }),
  });
  expect(created.statusCode, created.body).toBe(201);
  tripId = created.json<{ trip: { id: string } }>().trip.id;
});

describe('the company logo', () => {
  it('is none at first: 404, and the lead sheet has no picture', async () => {
    const none = await call(harness, viewer, 'GET', '/api/v1/company/logo');
    expect(none.statusCode).toBe(404);
    expect(none.json<Issues>().code).toBe('NOT_FOUND');
    if (!pdfToolsMissing) expect(pictures(await leadSheet(viewer))).toEqual([]);
  });

  it('an admin uploads a PNG: read back by any role, audited, printed on the lead sheet', async () => {
    const png = await aPng();
    const response = await put(admin, png);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      mediaType: 'image/png',
      byteLength: png.length,
      width: expect.any(Number) as number,
    });
    const read = await call(harness, viewer, 'GET', '/api/v1/company/logo');
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(read.rawPayload, png)).toBe(0);
    const audit = await auditActions();
    expect(audit.at(-1)?.action).toBe('logo_set');
    expect(audit.at(-1)?.after).toContain('"mediaType":"image/png"');
    if (!pdfToolsMissing) {
      const listed = pictures(await leadSheet(viewer));
      expect(listed).toHaveLength(1);
      const width = response.json<{ width: number }>().width;
      // pdfimages -list: page, num, type, width, height …
      expect(listed[0]?.trim().split(/\s+/)[3]).toBe(String(width));
    }
  });

  it('is on the day batch and on the driver page’s lead sheet too', async () => {
    await put(admin, await aPng());
    const batch = await call(harness, viewer, 'GET', '/api/v1/lead-sheets.pdf?date=2026-11-28');
    expect(batch.statusCode, batch.body).toBe(200);
    const link = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/driver-links`, {
      body: {},
    });
    expect(link.statusCode, link.body).toBe(201);
    const page = new URL(link.json<{ url: string }>().url).pathname;
    const driver = await harness.app.inject({ url: `${page}/lead-sheet.pdf` });
    expect(driver.statusCode).toBe(200);
    if (!pdfToolsMissing) {
      expect(pictures(batch.rawPayload)).toHaveLength(1);
      expect(pictures(driver.rawPayload)).toHaveLength(1);
    }
  });

  it('an admin replaces it with a JPEG (octet-stream is read by its bytes too)', async () => {
    const response = await put(admin, JPEG, 'application/octet-stream');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ mediaType: 'image/jpeg', width: 24, height: 12 });
    const read = await call(harness, admin, 'GET', '/api/v1/company/logo');
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(read.rawPayload, JPEG)).toBe(0);
    const audit = await auditActions();
    expect(audit.at(-1)?.action).toBe('logo_set');
    if (!pdfToolsMissing) {
      const listed = pictures(await leadSheet(admin));
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatch(/\s24\s+12\s+/);
    }
  });

  it('refuses what is not a PNG or JPEG, with located issues, keeping the stored logo', async () => {
    const gif = Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1');
    const notPicture = await put(admin, gif, 'image/gif');
    expect(notPicture.statusCode).toBe(422);
    expect(notPicture.json<Issues>().issues).toEqual([
      expect.objectContaining({ code: 'COMPANY_LOGO_TYPE', path: '' }),
    ]);
    const png = await aPng();
    const cut = await put(admin, png.subarray(0, 40));
    expect(cut.statusCode).toBe(422);
    expect(cut.json<Issues>().issues[0]?.code).toBe('COMPANY_LOGO_UNREADABLE');
    const huge = Buffer.from(png);
    huge.writeUInt32BE(40_000, 16);
    const tooWide = await put(admin, huge);
    expect(tooWide.statusCode).toBe(422);
    expect(tooWide.json<Issues>().issues[0]?.code).toBe('COMPANY_LOGO_DIMENSIONS');
    const json = await call(harness, admin, 'PUT', '/api/v1/company/logo', { body: { a: 1 } });
    expect(json.statusCode).toBe(415);
    const text = await put(admin, Buffer.from(png), 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(text.json<{ detail: string }>().detail).toBe(
      'Send the body as image/png, image/jpeg or application/octet-stream.',
    );
    const read = await call(harness, admin, 'GET', '/api/v1/company/logo');
    expect(read.headers['content-type']).toBe('image/jpeg');
  });

  it('refuses a file over 512 KiB with a located issue, and a far bigger body with 413', async () => {
    const big = Buffer.concat([JPEG.subarray(0, 20), Buffer.alloc(600 * 1024)]);
    const response = await put(admin, big, 'image/jpeg');
    expect(response.statusCode).toBe(422);
    const issue = response.json<Issues>().issues[0];
    expect(issue?.code).toBe('COMPANY_LOGO_TOO_LARGE');
    expect(issue?.message).toContain('512 KiB');
    const enormous = await put(admin, Buffer.alloc(3 * 1024 * 1024), 'image/jpeg');
    expect(enormous.statusCode).toBe(413);
    expect(enormous.json<Issues>().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a viewer or dispatcher cannot change it', async () => {
    const png = await aPng('OTHER');
    for (const who of [viewer, dispatcher]) {
      expect((await put(who, png)).statusCode).toBe(403);
      const remove = await call(harness, who, 'DELETE', '/api/v1/company/logo');
      expect(remove.statusCode).toBe(403);
    }
    const read = await call(harness, admin, 'GET', '/api/v1/company/logo');
    expect(read.headers['content-type']).toBe('image/jpeg');
  });

  it('another company sees none of it, and its own logo is its own', async () => {
    const other = await call(harness, otherAdmin, 'GET', '/api/v1/company/logo');
    expect(other.statusCode).toBe(404);
    const otherTrip = await call(
      harness,
      otherAdmin,
      'GET',
      `/api/v1/trips/${tripId}/lead-sheet.pdf`,
    );
    expect(otherTrip.statusCode).toBe(404);
    const png = await aPng('OTHR');
    expect((await put(otherAdmin, png)).statusCode).toBe(200);
    const mine = await call(harness, admin, 'GET', '/api/v1/company/logo');
    expect(Buffer.compare(mine.rawPayload, JPEG)).toBe(0);
    expect((await call(harness, otherAdmin, 'DELETE', '/api/v1/company/logo')).statusCode).toBe(
      204,
    );
    expect((await call(harness, admin, 'GET', '/api/v1/company/logo')).statusCode).toBe(200);
  });

  it('an admin removes it: audited, the lead sheet prints without it, a second removal is 404', async () => {
    const removed = await call(harness, admin, 'DELETE', '/api/v1/company/logo');
    expect(removed.statusCode).toBe(204);
    expect((await call(harness, admin, 'GET', '/api/v1/company/logo')).statusCode).toBe(404);
    expect((await auditActions()).at(-1)?.action).toBe('logo_removed');
    if (!pdfToolsMissing) expect(pictures(await leadSheet(viewer))).toEqual([]);
    expect((await call(harness, admin, 'DELETE', '/api/v1/company/logo')).statusCode).toBe(404);
  });

  it('is documented in OpenAPI', async () => {
    const spec = (await harness.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(spec.paths['/api/v1/company/logo'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'put',
    ]);
  });
});
