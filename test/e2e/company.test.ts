/**
 * The Company page in real Chromium (docs/web-app.md): an admin renames the company (a blank
 * name refused where it is; another admin's save in between offered as a conflict, kept with
 * "Save mine over theirs"), sets the sender ID CBP assigned (one X12 cannot carry refused
 * before sending, another company's SCAC refused by the service under the field), and a viewer
 * sees it all read-only. Console errors and serious axe-core violations fail it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anInvitedMember,
  apiCall,
  apiSignIn,
  chromiumMissing,
  DEMO_VIEWER,
  openBrowser,
  seriousA11yViolations,
  signInToTrips,
  startService,
  type ApiSession,
  type Service,
  goToPage,
} from './browser-harness.js';

// The signed-out session probe answers 401 by design, the logo 404 while none is set; the
// refusals below answer 409.
const EXPECTED = [
  /\/api\/v1\/session$/,
  /\/api\/v1\/company$/,
  /\/api\/v1\/company\/edi-identity$/,
  /\/api\/v1\/company\/logo$/,
];

describe.skipIf(chromiumMissing)('the Company page in Chromium', { timeout: 120_000 }, () => {
  let service: Service;
  let admin: ApiSession;

  beforeAll(async () => {
    service = await startService();
    admin = await apiSignIn(service, service.email, service.password);
    await anInvitedMember(service, admin, { ...DEMO_VIEWER, role: 'viewer' });
    // A client company that has not filed yet: its SCAC is the sender ID it will claim.
    const other = await apiCall(service, admin, 'POST', '/companies', {
      name: 'Other Transport',
      scac: 'OTHR',
    });
    expect(other.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await service.stop();
  });

  it('lets an admin rename the company, keep theirs over a concurrent save, and set the sender ID', async () => {
    const browser = await openBrowser(EXPECTED);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, service.email, service.password);
      await goToPage(page, 'Company', 'Company settings');
      const name = page.getByLabel('Carrier name');
      await name.waitFor();
      const save = page.getByRole('button', { name: 'Save company settings' });

      await name.fill('  ');
      await save.click();
      await page.getByText('Give the carrier name.').waitFor();
      await name.fill('Demo Freight Lines');
      await save.click();
      await page.getByText('Company settings saved').waitFor();
      // The header, which reads the session, follows.
      await page.getByText('Demo Freight Lines (DEMO)').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Another admin saves in between: the form keeps what was typed and offers both ways.
      const current = await apiCall(service, admin, 'GET', '/company');
      const etag = current.headers.get('etag') ?? '';
      const theirs = await fetch(`${service.url}/api/v1/company`, {
        method: 'PATCH',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': 'application/json',
          'if-match': etag,
        },
        body: JSON.stringify({ name: 'Their Name Freight' }),
      });
      expect(theirs.status).toBe(200);
      await name.fill('Demo Freight Lines Ltd');
      await save.click();
      await page.getByText('The company was not saved').waitFor();
      expect(await name.inputValue()).toBe('Demo Freight Lines Ltd');
      const differences = page.getByRole('table', {
        name: 'What differs from the version saved now',
      });
      // Theirs is read after the refusal: wait for its row (allInnerTexts does not wait).
      const differing = differences.getByRole('row').nth(1);
      await differing.waitFor();
      expect(await differing.allInnerTexts()).toEqual([
        'Carrier name\tDemo Freight Lines Ltd\tTheir Name Freight',
      ]);
      await page.getByRole('button', { name: 'Save mine over theirs' }).click();
      await page.getByText('Demo Freight Lines Ltd (DEMO)').waitFor();
      const stored = await apiCall(service, admin, 'GET', '/company');
      expect(((await stored.json()) as { name: string }).name).toBe('Demo Freight Lines Ltd');

      const senderId = page.getByLabel('Sender ID (ISA06)');
      expect(await senderId.inputValue()).toBe('DEMO');
      const saveId = page.getByRole('button', { name: 'Save sender ID' });
      await senderId.fill('demo*cert');
      expect(await senderId.inputValue()).toBe('DEMO*CERT');
      await saveId.click();
      await page.getByText(/The sender ID contains characters outside X12's basic set/).waitFor();
      await senderId.fill('OTHR');
      await saveId.click();
      await page
        .getByText('Another company files or has filed under OTHR.', { exact: false })
        .waitFor();
      // Another admin sets one in between: the page's save is refused in words, the typed ID
      // is kept, and saving again is a choice made knowing theirs.
      const identity = await apiCall(service, admin, 'GET', '/company/edi-identity');
      const theirId = await fetch(`${service.url}/api/v1/company/edi-identity`, {
        method: 'PUT',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': 'application/json',
          'if-match': identity.headers.get('etag') ?? '',
        },
        body: JSON.stringify({ senderId: 'DEMO API' }),
      });
      expect(theirId.status).toBe(200);
      await senderId.fill('demo cert01');
      await saveId.click();
      await page.getByText(/The company was changed by someone else/).waitFor();
      expect(await senderId.inputValue()).toBe('DEMO CERT01');
      await saveId.click();
      await page.getByText('The next sync with CBP sends DEMO CERT01.').waitFor();

      // Test until CBP certifies the company; then production, from the next sync on.
      const test = page.getByRole('radio', { name: /^Test: CBP certification/ });
      const production = page.getByRole('radio', { name: /^Production: filed for real/ });
      expect(await test.isChecked()).toBe(true);
      await production.check();
      await page.getByRole('button', { name: 'File for real from the next sync' }).click();
      await page.getByText('From the next sync on, trips are filed with CBP for real.').waitFor();
      const saved = await apiCall(service, admin, 'GET', '/company/edi-identity');
      expect(((await saved.json()) as { filingMode: string }).filingMode).toBe('production');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.reload();
      await senderId.waitFor();
      await expect.poll(() => senderId.inputValue()).toBe('DEMO CERT01');
      expect(await production.isChecked()).toBe(true);
      expect(await name.inputValue()).toBe('Demo Freight Lines Ltd');
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a viewer the settings and the sender ID read-only', async () => {
    const browser = await openBrowser(EXPECTED);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, DEMO_VIEWER.email, DEMO_VIEWER.password);
      await page.goto(`${service.url}/company`);
      await page.getByText('Only an admin of the company changes these.').waitFor();
      await page.getByLabel('Sender ID (ISA06)').waitFor();
      for (const label of ['Carrier name', 'Trip-number prefix', 'Sender ID (ISA06)']) {
        expect(await page.getByLabel(label).getAttribute('readonly')).not.toBeNull();
      }
      expect(await page.getByLabel('Carrier name').inputValue()).toBe('Demo Freight Lines Ltd');
      expect(await page.getByLabel('Sender ID (ISA06)').inputValue()).toBe('DEMO CERT01');
      for (const button of ['Save company settings', 'Save sender ID']) {
        expect(await page.getByRole('button', { name: button }).count()).toBe(0);
      }
      // The filing mode the admin chose, shown and not changeable.
      const production = page.getByRole('radio', { name: /^Production: filed for real/ });
      expect(await production.isChecked()).toBe(true);
      expect(await production.isDisabled()).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
