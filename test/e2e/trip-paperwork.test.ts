/**
 * The trip editor's Paperwork panel in real Chromium: the lead sheet (detailed, the driver's
 * name left off) read back with pdftotext, the QR placard, e-mail refused in words on a service
 * without a mail server and sent through a real SMTP server on loopback on one with it (to the
 * address filled in from the driver's profile), and a driver's-page link made, opened and
 * revoked. Also a shipment's papers downloaded from the shipment page, and the company logo
 * uploaded on the company page and found on the lead sheet.
 */
import bwipjs from 'bwip-js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSection321Shipment } from '../builders.js';
import { imageList, pdfText, pdfToolsMissing } from '../pdf-tools.js';
import { mimeParts, startSmtpSink } from '../smtp-sink.js';
import {
  apiCall,
  apiSignIn,
  chromiumMissing,
  openBrowser,
  seriousA11yViolations,
  startService,
  theDemoTrip,
  type DemoTrip,
  type Service,
} from './browser-harness.js';

// The signed-out session probe answers 401 by design; e-mail without a mail server is 409; a
// company without a logo answers 404.
const EXPECTED_FAILURES = [
  /\/api\/v1\/session$/,
  /\/lead-sheet\/email$/,
  /\/api\/v1\/company\/logo$/,
];

