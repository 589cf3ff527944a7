/**
 * Filing with CBP from the trip editor, in real Chromium, against two real processes:
 * `emanifest serve` delivering through CBP_TRANSPORT=simulator and `emanifest cbp-simulator`.
 * A dispatcher syncs a trip, sees it transmitted and accepted, moves the simulator's clock on
 * until a shipment is released, downloads a raw interchange, and finds the arrived trip can no
 * longer be cancelled or re-keyed; on a second trip, still accepted, confirms a re-key after
 * changing the trip number and cancels the filing. A viewer sees the status without the buttons.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aShipment, aTrip } from '../builders.js';
import { startSimulatorProcess, type SimulatorProcess } from '../cbp-simulator-process.js';
import {
  anInvitedMember,
  apiCall,
  apiSignIn,
  aTripToFile,
  type Browser,
  chromiumMissing,
  DEMO_VIEWER,
  goToPage,
  openBrowser,
  screenshot,
  seriousA11yViolations,
  type Service,
  startService,
} from './browser-harness.js';

// The signed-out session probe answers 401 by design; the first sync after the trip number
// changed answers 409 (the re-key to confirm), and a re-key of an arrived trip 409 too, which
// Chromium logs as failed requests.
const EXPECTED_FAILURES = [/\/api\/v1\/session$/, /\/sync$/];
const TRIP_NUMBER = 'DEMO2099000001';
/** The last shipment of the long trip, which CBP rejects. */
const REJECTED_SCN = 'DEMO2099100200';

