import { expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { cbpAnswered } from '../../../test/cbp-answers.js';
import { fonts, pdfText } from '../../../test/pdf-tools.js';
import { appFailure } from '../../../test/storage-failure.js';
import { describeOnDatabases, type TestCompany } from '../../../test/storage-harness.js';
import {
  createDriverLink,
  createTrip,
  deleteTrip,
  listDriverLinks,
  openDriverPage,
  renderDriverLeadSheet,
  renderLeadSheet,
  revokeDriverLink,
  type AppDeps,
} from '../index.js';
import { DRIVER_PAGE_SHIPMENTS } from './open-driver-page.js';
import { signLinkToken } from './support/link-token.js';

const SECRET = 'a-test-key-of-at-least-32-characters!';

describeOnDatabases("driver's-page links", (ctx) => {
  const deps = (): AppDeps => ({ ...ctx().deps, driverLinkSecret: SECRET });

  async function tripOf(company: TestCompany) {
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({ tripNumber: `${company.scac}2026112801` }),
    });
    return trip;
  }

  it('opens the trip from a link the dispatcher made, with its QR payload, until it expires', async () => {
    const company = await ctx().newCompany();
    const trip = await tripOf(company);
    const { link, token } = await createDriverLink(deps(), company.dispatcher, {
      tripId: trip.id,
      validForHours: 2,
    });
    expect(Date.parse(link.expiresAt) - ctx().clock.now().getTime()).toBe(2 * 3_600_000);
    const page = await openDriverPage(deps(), { token });
    expect(page.ok && page.trip.tripNumber).toBe(`${company.scac}2026112801`);
    expect(page.ok && 'payload' in page.qr && page.qr.payload).toMatch(
      new RegExp(`^001\\*${company.scac}2026112801 +\\*20261128\\*CAON AB12345\\*`),
    );
    const sheet = await renderDriverLeadSheet({ ...deps(), fonts }, { token });
    expect(sheet.ok && pdfText(sheet.pdf)).toContain(`Trip number: ${company.scac}2026112801`);
    ctx().clock.advance(2 * 3_600_000);
    expect(await openDriverPage(deps(), { token })).toEqual({ ok: false, reason: 'expired' });
  });

  it('lists the first shipments of a long trip with its count; its lead sheet lists them all', async () => {
    const company = await ctx().newCompany();
    const scn = (n: number) => `${company.scac}${String(n).padStart(10, '0')}`;
    const count = DRIVER_PAGE_SHIPMENTS + 3;
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026112802`,
        shipments: Array.from({ length: count }, (_, i) =>
          aShipment({ shipmentControlNumber: scn(i + 1) }),
        ),
      }),
    });
    const { token } = await createDriverLink(deps(), company.dispatcher, { tripId: trip.id });
    const page = await openDriverPage(deps(), { token });
    if (!page.ok) throw new Error('the link should open');
    expect(page.shipmentCount).toBe(count);
    expect(page.trip.shipments?.map((s) => s.shipmentControlNumber)).toEqual(
      Array.from({ length: DRIVER_PAGE_SHIPMENTS }, (_, i) => scn(i + 1)),
    );
    expect('payload' in page.qr).toBe(true);
    const sheet = await renderDriverLeadSheet({ ...deps(), fonts }, { token });
    expect(sheet.ok && pdfText(sheet.pdf)).toContain(scn(count));
  });

  it("gives the driver the dispatcher's lead sheet, marks under a shipment not on file included", async () => {
    const company = await ctx().newCompany();
    const scn = (n: number) => `${company.scac}000000090${String(n)}`;
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026112803`,
        shipments: [
          aShipment({ shipmentControlNumber: scn(0) }),
          aShipment({ shipmentControlNumber: scn(1) }),
        ],
      }),
    });
    // As ingesting CBP's 355 leaves them (src/app/filing/ingest-responses.ts).
    await cbpAnswered(ctx().deps, company.companyId, trip.id, [
      [scn(0), 'accepted'],
      [scn(1), 'rejected'],
    ]);
    const { token } = await createDriverLink(deps(), company.dispatcher, { tripId: trip.id });
    const sheet = await renderDriverLeadSheet({ ...deps(), fonts }, { token });
    if (!sheet.ok) throw new Error('the link should open');
    const text = pdfText(sheet.pdf);
    expect(text.match(/REJECTED BY CBP: NOT ON FILE/g)).toHaveLength(1);
    const printed = await renderLeadSheet({ ...deps(), fonts }, company.viewer, {
      tripId: trip.id,
    });
    expect(text).toBe(pdfText(printed.pdf));
  });

  it('refuses a revoked link at once, and a second revocation is NOT_FOUND', async () => {
    const company = await ctx().newCompany();
    const trip = await tripOf(company);
    const { link, token } = await createDriverLink(deps(), company.dispatcher, { tripId: trip.id });
    await revokeDriverLink(deps(), company.dispatcher, { tripId: trip.id, linkId: link.id });
    expect(await openDriverPage(deps(), { token })).toEqual({ ok: false, reason: 'revoked' });
    const again = await appFailure(
      revokeDriverLink(deps(), company.dispatcher, { tripId: trip.id, linkId: link.id }),
    );
    expect(again.kind).toBe('NOT_FOUND');
    const listed = await listDriverLinks(deps(), company.viewer, { tripId: trip.id });
    expect(
      listed.map((entry) => [entry.link.id, entry.token, entry.link.revokedAt !== null]),
    ).toEqual([[link.id, token, true]]);
  });

  it('refuses forged, stretched and mangled tokens as invalid', async () => {
    const company = await ctx().newCompany();
    const trip = await tripOf(company);
    const { link, token } = await createDriverLink(deps(), company.dispatcher, { tripId: trip.id });
    const [id, expires, signature] = token.split('.');
    const stretched = `${id}.${Number(expires) + 86_400}.${signature}`;
    const otherKey = signLinkToken(
      'another-key-of-at-least-32-characters',
      link.id,
      link.expiresAt,
    );
    const unknownLink = signLinkToken(SECRET, 'no-such-link', link.expiresAt);
    for (const forged of [stretched, otherKey, unknownLink, 'nonsense', '', `${token}x`]) {
      expect(await openDriverPage(deps(), { token: forged })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
  });

  it('shows nothing once the trip is deleted', async () => {
    const company = await ctx().newCompany();
    const trip = await tripOf(company);
    const { token } = await createDriverLink(deps(), company.dispatcher, { tripId: trip.id });
    await deleteTrip(ctx().deps, company.dispatcher, { tripId: trip.id, expectedVersion: 1 });
    expect(await openDriverPage(deps(), { token })).toEqual({ ok: false, reason: 'revoked' });
  });

  it('keeps links to editors, within the company, for 1 hour to 14 days', async () => {
    const company = await ctx().newCompany();
    const other = await ctx().newCompany();
    const trip = await tripOf(company);
    expect(
      (await appFailure(createDriverLink(deps(), company.viewer, { tripId: trip.id }))).kind,
    ).toBe('FORBIDDEN');
    expect(
      (await appFailure(createDriverLink(deps(), other.admin, { tripId: trip.id }))).kind,
    ).toBe('NOT_FOUND');
    const { link } = await createDriverLink(deps(), company.dispatcher, { tripId: trip.id });
    expect(
      (
        await appFailure(
          revokeDriverLink(deps(), other.admin, { tripId: trip.id, linkId: link.id }),
        )
      ).kind,
    ).toBe('NOT_FOUND');
    for (const validForHours of [0, 337, 1.5]) {
      const error = await appFailure(
        createDriverLink(deps(), company.dispatcher, { tripId: trip.id, validForHours }),
      );
      expect(error.issues.map((issue) => issue.code)).toEqual(['DRIVER_LINK_EXPIRY_INVALID']);
    }
  });
});
