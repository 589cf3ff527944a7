/**
 * Fields and lists as a dispatcher types in and reads them, in real Chromium (docs/web-app.md):
 * pick-lists chosen with the keyboard (Enter and Tab choose; Enter in an open list never
 * submits the form), a rule's warning told apart from an error, codes typed in lower case,
 * the trips list's At CBP badges whole at 1280 and 768 px, a very long address-book name, and
 * no second address-book entry offered for a quick-assigned party.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  anInvitedMember,
  apiSignIn,
  goToPage,
  chromiumMissing,
  expectNoSeriousA11yViolations,
  openBrowser,
  type ApiSession,
  type Service,
  signInToTrips,
  startService,
  theDemoTrip,
} from './browser-harness.js';

const SESSION_PROBE = [/\/api\/v1\/session$/];
const DISPATCHER = {
  email: 'dispatcher@demo.example',
  displayName: 'Dan Dispatcher',
  password: 'a long dispatcher password',
};

/** The few properties of a page's element the tests read (they are typed without the DOM). */
interface Box {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly textContent: string | null;
  getBoundingClientRect(): { readonly right: number };
}

describe.skipIf(chromiumMissing)('fields typed in Chromium', { timeout: 120_000 }, () => {
  let service: Service;
  let admin: ApiSession;

  beforeAll(async () => {
    service = await startService();
    admin = await apiSignIn(service, service.email, service.password);
    // Sign-in allows 5 attempts a minute per e-mail: half the tests sign in as a dispatcher.
    await anInvitedMember(service, admin, { ...DISPATCHER, role: 'dispatcher' });
  }, 60_000);
  afterAll(async () => {
    await service.stop();
  });

  it('chooses a pick-list option with Enter or Tab and never submits the form from an open list', async () => {
    const demo = await theDemoTrip(service, admin);
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, service.email, service.password);
      await page.goto(`${service.url}/trips/${demo.id}`);
      const port = page.getByRole('combobox', { name: 'Port of arrival' });
      await expect.poll(() => port.inputValue()).toMatch(/^Buffalo/);
      await port.clear();
      await port.fill('Windsor');
      await page.getByRole('option', { name: /^Detroit, MI \(3801\)/ }).waitFor();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect.poll(() => port.inputValue()).toMatch(/^Detroit, MI \(3801\) — Windsor, ON/);
      // Not saved by the Enter: the editor still holds a change to save.
      await page.getByRole('button', { name: 'Save trip' }).waitFor();
      expect(await page.getByText('Trip saved').count()).toBe(0);
      // A day the calendar does not have (February 30) is said under the field, in words.
      await page.getByLabel(/^ETA date/).focus();
      await page.keyboard.type('02302026');
      await page.getByText('This date does not exist: check the day and the month.').waitFor();

      await page.goto(`${service.url}/shipments/new`);
      const province = page.getByRole('combobox', { name: 'Province of Loading' });
      await province.fill('ON');
      await page.getByRole('option', { name: 'Ontario (ON)' }).waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => province.inputValue()).toBe('Ontario (ON)');
      expect(new URL(page.url()).pathname).toBe('/shipments/new');
      // Tab with one match typed chooses it too.
      await province.clear();
      await province.fill('Ontario');
      await page.getByRole('option', { name: 'Ontario (ON)' }).waitFor();
      await page.keyboard.press('Tab');
      await expect.poll(() => province.inputValue()).toBe('Ontario (ON)');
      // Enter with nothing matching stays in the list: no shipment is created.
      await province.clear();
      await province.fill('Zzz');
      await page.keyboard.press('Enter');
      expect(new URL(page.url()).pathname).toBe('/shipments/new');
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a warning under its field unlike an error: amber, "Warning:", not aria-invalid', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, service.email, service.password);
      await page.goto(`${service.url}/shipments/new`);
      const name = page
        .getByRole('group', { name: 'Shipper' })
        .getByLabel('Shipper name', { exact: true });
      // CBP's N1 name holds 60 characters: longer is a warning (cut off), not an error.
      await name.fill(`Maple Leaf Mills Limited ${'Export Division '.repeat(3)}`);
      const warning = page.getByText(/^Warning: .*60 characters/);
      await warning.waitFor();
      expect(await name.getAttribute('aria-invalid')).toBe(null);
      type Styles = { getComputedStyle(element: unknown): { color: string } };
      const colour = await warning.evaluate(
        (element) => (globalThis as unknown as Styles).getComputedStyle(element).color,
      );
      // Not the errors' red 9 (rgb(201, 42, 42)).
      expect(colour).toMatch(/^(rgb|color)\(/);
      expect(colour).not.toBe('rgb(201, 42, 42)');
      await expectNoSeriousA11yViolations(page);
      // An error keeps the red and aria-invalid.
      const scn = page.getByLabel('Shipment Control Number', { exact: true });
      await scn.fill('XYZ1');
      await expect.poll(() => scn.getAttribute('aria-invalid')).toBe('true');
      // Accents CBP's EDI cannot carry: a warning with the text as it will be sent.
      await name.fill('Érablière Côté');
      await page
        .getByRole('form', { name: 'Shipment' })
        .getByText(
          'Warning: "Érablière Côté" has characters the CBP EDI cannot carry (É è ô é); it will be sent as "Erabliere Cote".',
        )
        .waitFor();
      // A word of 300 characters wraps in the problems list instead of widening the page.
      await name.fill('x'.repeat(300));
      await page
        .getByText(/Name has 300 characters/)
        .first()
        .waitFor();
      type Root = { documentElement: { scrollWidth: number }; innerWidth: number };
      const widths = await page.evaluate(() => {
        const root = globalThis as unknown as Root & { document: Root };
        return [root.document.documentElement.scrollWidth, root.innerWidth];
      });
      expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
      // The quick-assign search takes what the API's search does.
      expect(
        await page
          .getByRole('combobox', { name: 'Quick Assign Shipper' })
          .getAttribute('maxlength'),
      ).toBe('200');
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('takes codes typed in lower case as capitals: countries, postal codes', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, service.email, service.password);
      await page.goto(`${service.url}/shipments/new`);
      const shipper = page.getByRole('group', { name: 'Shipper' });
      const country = shipper.getByLabel('Shipper country', { exact: true });
      await country.pressSequentially('ca');
      expect(await country.inputValue()).toBe('CA');
      // "C" alone was checked as typed; the check of "CA" (in the rule engine's worker) clears it.
      await expect.poll(() => page.getByText(/not an ISO 3166-1 alpha-2 code/).count()).toBe(0);

      // The address book's form (a Mantine form, not a draft) the same way.
      await page.goto(`${service.url}/address-book`);
      await page.getByRole('button', { name: 'Add to address book' }).click();
      const dialog = page.getByRole('dialog');
      const postal = dialog.getByLabel('Postal code', { exact: true });
      await postal.pressSequentially('h2x1y4');
      expect(await postal.inputValue()).toBe('H2X1Y4');
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("fits the trips list's At CBP badges whole on a laptop and a tablet", async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      // The demo trips were never sent: the list answers as if the first were filed, cancelled
      // and two of its shipments rejected, the longest words the column shows.
      await page.route(/\/api\/v1\/trips(\?|$)/, async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { items: { cbp: unknown }[] };
        const first = body.items[0];
        if (first !== undefined) first.cbp = { status: 'deleted', rejectedShipments: 12 };
        await route.fulfill({ response, json: body });
      });
      await signInToTrips(service, browser, DISPATCHER.email, DISPATCHER.password);
      const badges = page.getByRole('table', { name: 'Trips' }).locator('.mantine-Badge-label');
      await page.getByText('Deleted at CBP').waitFor();
      for (const width of [1280, 768]) {
        await page.setViewportSize({ width, height: 900 });
        // Each badge's words are drawn whole: nothing cut off behind an ellipsis.
        const cut = await badges.evaluateAll((labels: Box[]) =>
          labels
            .filter((label) => label.scrollWidth > label.clientWidth)
            .map((label) => label.textContent),
        );
        expect(cut, `at ${String(width)} px`).toEqual([]);
      }
      // And on a laptop the table still fits whole, nothing to scroll sideways.
      await page.setViewportSize({ width: 1280, height: 900 });
      const table = page.getByRole('table', { name: 'Trips' });
      const right = await table.evaluate((element: Box) => element.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(1280);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('keeps a very long address-book name inside the table and warns of the 60 CBP receives', async () => {
    const long = `Northern ${'X'.repeat(150)} Logistics and Warehousing Cooperative of the Great Lakes Region Ltd`;
    const created = await apiCall(service, admin, 'POST', '/parties', {
      kind: 'shipper',
      party: { name: long },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, DISPATCHER.email, DISPATCHER.password);
      await goToPage(page, 'Address book', 'Address book');
      const table = page.getByRole('table', { name: 'Address book' });
      await table.getByRole('rowheader', { name: /^Northern X+/ }).waitFor();
      const right = await table.evaluate((element: Box) => element.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(1280);

      await page.getByRole('button', { name: 'Add to address book' }).click();
      const name = page.getByRole('dialog').getByLabel(/^Name/);
      await name.fill(long);
      await page.getByText(/^Warning: longer than 60 characters/).waitFor();
      expect(await name.getAttribute('aria-invalid')).toBe(null);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('offers to save a quick-assigned shipper to the address book only once it was changed', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, DISPATCHER.email, DISPATCHER.password);
      await page.goto(`${service.url}/shipments/new`);
      const shipper = page.getByRole('group', { name: 'Shipper' });
      await shipper.getByRole('combobox', { name: 'Quick Assign Shipper' }).fill('Maple Leaf');
      await page.getByRole('option', { name: /^Maple Leaf Mills Ltd/ }).click();
      await shipper.getByText('This shipper is in the address book as it is.').waitFor();
      const save = shipper.getByRole('button', { name: 'Save this shipper to the address book' });
      expect(await save.count()).toBe(0);
      // Typed over, it is another party: saving it is offered again.
      await shipper.getByLabel('Shipper city', { exact: true }).fill('Tecumseh');
      await save.waitFor();
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
