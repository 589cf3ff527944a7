/**
 * The web app's first slice in real Chromium (docs/web-app.md): sign in to the demo company,
 * the trips list with the demo trip, search, sign out; a viewer sees no create actions; an
 * expired session asks to sign in again and keeps the page; the trips list pages; a user of two
 * companies switches between them. Every page is checked for console
 * errors and for serious or critical axe-core violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapCompany, randomIds, systemClock } from '../../src/app/index.js';
import { createSqlStore, openDatabase } from '../../src/storage/index.js';
import {
  anInvitedMember,
  apiCall,
  apiSignIn,
  chromiumMissing,
  DEMO_VIEWER,
  endSessionOnServer,
  openBrowser,
  screenshot,
  seriousA11yViolations,
  signInToTrips,
  startService,
  theDemoTrip,
  type Service,
} from './browser-harness.js';

// The signed-out session probe answers 401 by design (docs/api.md).
const SESSION_PROBE = [/\/api\/v1\/session$/];

// A browser start and a few page loads on a shared 2-core machine: more than the default 20 s.
describe.skipIf(chromiumMissing)('web app in Chromium', { timeout: 90_000 }, () => {
  let service: Service;
  let demoTripNumber: string;
  let demoScn: string;
  // Sign-in is limited to 5 attempts a minute per address and e-mail: one API session serves
  // every set-up step.
  let admin: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    service = await startService();
    admin = await apiSignIn(service, service.email, service.password);
    const demo = await theDemoTrip(service, admin);
    demoTripNumber = demo.tripNumber;
    const shipments = (await (
      await apiCall(service, admin, 'GET', `/trips/${demo.id}/shipments`)
    ).json()) as { items: { shipment: { shipmentControlNumber: string } }[] };
    demoScn = shipments.items[0]?.shipment.shipmentControlNumber ?? '';
    // Members join by invitation: the admin invites, the invitee accepts with the token.
    await anInvitedMember(service, admin, DEMO_VIEWER);
  }, 60_000);
  afterAll(async () => {
    await service.stop();
  });

  /** A carrier of its own with its admin, on the service's database (as `emanifest company create` makes one). */
  async function aCarrierOfItsOwn(
    company: { name: string; scac: string },
    admin: { email: string; password: string; displayName: string },
  ): Promise<void> {
    const db = openDatabase({ sqlitePath: service.sqlitePath });
    try {
      await bootstrapCompany(
        { store: createSqlStore(db), clock: systemClock, ids: randomIds },
        { company, admin },
      );
    } finally {
      await db.destroy();
    }
  }

  it('signs in to the demo company, lists and searches trips, and signs out', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await page.goto(`${service.url}/`);
      // Signed out, `/` leads to the sign-in page.
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'sign-in', true);

      // Empty fields and a wrong password are explained in words.
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Enter the e-mail address you sign in with.').waitFor();
      await page.getByLabel('E-mail').fill(service.email);
      await page.getByLabel(/^Password/).fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('That e-mail and password do not match an account').waitFor();

      await page.getByLabel(/^Password/).fill(service.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Trips', exact: true }).waitFor();
      const table = page.getByRole('table', { name: 'Trips' });
      const demoRow = table.getByRole('row').filter({ hasText: demoTripNumber });
      await demoRow.waitFor();
      // The columns a dispatcher scans: where CBP stands, port, port-local ETA with its zone,
      // driver, plate, counts.
      const cells = await demoRow.getByRole('cell').allInnerTexts();
      expect(cells).toEqual([
        'Draft',
        'Not sent',
        'Buffalo-Niagara Falls, NY (0901)',
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} 12:00 E[SD]T$/),
        'Jean Tremblay',
        'AB12345 (ON, CA)',
        '1',
        '0',
        'Copy trip\nSave as template',
      ]);
      await page.getByRole('button', { name: 'Start New ACE Trip' }).waitFor();
      await page.getByRole('link', { name: 'Start New ACE Shipment' }).waitFor();
      await page.getByRole('region', { name: 'Unassociated shipments' }).waitFor();
      // At 1280 px the whole table shows, row actions included: nothing to scroll sideways.
      const tripsTable = page.getByRole('region', { name: 'Trips table' });
      expect(
        await tripsTable.evaluate(
          (scroller: { scrollWidth: number; clientWidth: number }) =>
            scroller.scrollWidth - scroller.clientWidth,
        ),
      ).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'trips', true);

      // Search by the demo shipment's SCN, then by something no trip has.
      const search = page.getByRole('textbox', { name: 'Search' });
      await search.fill(demoScn.toLowerCase());
      await search.press('Enter');
      await demoRow.waitFor();
      await search.fill('no such trip anywhere');
      await search.press('Enter');
      await page.getByText('No trips match.').waitFor();
      await page.getByRole('button', { name: 'Clear' }).click();
      await demoRow.waitFor();

      // Filter by port of arrival: the demo trip arrives at Buffalo-Niagara Falls, not Detroit.
      const port = page.getByRole('combobox', { name: 'Port of arrival' });
      await port.fill('Detroit');
      await page.getByRole('option', { name: /^Detroit, MI/ }).click();
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('No trips match.').waitFor();
      await port.fill('Buffalo');
      await page.getByRole('option', { name: /^Buffalo-Niagara Falls/ }).click();
      await page.getByRole('button', { name: 'Search' }).click();
      await demoRow.waitFor();
      await page.getByRole('button', { name: 'Clear' }).click();

      // Filter by the trip's own status: what is left to file is the drafts (the demo trip).
      const status = page.getByRole('combobox', { name: 'Status' });
      await status.click();
      await page.getByRole('option', { name: 'Filed', exact: true }).click();
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('No trips match.').waitFor();
      await status.click();
      await page.getByRole('option', { name: 'Draft (not filed yet)' }).click();
      await page.getByRole('button', { name: 'Search' }).click();
      await demoRow.waitFor();
      await page.getByRole('button', { name: 'Clear' }).click();

      // The two actions a dispatcher starts with open their pages (test/e2e/editors.test.ts
      // walks through them): the trip editor on a new draft with the next trip number, and
      // the Start New ACE Shipment page.
      await page.getByRole('link', { name: 'Start New ACE Shipment' }).click();
      await page.getByRole('heading', { name: 'Start New ACE Shipment' }).waitFor();
      await page.getByRole('link', { name: '← Back to trips' }).click();
      await page.getByRole('button', { name: 'Start New ACE Trip' }).click();
      const heading = page.getByRole('heading', { name: /^Trip DEMO\d+/ });
      await heading.waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/trips\/.+/);
      const newTrip = /DEMO\d+/.exec(await heading.innerText())?.[0] ?? '';

      // Started by mistake: deleted from its editor, after a question that says what it keeps.
      await page.getByRole('button', { name: 'Delete trip' }).click();
      const confirm = page.getByRole('dialog', { name: `Delete trip ${newTrip}?` });
      await confirm.getByText('they move to the unassociated list').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await page.getByText(`Trip ${newTrip} is deleted`).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await table.getByRole('row').nth(1).waitFor();
      await expect.poll(() => table.getByRole('row').filter({ hasText: newTrip }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a viewer, signed in by keyboard on a tablet, the trips without the create actions', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.goto(`${service.url}/`);
      // Keyboard only: Tab to the e-mail field, Tab to the password, Enter submits.
      const email = page.getByLabel('E-mail');
      await email.waitFor();
      const emailId = await email.getAttribute('id');
      const focused = async () =>
        (await page.evaluate<string | undefined>('document.activeElement?.id')) === emailId;
      for (let presses = 0; presses < 10 && !(await focused()); presses++) {
        await page.keyboard.press('Tab');
      }
      expect(await focused()).toBe(true);
      await page.keyboard.type(DEMO_VIEWER.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_VIEWER.password);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Trips', exact: true }).waitFor();
      await page.getByRole('row').filter({ hasText: demoTripNumber }).waitFor();
      await page.getByText('Demo Carrier Inc (DEMO) · viewer').waitFor();
      expect(await page.getByRole('button', { name: /Start New ACE/ }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /Start New ACE/ }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'trips-tablet-viewer');
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('asks to sign in again when the session ends, keeping what is on the page', async () => {
    // The requests made after the session is deleted answer 401: that is the point.
    const browser = await openBrowser([/\/api\/v1\//]);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, service.email, service.password);
      const demoRow = page.getByRole('row').filter({ hasText: demoTripNumber });
      await demoRow.waitFor();

      // The session ends on the server (as when it expires or is signed out elsewhere).
      await endSessionOnServer(service, browser);

      const search = page.getByRole('textbox', { name: 'Search' });
      await search.fill(demoTripNumber);
      await search.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
      await dialog.waitFor();
      await dialog.getByText('nothing on this page is lost').waitFor();
      // Behind the dialog the page is as it was: the typed search and the rows shown.
      expect(await search.inputValue()).toBe(demoTripNumber);
      expect(await demoRow.count()).toBe(1);
      await screenshot(page, 'session-expired');

      expect(await dialog.getByLabel('E-mail').inputValue()).toBe(service.email);
      await dialog.getByLabel(/^Password/).fill(service.password);
      await dialog.getByRole('button', { name: 'Sign in' }).click();
      await dialog.waitFor({ state: 'detached' });
      await demoRow.waitFor();
      expect(await search.inputValue()).toBe(demoTripNumber);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('pages through a carrier’s trips, 25 at a time, and a new search starts at page 1', async () => {
    // A carrier of its own, so that the demo company's list stays as the other tests expect.
    const owner = { email: 'pager@example.com', password: 'a long pager password' };
    await aCarrierOfItsOwn(
      { name: 'Paging Lines', scac: 'PAGE' },
      { ...owner, displayName: 'Page Owner' },
    );
    const session = await apiSignIn(service, owner.email, owner.password);
    for (let n = 0; n < 26; n += 1) {
      const started = await apiCall(service, session, 'POST', '/trips', {
        data: 'ACE_TRIP',
        usPortOfArrival: '0901',
        shipments: [],
      });
      expect(started.status, await started.clone().text()).toBe(201);
    }
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, owner.email, owner.password);
      const rows = page.getByRole('table', { name: 'Trips' }).getByRole('row');
      // 25 trips and the header row.
      await expect.poll(() => rows.count()).toBe(26);
      await page.getByText('Page 1', { exact: true }).waitFor();
      const previous = page.getByRole('button', { name: 'Previous page' });
      expect(await previous.isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByText('Page 2', { exact: true }).waitFor();
      await expect.poll(() => rows.count()).toBe(2);
      expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
      await previous.click();
      await page.getByText('Page 1', { exact: true }).waitFor();
      await expect.poll(() => rows.count()).toBe(26);
      // From page 2, a search starts again at page 1 of its own results.
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByText('Page 2', { exact: true }).waitFor();
      const search = page.getByRole('textbox', { name: 'Search' });
      await search.fill('PAGE');
      await search.press('Enter');
      await page.getByText('Page 1', { exact: true }).waitFor();
      await expect.poll(() => rows.count()).toBe(26);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('lets a user of two companies switch between them', async () => {
    const provider = { email: 'provider@example.com', password: 'a long provider password' };
    await aCarrierOfItsOwn(
      { name: 'Northern Freight', scac: 'NRTH' },
      { ...provider, displayName: 'Pat Provider' },
    );
    // The demo carrier invites that person; they accept while signed in as themselves.
    const invited = await apiCall(service, admin, 'POST', '/invitations', {
      email: provider.email,
      role: 'dispatcher',
    });
    expect(invited.status, await invited.clone().text()).toBe(201);
    const { token } = (await invited.json()) as { token: string };
    const providerSession = await apiSignIn(service, provider.email, provider.password);
    const accepted = await apiCall(service, providerSession, 'POST', '/invitations/accept', {
      token,
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);

    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, provider.email, provider.password);
      const company = page.getByLabel('Company');
      await company.selectOption({ label: 'Northern Freight (NRTH) — admin' });
      await page.getByText('Northern Freight (NRTH) · admin').waitFor();
      // The carrier has no trips yet: nothing of the demo company's is on the page.
      await page.getByText('No trips match.').waitFor();
      await company.selectOption({ label: 'Demo Carrier Inc (DEMO) — dispatcher' });
      await page.getByText('Demo Carrier Inc (DEMO) · dispatcher').waitFor();
      await page.getByRole('row').filter({ hasText: demoTripNumber }).waitFor();
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
