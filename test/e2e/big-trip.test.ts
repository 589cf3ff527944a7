/**
 * A 10,000-shipment trip in real Chromium (docs/web-app.md, big trips): imported in one
 * request (`POST /api/v1/imports`, the way a carrier's system sends a trip), listed on the
 * trips page with its counts (the errors counted in the background), opened in the trip editor and scrolled to its last shipment;
 * a problem in a shipment not loaded yet is reported from the server's check with a link to
 * its shipment; the trip's own fields still answer typing with live validation once every
 * shipment is loaded. No console error anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigTripDocument, bigTripScn } from './big-trip-document.js';
import {
  apiCall,
  apiSignIn,
  chromiumMissing,
  openBrowser,
  screenshot,
  startService,
  type Service,
} from './browser-harness.js';

const SHIPMENTS = 10_000;
const TRIP_NUMBER = 'DEMOBIG00001';
const SESSION_PROBE = [/\/api\/v1\/session$/];
/** A shipment far past the first page, with a province of loading no country has. */
const WRONG = 8_000;

describe.skipIf(chromiumMissing)('a 10,000-shipment trip in Chromium', { timeout: 300_000 }, () => {
  let service: Service;
  let tripId: string;
  let admin: Awaited<ReturnType<typeof apiSignIn>>;

  beforeAll(async () => {
    service = await startService();
    const eta = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const document = bigTripDocument(TRIP_NUMBER, SHIPMENTS, `${eta} 12:00:00`);
    const wrong = document.shipments?.[WRONG];
    if (wrong !== undefined) wrong.provinceOfLoading = 'ZZ';
    admin = await apiSignIn(service, service.email, service.password);
    const imported = await apiCall(service, admin, 'POST', '/imports', document);
    expect(imported.status, (await imported.clone().text()).slice(0, 500)).toBe(201);
    const body = (await imported.json()) as { trip: { id: string }; shipments: unknown[] };
    expect(body.shipments).toHaveLength(SHIPMENTS);
    tripId = body.trip.id;
  }, 120_000);

  afterAll(async () => {
    await service.stop();
  });

  it('lists the trip, opens it, and scrolls the shipments list to the last shipment', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await page.goto(service.url);
      await page.getByLabel('E-mail').fill(service.email);
      await page.getByLabel(/^Password/).fill(service.password);
      await page.getByRole('button', { name: 'Sign in' }).click();

      // The trips list counts the trip's 10,000 shipments.
      const row = page.getByRole('row').filter({ hasText: TRIP_NUMBER });
      await row.waitFor();
      expect(await row.innerText()).toContain('10000');
      // Its errors are counted in the background ("counting…" until then): the list asks again
      // by itself until the count is there.
      await expect
        .poll(async () => row.getByText('counting…').count(), { timeout: 30_000 })
        .toBe(0);
      expect(await row.innerText()).toMatch(/10000\s+\d+/);

      await page.getByRole('link', { name: TRIP_NUMBER }).click();
      await page.getByRole('heading', { name: `Trip ${TRIP_NUMBER}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/trips/${tripId}`);
      const list = page.getByRole('list', { name: 'Shipments of the trip' });
      await list.getByText(bigTripScn(0), { exact: true }).waitFor();
      // Virtualised: a handful of rows in the page, whatever the trip's size.
      expect(await list.getByRole('listitem').count()).toBeLessThan(40);

      // Shipment 8,001 is not loaded yet: the server's check of the saved trip reports its
      // problem, linked to its own page.
      const notLoaded = page.getByRole('list', {
        name: 'Problems in the shipments not loaded yet',
      });
      const problem = notLoaded.getByRole('link', { name: /"ZZ" is not a state or province/ });
      await problem.waitFor();
      await screenshot(
        page,
        'trip-big-problems',
        true,
        page.getByRole('region', { name: 'Problems in this trip' }),
      );
      const href = (await problem.getAttribute('href')) ?? '';
      const shipmentId = /^\/shipments\/([^/#]+)#/.exec(href)?.[1] ?? '';
      const linked = await apiCall(service, admin, 'GET', `/shipments/${shipmentId}`);
      expect(
        ((await linked.json()) as { shipment: { shipmentControlNumber: string } }).shipment,
      ).toMatchObject({ shipmentControlNumber: bigTripScn(WRONG) });

      // End pressed in the list (keyboard-reachable), again as pages arrive: each press goes
      // to the end of what is loaded, where the next page is asked for.
      const scroller = page.getByLabel('Shipments of the trip, scrollable');
      await scroller.focus();
      const last = list.getByText(bigTripScn(SHIPMENTS - 1), { exact: true });
      // The loop looks for the last row by the list's CSS name, not its role: a role query
      // walks the whole page, and the filing panel below holds a row per shipment (61,000
      // elements), so each look cost Chromium about 0.15 s, most of this test's CPU. The
      // assertions below find it by role.
      const lastInList = page
        .locator('ul[aria-label="Shipments of the trip"]')
        .getByText(bigTripScn(SHIPMENTS - 1), { exact: true });
      for (let i = 0; i < 400 && !(await lastInList.isVisible()); i++) {
        await page.keyboard.press('End');
        await page.waitForTimeout(100);
      }
      await last.waitFor();
      expect(await last.isVisible()).toBe(true);
      await page.getByText(`${String(SHIPMENTS)} shipments loaded`, { exact: true }).waitFor();
      expect(await list.getByRole('listitem').count()).toBeLessThan(40);
      await list
        .getByText(`Big Trip Shipper ${String(SHIPMENTS)} → Great Lakes Grocers Inc`)
        .waitFor();

      // With every shipment loaded, the trip's own fields still answer typing, and the rule
      // engine (in its worker, over the whole trip) flags a trip number of another carrier.
      const tripNumber = page.getByLabel('Trip number', { exact: true });
      await tripNumber.fill('');
      await tripNumber.pressSequentially('XXXX123', { delay: 20 });
      expect(await tripNumber.inputValue()).toBe('XXXX123');
      await page
        .getByRole('list', { name: 'Problems in this trip' })
        .getByText(/does not start with the carrier/)
        .first()
        .waitFor({ timeout: 60_000 });
      // Loaded now, the shipment's problem is in the browser's own check, and the server's
      // section is gone.
      await page
        .getByRole('list', { name: 'Problems in this trip' })
        .getByRole('link', { name: /"ZZ" is not a state or province/ })
        .waitFor();
      expect(await notLoaded.count()).toBe(0);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