describe.skipIf(chromiumMissing)('Filing with CBP on the trip editor', { timeout: 180_000 }, () => {
  let dir: string;
  let simulator: SimulatorProcess;
  let service: Service;
  let admin: { cookie: string; csrfToken: string };
  let tripId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'e2e-filing-'));
    // CBP has the long trip's last SCN on file already (another filer's): it rejects that one.
    const scenario = join(dir, 'scenario.json');
    writeFileSync(scenario, JSON.stringify({ shipmentsOnFile: [REJECTED_SCN] }));
    simulator = await startSimulatorProcess({ data: join(dir, 'cbp'), scenario });
    service = await startService({
      CBP_TRANSPORT: 'simulator',
      CBP_SIMULATOR_URL: simulator.url,
      CBP_POLL_INTERVAL: '1',
    });
    admin = await apiSignIn(service, service.email, service.password);
    tripId = await aTripToFile(service, admin, TRIP_NUMBER);
    await anInvitedMember(service, admin, DEMO_VIEWER);
  }, 60_000);

  afterAll(async () => {
    await service.stop();
    await simulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The trip's filing status as the API answers it. */
  async function filingView(id: string): Promise<{
    trip: { status: string; updatedAt: string | null };
    shipments: { status: string }[];
    transmissions: { state: string }[];
  }> {
    const response = await apiCall(service, admin, 'GET', `/trips/${id}/filing`);
    expect(response.status).toBe(200);
    return (await response.json()) as Awaited<ReturnType<typeof filingView>>;
  }

  /** Saves the trip under a new number through the API, as a colleague's edit would. */
  async function renumber(id: string, tripNumber: string): Promise<void> {
    const read = (await (await apiCall(service, admin, 'GET', `/trips/${id}`)).json()) as {
      version: number;
      document: Record<string, unknown>;
    };
    const saved = await fetch(`${service.url}/api/v1/trips/${id}`, {
      method: 'PUT',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
        'if-match': `"${String(read.version)}"`,
      },
      body: JSON.stringify({ ...read.document, tripNumber }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
  }

  async function signIn(browser: Browser, email: string, password: string, path: string) {
    const { page } = browser;
    await page.goto(`${service.url}${path}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('syncs a trip, follows it to released, downloads an interchange, re-keys and cancels', async () => {
    const browser = await openBrowser(EXPECTED_FAILURES);
    const { page } = browser;
    try {
      await signIn(browser, service.email, service.password, `/trips/${tripId}`);
      const panel = page.getByRole('region', { name: 'Filing with CBP' });
      const tripStatus = panel.getByRole('group', { name: "The trip's filing status" });
      await tripStatus.getByText('Draft').waitFor();
      await panel.getByText('Nothing has been sent to CBP yet.').waitFor();
      // The trip's shipment is listed from the first paint, before anything changes.
      const draftRow = panel
        .getByRole('table', { name: 'Shipments at CBP' })
        .getByRole('row')
        .filter({ hasText: 'DEMO2099000001' });
      await draftRow.getByText('Draft').waitFor({ timeout: 5_000 });

      await panel.getByRole('button', { name: 'Sync with CBP' }).click();
      await page
        .getByText(/messages? (is|are) on (its|their) way to CBP/)
        .first()
        .waitFor();
      // The service's loop delivers within a second and reads CBP's answer the next round;
      // the panel refreshes itself while the trip is in flight (no reload here).
      await tripStatus.getByText('Accepted').waitFor({ timeout: 60_000 });
      const history = panel.getByRole('list', { name: 'Filing history' });
      await history.getByText('Transmitted').first().waitFor();
      await history.getByText('Accepted').first().waitFor();
      // When, with the zone named, as the app's other times.
      expect(await history.getByRole('listitem').first().innerText()).toMatch(
        /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ · /,
      );

      // CBP's later statuses come on the simulator's clock: 65 simulated minutes to release.
      await simulator.advance(70);
      const shipments = panel.getByRole('table', { name: 'Shipments at CBP' });
      const row = shipments.getByRole('row').filter({ hasText: 'DEMO2099000001' });
      await row.getByText('Released').waitFor({ timeout: 60_000 });
      await history.getByText('Arrived').first().waitFor();
      // The trips list says it too, beside the demo trip that was never sent.
      await goToPage(page, 'Trips', 'Trips');
      const trips = page.getByRole('table', { name: 'Trips' });
      const filedRow = trips.getByRole('row').filter({ hasText: TRIP_NUMBER });
      await filedRow.getByText('Arrived').waitFor();
      // Its own status is Filed, the other's still Draft.
      expect((await filedRow.getByRole('cell').first().innerText()).trim()).toBe('Filed');
      const demoRow = trips.getByRole('row').filter({ hasText: 'DEMO000001' });
      await demoRow.getByText('Not sent').waitFor();
      expect((await demoRow.getByRole('cell').first().innerText()).trim()).toBe('Draft');
      await trips.getByRole('link', { name: TRIP_NUMBER }).click();
      await tripStatus.getByText('Arrived').waitFor();
      // Newest first: the first thing that happened, the trip's transmission, comes last.
      expect(await history.getByRole('listitem').last().innerText()).toMatch(
        /Trip · Sent to CBP: 3(09|58) #\d+ \(\w+\)\s+Transmitted/i,
      );
      // CBP's receipts (997) are receipts, not a status; the shipment's acceptance, answered by
      // the 309's 355 and repeated by the 358's, is listed once.
      const receipts = history
        .getByRole('listitem')
        .filter({ hasText: /Trip · CBP received interchange #\d+ \(997\)/ });
      expect(await receipts.count()).toBeGreaterThan(0);
      expect(await receipts.filter({ hasText: 'Transmitted' }).count()).toBe(0);
      expect(
        await history
          .getByRole('listitem')
          .filter({ hasText: 'DEMO2099000001 · CBP answered (355)' })
          .filter({ hasText: 'Accepted' })
          .count(),
      ).toBe(1);

      expect(await seriousA11yViolations(page)).toEqual([]);
      // Tall enough for the whole panel, scrolled to sit under the page's fixed header.
      await page.setViewportSize({ width: 1280, height: 1500 });
      // A string: run in the page (the tests' TypeScript has no DOM types).
      await panel.evaluate(
        '(element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 90)',
      );
      await screenshot(page, 'trip-filing', true, panel);
      await page.setViewportSize({ width: 1280, height: 800 });

      // The history's entries link to the interchange they came from (the newest: a 350).
      const entryLink = history.getByRole('link', { name: 'The interchange (X12)' }).first();
      const answer = await page.request.get(
        `${service.url}${(await entryLink.getAttribute('href')) ?? ''}`,
      );
      expect(answer.status()).toBe(200);
      expect(await answer.text()).toMatch(/^ISA[\s\S]*ST\*350\*/);

      // The first 309 sent, byte for byte.
      const downloading = page.waitForEvent('download');
      await panel.getByRole('link', { name: /^Download Sent 309 #0*1$/ }).click();
      const download = await downloading;
      const x12 = readFileSync(await download.path(), 'utf8');
      expect(x12.startsWith('ISA')).toBe(true);
      expect(x12).toContain('ST*309*');
      expect(x12).toContain('DEMO2099000001');
      expect(download.suggestedFilename()).toMatch(/^out-309-.*\.x12$/);

      // Arrived: CBP takes no cancel any more, so none is offered, and a re-key is refused.
      expect(await panel.getByRole('button', { name: 'Cancel filing' }).count()).toBe(0);
      await panel
        .getByText('CBP reported the trip arrived: its filing can no longer be cancelled.')
        .waitFor();
      await renumber(tripId, 'DEMO2099000009');
      await panel.getByRole('button', { name: 'Sync with CBP' }).click();
      const late = page.getByRole('dialog', { name: 'Re-key the trip at CBP?' });
      await late.getByRole('button', { name: 'Cancel and re-file' }).click();
      await late.waitFor({ state: 'detached' });
      await panel
        .getByText(/CBP takes no cancel, re-key or change once the truck has arrived/)
        .waitFor();
      await tripStatus.getByText('Arrived').waitFor();

      // Another trip, accepted and not yet arrived: a new trip number asks for the re-key to
      // be confirmed, and the filing can be cancelled.
      const second = await aTripToFile(service, admin, 'DEMO2099000004');
      await page.goto(`${service.url}/trips/${second}`);
      await panel.getByRole('button', { name: 'Sync with CBP' }).click();
      await tripStatus.getByText('Accepted').waitFor({ timeout: 60_000 });
      const acceptedFirst = (await filingView(second)).trip.updatedAt;
      await renumber(second, 'DEMO2099000002');
      await panel.getByRole('button', { name: 'Sync with CBP' }).click();
      const rekey = page.getByRole('dialog', { name: 'Re-key the trip at CBP?' });
      await rekey
        .getByText(/we cancel the trip and its\s+shipments at CBP and file them again/)
        .waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await rekey.getByRole('button', { name: 'Cancel and re-file' }).click();
      await rekey.waitFor({ state: 'detached' });
      await page
        .getByText(/messages are on their way to CBP/)
        .first()
        .waitFor();
      // CBP answers the re-key (the trip accepted again under its new number) before the
      // filing is cancelled: until then a cancel is refused, CBP not having answered
      // (FILING_IN_PROGRESS), and the panel may still show the first acceptance for a moment.
      await expect
        .poll(
          async () => {
            const view = await filingView(second);
            return (
              view.trip.status === 'accepted' &&
              view.trip.updatedAt !== acceptedFirst &&
              !view.shipments.some((shipment) => shipment.status === 'transmitted') &&
              !view.transmissions.some((transmission) => transmission.state === 'pending')
            );
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      await tripStatus.getByText('Accepted').waitFor({ timeout: 60_000 });

      // Cancel filing, after its confirmation.
      await panel.getByRole('button', { name: 'Cancel filing' }).click();
      const cancel = page.getByRole('dialog', { name: 'Cancel the filing at CBP?' });
      await cancel.getByRole('button', { name: 'Cancel filing' }).click();
      await tripStatus.getByText('Cancelled').waitFor({ timeout: 60_000 });
      await shipments
        .getByRole('row')
        .filter({ hasText: 'DEMO2099000004' })
        .getByText('Deleted at CBP')
        .waitFor();
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('lists the latest entries of a long history and the earlier ones on request, and the shipments a page at a time', async () => {
    // 520 shipments: each transmitted, then accepted by the 309's answer and the 358's; more
    // than the status view's first page of 500.
    const eta = new Date(Date.now() + 48 * 3_600_000).toISOString().slice(0, 10);
    const created = await apiCall(
      service,
      admin,
      'POST',
      '/trips',
      aTrip({
        tripNumber: 'DEMO2099000005',
        estimatedArrivalDateTime: `${eta} 12:00:00`,
        shipments: Array.from({ length: 520 }, (_, i) =>
          aShipment({ shipmentControlNumber: `DEMO2099${String(100_001 + i)}` }),
        ),
      }),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const long = ((await created.json()) as { trip: { id: string } }).trip.id;
    const synced = await apiCall(service, admin, 'POST', `/trips/${long}/sync`, {});
    expect(synced.status, await synced.clone().text()).toBe(202);
    type View = { trip: { status: string }; historyTotal: number; history: unknown[] };
    let view: View | undefined;
    for (let tries = 0; tries < 120; tries += 1) {
      view = (await (await apiCall(service, admin, 'GET', `/trips/${long}/filing`)).json()) as View;
      if (view.trip.status === 'accepted' && view.historyTotal > 1_560) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(view?.trip.status).toBe('accepted');
    expect(view?.history).toHaveLength(500);
    const total = new Intl.NumberFormat('en-US').format(view?.historyTotal ?? 0);

    const browser = await openBrowser(EXPECTED_FAILURES);
    const { page } = browser;
    try {
      await signIn(browser, service.email, service.password, `/trips/${long}`);
      const panel = page.getByRole('region', { name: 'Filing with CBP' });
      const history = panel.getByRole('list', { name: 'Filing history' });
      await panel.getByText(`The latest 500 of ${total} entries.`).waitFor();
      // The trip's first transmission is older than the latest 500.
      const first = /Trip · Sent to CBP: 309 #\d+ \(preliminary\)/;
      expect(await history.getByRole('listitem').filter({ hasText: first }).count()).toBe(0);
      // A page of 500 more per click, until the first entry is reached and the button goes.
      const earlier = panel.getByRole('button', { name: 'Show earlier entries' });
      await expect
        .poll(
          async () => {
            if ((await earlier.count()) > 0 && (await earlier.isEnabled())) await earlier.click();
            return history.getByRole('listitem').last().filter({ hasText: first }).count();
          },
          { timeout: 30_000 },
        )
        .toBe(1);
      await expect.poll(() => earlier.count()).toBe(0);
      // The one shipment CBP rejected, found among 520 by its status.
      const shipments = panel.getByRole('table', { name: 'Shipments at CBP' });
      await panel.getByLabel('Show shipments').selectOption({ label: 'Rejected (1)' });
      await shipments.getByRole('row').filter({ hasText: REJECTED_SCN }).waitFor();
      expect(await shipments.getByRole('row').filter({ hasText: 'DEMO2099100001' }).count()).toBe(
        0,
      );
      await panel.getByLabel('Show shipments').selectOption({ label: 'All (520)' });
      await shipments.getByRole('row').filter({ hasText: 'DEMO2099100001' }).waitFor();
      // The view carries the first 500; scrolled to their end, the table reads the next page.
      expect(await shipments.getAttribute('aria-rowcount')).toBe('521');
      const scroller = panel.getByRole('region', { name: 'Shipments at CBP, scrollable' });
      await expect
        .poll(
          async () => {
            await scroller.evaluate((element: { scrollTop: number; scrollHeight: number }) => {
              element.scrollTop = element.scrollHeight;
            });
            return shipments.getByRole('row').filter({ hasText: 'DEMO2099100520' }).count();
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('says why nothing was sent when the trip has problems, and links to them', async () => {
    // A trip without a driver or shipments: a draft the rules refuse to file.
    const created = await apiCall(
      service,
      admin,
      'POST',
      '/trips',
      aTrip({ tripNumber: 'DEMO2099000003', drivers: [], shipments: [] }),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const draft = ((await created.json()) as { trip: { id: string } }).trip.id;
    const browser = await openBrowser(EXPECTED_FAILURES);
    const { page } = browser;
    try {
      // The filing status held back until the refusal is on screen: a dispatcher may click
      // Sync before the status arrives, and the refusal must stay when it does.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(/\/api\/v1\/trips\/[^/]+\/filing$/, async (route) => {
        await held;
        await route.continue();
      });
      await signIn(browser, service.email, service.password, `/trips/${draft}`);
      const panel = page.getByRole('region', { name: 'Filing with CBP' });
      await panel.getByRole('button', { name: 'Sync with CBP' }).click();
      const refusal = panel.getByRole('alert').filter({ hasText: 'Nothing was sent to CBP' });
      await refusal.waitFor();
      release();
      await panel
        .getByRole('group', { name: "The trip's filing status" })
        .getByText('Draft')
        .waitFor();
      expect(await refusal.count()).toBe(1);
      await refusal.getByRole('link', { name: 'see the problems in this trip' }).click();
      await page.waitForURL(/#trip-problems$/);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a viewer the filing status without Sync or Cancel', async () => {
    const browser = await openBrowser(EXPECTED_FAILURES);
    const { page } = browser;
    try {
      await signIn(browser, DEMO_VIEWER.email, DEMO_VIEWER.password, `/trips/${tripId}`);
      const panel = page.getByRole('region', { name: 'Filing with CBP' });
      await panel.getByRole('table', { name: 'Interchanges with CBP' }).waitFor();
      expect(await panel.getByRole('button').count()).toBe(0);
      const paperwork = page.getByRole('region', { name: 'Paperwork' });
      await paperwork.getByRole('link', { name: 'Print the lead sheet' }).waitFor();
      expect(
        await paperwork.getByRole('button', { name: /E-mail|driver's page link/ }).count(),
      ).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