describe.skipIf(chromiumMissing || pdfToolsMissing)(
  'paperwork on the trip editor',
  { timeout: 120_000 },
  () => {
    let service: Service;
    let trip: DemoTrip;

    beforeAll(async () => {
      service = await startService();
      const admin = await apiSignIn(service, service.email, service.password);
      trip = await theDemoTrip(service, admin);
    });
    afterAll(async () => {
      await service.stop();
    });

    it("prints the lead sheet and placard, explains e-mail, and makes, opens and revokes a driver's link", async () => {
      const browser = await openBrowser(EXPECTED_FAILURES);
      const { page } = browser;
      try {
        await page.goto(`${service.url}/trips/${trip.id}`);
        await page.getByLabel('E-mail').fill(service.email);
        await page.getByLabel(/^Password/).fill(service.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        const panel = page.getByRole('region', { name: 'Paperwork' });
        await panel.waitFor();

        // Detailed, without the driver's name: the browser's own session opens the PDF.
        await panel.getByText('Detailed').click();
        await panel.getByLabel("Leave the driver's name off").check();
        const sheetLink = panel.getByRole('link', { name: 'Print the lead sheet' });
        const href = (await sheetLink.getAttribute('href')) ?? '';
        expect(href).toBe(
          `/api/v1/trips/${trip.id}/lead-sheet.pdf?variant=detailed&driverName=false`,
        );
        const sheet = await page.request.get(`${service.url}${href}`);
        expect(sheet.status()).toBe(200);
        const text = pdfText(new Uint8Array(await sheet.body()));
        expect(text).toContain(`Trip number: ${trip.tripNumber}`);
        const driver = trip.document.drivers?.[0];
        expect(driver).toBeDefined();
        expect(text).not.toContain(driver?.lastName ?? 'no driver');
        expect(text).toContain(trip.document.truck?.vinNumber ?? 'no VIN'); // detailed only
        await panel.getByLabel("Leave the driver's name off").uncheck();
        const withDriver = await page.request.get(
          `${service.url}${(await sheetLink.getAttribute('href')) ?? ''}`,
        );
        expect(pdfText(new Uint8Array(await withDriver.body()))).toContain(driver?.lastName ?? '');

        const placard = panel.getByRole('link', { name: 'Print the QR windshield placard' });
        const placardPdf = await page.request.get(
          `${service.url}${(await placard.getAttribute('href')) ?? ''}`,
        );
        expect(placardPdf.status()).toBe(200);
        expect(placardPdf.headers()['content-type']).toBe('application/pdf');

        // This service has no SMTP_URL: the refusal is said in words.
        await panel.getByLabel("Driver's e-mail address").fill('driver@example.com');
        await panel.getByRole('button', { name: 'E-mail lead sheet to the driver' }).click();
        await panel
          .getByRole('alert')
          .getByText(/E-mail is not set up on this service/)
          .waitFor();

        await panel.getByRole('button', { name: "Create a driver's page link" }).click();
        await panel
          .getByRole('status')
          .getByText(/New link, works until/)
          .waitFor();
        const links = panel.getByRole('list', { name: "Active driver's page links" });
        const url = (await links.getByRole('link').first().getAttribute('href')) ?? '';
        expect(url).toMatch(new RegExp(`^${service.url}/driver/`));
        await links.getByRole('button', { name: 'Copy link' }).waitFor();
        // The expiry in the user's clock with the zone named, as the app's other times.
        await links.getByText(/^Works until \d{4}-\d\d-\d\d \d\d:\d\d \S+$/).waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);

        const phone = await browser.context.newPage();
        expect((await phone.goto(url))?.status()).toBe(200);
        expect(await phone.locator('body').innerText()).toContain(`Trip ${trip.tripNumber}`);
        await phone.close();

        await links.getByRole('button', { name: /^Revoke/ }).click();
        await panel.getByText('No active link.').waitFor();
        expect((await page.request.get(url)).status()).toBe(410);
        expect(browser.errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });

    it("downloads an informal shipment's papers from its page; a PAPS shipment says why it has none", async () => {
      const admin = await apiSignIn(service, service.email, service.password);
      const created = await apiCall(
        service,
        admin,
        'POST',
        '/shipments',
        aSection321Shipment({ shipmentControlNumber: 'DEMO0000321321' }),
      );
      expect(created.status, await created.clone().text()).toBe(201);
      const informal = ((await created.json()) as { shipment: { id: string } }).shipment;
      const onTrip = (await (
        await apiCall(service, admin, 'GET', `/trips/${trip.id}/shipments`)
      ).json()) as { items: { id: string }[] };
      const paps = onTrip.items[0]?.id ?? '';
      const browser = await openBrowser(EXPECTED_FAILURES);
      const { page } = browser;
      try {
        await page.goto(`${service.url}/shipments/${informal.id}`);
        await page.getByLabel('E-mail').fill(service.email);
        await page.getByLabel(/^Password/).fill(service.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        const button = page.getByRole('link', { name: 'Shipment papers' });
        const downloading = page.waitForEvent('download');
        await button.click();
        const download = await downloading;
        expect(download.suggestedFilename()).toBe('DEMO0000321321-papers.pdf');
        const pdf = new Uint8Array(readFileSync(await download.path()));
        expect(pdfText(pdf)).toContain('DEMO0000321321');

        await page.goto(`${service.url}/shipments/${paps}`);
        const none = page.getByRole('button', { name: 'Shipment papers' });
        await none.waitFor();
        expect(await none.isDisabled()).toBe(true);
        await page
          .getByText(/have no papers of their own: they travel on the trip's lead sheet/)
          .waitFor();
        expect(browser.errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });

    it('uploads, shows and removes the company logo; the lead sheet carries it meanwhile', async () => {
      const browser = await openBrowser(EXPECTED_FAILURES);
      const { page } = browser;
      const sheetImages = async () => {
        const sheet = await page.request.get(
          `${service.url}/api/v1/trips/${trip.id}/lead-sheet.pdf`,
        );
        expect(sheet.status()).toBe(200);
        return imageList(new Uint8Array(await sheet.body())).filter((line) =>
          /^\s*\d+\s+\d+\s+image\s/.test(line),
        );
      };
      try {
        await page.goto(`${service.url}/company`);
        await page.getByLabel('E-mail').fill(service.email);
        await page.getByLabel(/^Password/).fill(service.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        const panel = page.getByRole('region', { name: 'Logo on the lead sheets' });
        await panel.getByText('No logo: the lead sheets print without one.').waitFor();
        expect(await sheetImages()).toHaveLength(0);

        await panel.getByLabel('Logo picture (PNG or JPEG)').setInputFiles({
          name: 'notes.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('not a picture'),
        });
        await panel
          .getByRole('alert')
          .getByText(/neither a PNG nor a JPEG picture/)
          .waitFor();

        const png = await bwipjs.toBuffer({ bcid: 'qrcode', text: 'LOGO', scale: 2 });
        await panel
          .getByLabel('Logo picture (PNG or JPEG)')
          .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
        await panel.getByRole('img', { name: 'The company logo' }).waitFor();
        expect(await sheetImages()).toHaveLength(1);
        expect(await seriousA11yViolations(page)).toEqual([]);

        await panel.getByRole('button', { name: 'Remove the logo' }).click();
        await panel.getByText('No logo: the lead sheets print without one.').waitFor();
        expect(await sheetImages()).toHaveLength(0);
        expect(browser.errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });

    it('e-mails the lead sheet to the driver through the mail server the service is set up with', async () => {
      const sink = await startSmtpSink();
      const mailing = await startService({
        SMTP_URL: sink.url,
        MAIL_FROM: 'Dispatch <dispatch@demo.example>',
      });
      const browser = await openBrowser(EXPECTED_FAILURES);
      const { page } = browser;
      try {
        const admin = await apiSignIn(mailing, mailing.email, mailing.password);
        const demo = await theDemoTrip(mailing, admin);
        // The demo driver's profile (seedDemoCompany; the trip's driver has its FAST card) is
        // given an e-mail, as the office would add it: the address is then filled in.
        const listed = await apiCall(mailing, admin, 'GET', '/profiles?kind=driver');
        const { items } = (await listed.json()) as {
          items: { id: string; version: number; name: string; data: object }[];
        };
        const saved = items.find((item) => item.name === 'Jean Tremblay');
        if (saved === undefined) throw new Error('the demo company has no driver profile');
        const profile = await fetch(`${mailing.url}/api/v1/profiles/${saved.id}`, {
          method: 'PUT',
          headers: {
            cookie: admin.cookie,
            'x-csrf-token': admin.csrfToken,
            'if-match': `"${String(saved.version)}"`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            kind: 'driver',
            name: saved.name,
            data: { ...saved.data, email: 'driver@example.com' },
          }),
        });
        expect(profile.status, await profile.clone().text()).toBe(200);
        await page.goto(`${mailing.url}/trips/${demo.id}`);
        await page.getByLabel('E-mail').fill(mailing.email);
        await page.getByLabel(/^Password/).fill(mailing.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        const panel = page.getByRole('region', { name: 'Paperwork' });
        const address = panel.getByLabel("Driver's e-mail address");
        await expect.poll(() => address.inputValue()).toBe('driver@example.com');
        await panel.getByRole('button', { name: 'E-mail lead sheet to the driver' }).click();
        await panel
          .getByRole('status')
          .getByText('The lead sheet was sent to driver@example.com.')
          .waitFor();
        expect(sink.received).toHaveLength(1);
        const [mail] = sink.received;
        expect(mail?.to).toEqual(['driver@example.com']);
        const attachment = mimeParts(mail?.raw ?? '').find((part) =>
          part.headers.toLowerCase().includes('application/pdf'),
        );
        expect(attachment).toBeDefined();
        expect(pdfText(new Uint8Array(attachment?.body ?? Buffer.alloc(0)))).toContain(
          `Trip number: ${demo.tripNumber}`,
        );
        expect(browser.errors).toEqual([]);
      } finally {
        await browser.close();
        await mailing.stop();
        await sink.close();
      }
    });
  },
);
