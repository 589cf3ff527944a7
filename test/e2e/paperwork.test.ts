/**
 * The paperwork panel of the trips page in real Chromium: the day's lead sheets open as one
 * PDF with the session, and a dispatcher reserves SCNs and downloads their PAPS labels, which
 * ZBar reads back in sequence. The page stays free of serious accessibility violations.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePage, pdfText, pdfToolsMissing, valuesOf } from '../pdf-tools.js';
import {
  apiSignIn,
  chromiumMissing,
  openBrowser,
  seriousA11yViolations,
  signInWithForm,
  startService,
  theDemoTrip,
  type Service,
} from './browser-harness.js';

// The signed-out session probe answers 401 by design (docs/api.md).
const SESSION_PROBE = [/\/api\/v1\/session$/];

describe.skipIf(chromiumMissing || pdfToolsMissing)(
  'paperwork on the trips page',
  { timeout: 90_000 },
  () => {
    let service: Service;
    let tripNumber: string;
    let arrivalDate: string;

    beforeAll(async () => {
      service = await startService();
      const admin = await apiSignIn(service, service.email, service.password);
      const demo = await theDemoTrip(service, admin);
      tripNumber = demo.tripNumber;
      arrivalDate = demo.document.estimatedArrivalDateTime?.slice(0, 10) ?? '';
    }, 60_000);
    afterAll(async () => {
      await service.stop();
    });

    it("prints the day's lead sheets and reserves SCNs for PAPS labels", async () => {
      const browser = await openBrowser(SESSION_PROBE);
      const { page } = browser;
      try {
        await signInWithForm(service, browser, service.email, service.password);
        await page.getByRole('heading', { name: 'Paperwork' }).waitFor();

        await page.getByLabel('Arrival date (port-local)').fill(arrivalDate);
        const link = page.getByRole('link', { name: "Print the day's lead sheets" });
        const href = (await link.getAttribute('href')) ?? '';
        expect(href).toBe(`/api/v1/lead-sheets.pdf?date=${arrivalDate}`);
        // The browser's own session opens it (a GET needs no CSRF token).
        const sheets = await page.request.get(`${service.url}${href}`);
        expect(sheets.status()).toBe(200);
        expect(pdfText(new Uint8Array(await sheets.body()))).toContain(
          `Trip number: ${tripNumber}`,
        );

        await page.getByLabel('PAPS labels').fill('3');
        await page.getByRole('button', { name: 'Reserve SCNs and print labels' }).click();
        const status = page.getByRole('status').filter({ hasText: 'Reserved 3 SCNs' });
        await status.waitFor();
        const text = await status.innerText();
        const [, first = '', last = ''] = /Reserved 3 SCNs, (\S+) to (\S+):/.exec(text) ?? [];
        const downloading = page.waitForEvent('download');
        await page.getByRole('link', { name: /download the labels/ }).click();
        const download = await downloading;
        const pdf = new Uint8Array(readFileSync(await download.path()));
        const printed = valuesOf(decodePage(pdf), 'CODE-128');
        expect(printed).toHaveLength(3);
        expect([printed[0], printed[2]]).toEqual([first, last]);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(browser.errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  },
);
