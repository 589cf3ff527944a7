/**
 * The driver's page in real Chromium on a phone-sized screen (390 × 844 CSS pixels, an
 * iPhone 12–15): the dispatcher makes a link through the API, the "driver" opens it without an
 * account, ZBar decodes the QR code from a screenshot and it must be the trip's CBP payload
 * character for character; the lead sheet downloads with the same token; once revoked, the
 * link is refused with a page that says so. The screenshots in docs/ come from this run.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cbpQrPayload } from '../../src/documents/index.js';
import type { TripDocument } from '../../src/domain/index.js';
import { decodeImage, pdfText, pdfToolsMissing, renderPagePng, valuesOf } from '../pdf-tools.js';
import {
  apiCall,
  apiSignIn,
  chromiumMissing,
  openBrowser,
  screenshot,
  startService,
  theDemoTrip,
  type Browser,
  type Service,
} from './browser-harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PHONE = { width: 390, height: 844 };

describe.skipIf(chromiumMissing || pdfToolsMissing)(
  "the driver's page on a phone",
  { timeout: 90_000 },
  () => {
    let service: Service;
    let admin: { cookie: string; csrfToken: string };
    let tripId: string;
    let trip: TripDocument;
    let browser: Browser;

    beforeAll(async () => {
      service = await startService();
      admin = await apiSignIn(service, service.email, service.password);
      tripId = (await theDemoTrip(service, admin)).id;
      trip = (await (
        await apiCall(service, admin, 'GET', `/trips/${tripId}/export`)
      ).json()) as TripDocument;
      browser = await openBrowser();
      await browser.page.setViewportSize(PHONE);
    }, 60_000);
    afterAll(async () => {
      await browser.close();
      await service.stop();
    });

    it("opens from its link without an account; its QR code decodes to the trip's CBP payload", async () => {
      const created = await apiCall(service, admin, 'POST', `/trips/${tripId}/driver-links`, {});
      expect(created.status).toBe(201);
      const { url } = (await created.json()) as { url: string };
      const response = await browser.page.goto(url);
      expect(response?.status()).toBe(200);
      const page = browser.page;
      await page.locator('.qr svg').waitFor();
      const body = await page.locator('main').innerText();
      expect(body).toContain(`Trip ${trip.tripNumber ?? ''}`);
      expect(body).toContain('0901 Buffalo-Niagara Falls, NY');
      expect(body).toMatch(/ETA\s+\d{4}-\d\d-\d\d 12:00 E[SD]T \(America\/New_York\)/);
      expect(body).toContain('Download the lead sheet (PDF)');
      // Phone-sized: nothing wider than the screen, so nothing to scroll sideways.
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'driver-page', true);
      const qr = cbpQrPayload(trip);
      if (!qr.ok) throw new Error('the demo trip has no QR payload');
      const decoded = decodeImage(join(root, 'test-results', 'driver-page.png'));
      expect(valuesOf(decoded, 'QR-Code')).toEqual([qr.payload]);
      expect(valuesOf(decoded, 'CODE-39')).toEqual([trip.tripNumber]);
      expect(browser.errors).toEqual([]);

      const href = await page.locator('a.download').getAttribute('href');
      const pdf = await fetch(new URL(href ?? '', url));
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain(
        `Trip number: ${trip.tripNumber ?? ''}`,
      );
    });

    it('refuses the link once the dispatcher revoked it', async () => {
      const created = await apiCall(service, admin, 'POST', `/trips/${tripId}/driver-links`, {});
      const { id, url } = (await created.json()) as { id: string; url: string };
      expect((await browser.page.goto(url))?.status()).toBe(200);
      const revoked = await apiCall(
        service,
        admin,
        'DELETE',
        `/trips/${tripId}/driver-links/${id}`,
      );
      expect(revoked.status).toBe(204);
      const again = await browser.page.goto(url);
      expect(again?.status()).toBe(410);
      await expect
        .poll(() => browser.page.locator('h1').innerText())
        .toBe('This link was withdrawn');
      expect(await browser.page.locator('.qr').count()).toBe(0);
    });

    it("prints the picture of a lead sheet's first page for the docs (pdftoppm)", async () => {
      const response = await apiCall(service, admin, 'GET', `/trips/${tripId}/lead-sheet.pdf`);
      expect(response.status).toBe(200);
      const pdf = new Uint8Array(await response.arrayBuffer());
      renderPagePng(pdf, join(root, 'docs', 'screenshots', 'lead-sheet.png'));
      expect(pdfText(pdf)).toContain(`Trip number: ${trip.tripNumber ?? ''}`);
    });
  },
);
