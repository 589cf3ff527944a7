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
import { aShipment, aTrip } from '../../../test/builders.js';
import { pdfText } from '../../../test/pdf-tools.js';
import { signLinkToken } from '../../app/driver-links/support/link-token.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;
let otherAdmin: Credentials;
let tripId: string;

interface LinkBody {
  id: string;
  tripId: string;
  expiresAt: string;
  revokedAt: string | null;
  url: string;
}

withSignedInHarness('DEMO', async (signedIn) => {
  ({ harness, admin } = signedIn);
  otherAdmin = await signIn(harness, (await aCompany(harness, 'OTHR')).email);
  viewer = await anApiToken(harness, admin, 'viewer');
  const created = await call(harness, admin, 'POST', '/api/v1/trips', {
    body: aTrip({
      shipments: [
        aShipment({
          shipmentControlNumber: 'DEMO0000000900',
          consignee: { name: 'Buffalo <Mills> & Co' },
        }),
      ],
    }),
  });
  tripId = created.json<{ trip: { id: string } }>().trip.id;
});
async function newLink(body: object = {}): Promise<LinkBody> {
  const response = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/driver-links`, {
    body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<LinkBody>();
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

describe("the driver's page", () => {
  it('makes no link from a Host header that is not a host (it would be e-mailed to a driver)', async () => {
    const forged = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/driver-links`, {
      body: {},
      headers: { host: 'a"><script>alert(1)</script>' },
    });
    expect(forged.statusCode, forged.body).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'MALFORMED_REQUEST' });
    const listed = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/driver-links`);
    expect(listed.body).not.toContain('script');
    const named = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/driver-links`, {
      body: {},
      headers: { host: 'manifest.carrier.example:8443' },
    });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json<LinkBody>().url).toMatch(
      /^http:\/\/manifest\.carrier\.example:8443\/driver\//,
    );
  });

  it('answers a phone-sized page with QR code, Code 39, port, port-local ETA and shipments', async () => {
    const link = await newLink();
    expect(link.url).toMatch(/^http:\/\/localhost(:\d+)?\/driver\/[A-Za-z0-9-]+\.\d+\.[\w-]{43}$/);
    const page = await harness.app.inject({ url: pathOf(link.url) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const html = page.body;
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('Trip DEMO2026112801');
    expect(html).toContain('0901 Buffalo-Niagara Falls, NY');
    expect(html).toContain('2026-11-28 12:00 EST (America/New_York)');
    expect(html).toContain('DEMO0000000900');
    // Trip data is escaped, never markup.
    expect(html).toContain('Buffalo &lt;Mills&gt; &amp; Co');
    expect(html).toContain('aria-label="CBP QR code"');
    expect(html).toContain('aria-label="Code 39 barcode of DEMO2026112801"');
    expect(html).not.toContain('<script');
  });

  it('lets the driver download the lead sheet with the same token', async () => {
    const link = await newLink();
    const pdf = await harness.app.inject({ url: `${pathOf(link.url)}/lead-sheet.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Trip number: DEMO2026112801');
  });

  it('refuses a revoked link with a clear page (410), and its PDF too', async () => {
    const link = await newLink();
    const revoke = await call(
      harness,
      admin,
      'DELETE',
      `/api/v1/trips/${tripId}/driver-links/${link.id}`,
    );
    expect(revoke.statusCode).toBe(204);
    for (const url of [pathOf(link.url), `${pathOf(link.url)}/lead-sheet.pdf`]) {
      const refused = await harness.app.inject({ url });
      expect(refused.statusCode).toBe(410);
      expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(refused.body).toContain('This link was withdrawn');
    }
    const listed = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/driver-links`);
    const items = listed.json<{ items: LinkBody[] }>().items;
    // The revoked link is still listed, with when it was revoked.
    expect(items.find((item) => item.id === link.id)).toMatchObject({
      revokedAt: expect.any(String) as unknown,
    });
  });

  it('refuses an expired link with a page that says so (410)', async () => {
    const link = await newLink({ validForHours: 1 });
    // The service's own key, an expiry already past: a genuine token whose time is up.
    const expired = signLinkToken(
      harness.appDeps.driverLinkSecret ?? '',
      link.id,
      new Date(Date.parse(link.expiresAt) - 2 * 3_600_000).toISOString(),
    );
    const response = await harness.app.inject({ url: `/driver/${expired}` });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('This link has expired');
    expect(response.body).toContain('Ask your dispatcher for a new one.');
  });

  it('refuses forged and mangled tokens with a 404 page, never a 500', async () => {
    const link = await newLink();
    const [id, expires, signature] = pathOf(link.url).slice('/driver/'.length).split('.');
    for (const token of [
      `${id}.${Number(expires) + 3600}.${signature}`,
      'x'.repeat(299),
      'x'.repeat(900),
      '%E2%80%AE',
      `${id}.${expires}.${'A'.repeat(43)}`,
    ]) {
      const response = await harness.app.inject({ url: `/driver/${token}` });
      expect(response.statusCode, token).toBe(404);
      expect(response.body).toContain('This link is not valid');
    }
  });

  it('keeps making and revoking links to dispatchers of the trip’s company', async () => {
    const viewerTry = await call(harness, viewer, 'POST', `/api/v1/trips/${tripId}/driver-links`, {
      body: {},
    });
    expect(viewerTry.statusCode).toBe(403);
    const otherTry = await call(
      harness,
      otherAdmin,
      'POST',
      `/api/v1/trips/${tripId}/driver-links`,
      {
        body: {},
      },
    );
    expect(otherTry.statusCode).toBe(404);
    const link = await newLink({ validForHours: 1 });
    const otherRevoke = await call(
      harness,
      otherAdmin,
      'DELETE',
      `/api/v1/trips/${tripId}/driver-links/${link.id}`,
    );
    expect(otherRevoke.statusCode).toBe(404);
    expect((await harness.app.inject({ url: pathOf(link.url) })).statusCode).toBe(200);
    const tooLong = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/driver-links`, {
      body: { validForHours: 1000 },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(
      (await call(harness, anonymous, 'GET', `/api/v1/trips/${tripId}/driver-links`)).statusCode,
    ).toBe(401);
  });
});
