/**
 * The Alerts page in real Chromium (docs/alerts.md): an admin sets the dispatchers to e-mail
 * (a bad address refused where it is) and the drivers option, adds a webhook (a bad URL
 * refused; the secret shown once, then only its first characters), changes its events, pauses
 * it with its Active switch (kept after a reload) and deletes it, and sees that the service sends no e-mail
 * without SMTP. A viewer sees the addresses without the controls. Console errors and serious
 * axe-core violations fail it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anInvitedMember,
  apiSignIn,
  chromiumMissing,
  DEMO_VIEWER,
  openBrowser,
  screenshot,
  seriousA11yViolations,
  signInToTrips,
  startService,
  type Service,
  goToPage,
} from './browser-harness.js';

// The signed-out session probe answers 401 by design; the refusals below answer 422.
const EXPECTED = [
  /\/api\/v1\/session$/,
  /\/api\/v1\/alerts\/settings$/,
  /\/api\/v1\/webhooks(\/[\w-]+)?$/,
];

describe.skipIf(chromiumMissing)('the Alerts page in Chromium', { timeout: 120_000 }, () => {
  let service: Service;

  beforeAll(async () => {
    service = await startService();
    const admin = await apiSignIn(service, service.email, service.password);
    await anInvitedMember(service, admin, {
      ...DEMO_VIEWER,
      role: 'viewer',
      displayName: 'Vera Viewer',
    });
  }, 60_000);
  afterAll(async () => {
    await service.stop();
  });

  it('sets the e-mail recipients, adds a webhook showing its secret once, and deletes it', async () => {
    const browser = await openBrowser(EXPECTED);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, service.email, service.password);
      await goToPage(page, 'Alerts', 'Filing alerts');
      await page.getByText('This service sends no e-mail').waitFor();

      const emails = page.getByLabel('Dispatchers to e-mail');
      await emails.fill('night@demo.example\nnot an address');
      await page.getByRole('button', { name: 'Save e-mail alerts' }).click();
      await page.getByText('Give one e-mail address, name@example.com.').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await emails.fill('Night@demo.example\nday@demo.example');
      await page.getByLabel(/Also e-mail the shipment's broker/).check();
      await page.getByLabel(/Also e-mail the trip's drivers/).check();
      await page.getByRole('button', { name: 'Save e-mail alerts' }).click();
      await page.getByText('E-mail alerts saved').waitFor();
      expect(await emails.inputValue()).toBe('night@demo.example\nday@demo.example');
      expect(await page.getByLabel(/Also e-mail the trip's drivers/).isChecked()).toBe(true);

      const url = page.getByLabel('Endpoint URL');
      await url.fill('ftp://tms.example/hooks');
      await page.getByRole('button', { name: 'Add webhook' }).click();
      await page.getByText(/Give an http:\/\/ or https:\/\/ address/).waitFor();
      await url.fill('https://tms.example/hooks/emanifest');
      await page.getByRole('checkbox', { name: 'trip.accepted' }).check();
      await page.getByRole('button', { name: 'Add webhook' }).click();
      const secret = await page.getByLabel('Webhook secret').innerText();
      expect(secret).toMatch(/^whsec_/);
      const table = page.getByRole('table', { name: 'Webhooks' });
      const row = table.getByRole('row').filter({ hasText: 'https://tms.example/hooks/emanifest' });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([
        'shipment.rejected, shipment.released, trip.accepted',
        `${secret.slice(0, 10)}…`,
        '',
        'Events\nDelete',
      ]);
      const active = page.getByRole('switch', {
        name: 'Send events to https://tms.example/hooks/emanifest',
      });
      expect(await active.isChecked()).toBe(true);
      await page.getByText('No alert sent yet.').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The events changed in a dialog: none is refused where it is, then one kept.
      await page
        .getByRole('button', {
          name: 'Change the events of the webhook https://tms.example/hooks/emanifest',
        })
        .click();
      const dialog = page.getByRole('dialog', {
        name: 'Events sent to https://tms.example/hooks/emanifest',
      });
      for (const type of ['shipment.rejected', 'shipment.released', 'trip.accepted']) {
        await dialog.getByRole('checkbox', { name: type }).uncheck();
      }
      await dialog.getByRole('button', { name: 'Save events' }).click();
      await dialog.getByText('Choose at least one event, e.g. shipment.released.').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await dialog.getByRole('checkbox', { name: 'trip.released' }).check();
      await dialog.getByRole('button', { name: 'Save events' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(async () => (await row.getByRole('cell').allInnerTexts())[0])
        .toBe('trip.released');

      // Paused: the switch shows what the server kept (PATCH /webhooks/{id}), after a reload too.
      await active.click({ force: true });
      await expect.poll(() => active.isChecked()).toBe(false);
      await page.reload();
      await table.waitFor();
      expect(await page.getByText(secret).count()).toBe(0);
      expect(await active.isChecked()).toBe(false);
      await page.getByText('No alert sent yet.').waitFor();
      // From the top: the sticky header stays where it belongs in the full-page picture.
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshot(page, 'alerts', true);
      await page
        .getByRole('button', { name: 'Delete the webhook https://tms.example/hooks/emanifest' })
        .click();
      await page.getByText('No webhook yet.').waitFor();
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a viewer who is e-mailed, without the controls', async () => {
    const browser = await openBrowser(EXPECTED);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, DEMO_VIEWER.email, DEMO_VIEWER.password);
      await page.goto(`${service.url}/alerts`);
      await page.getByText('Only an admin of the company changes alerts').waitFor();
      expect(await page.getByRole('button', { name: 'Save e-mail alerts' }).count()).toBe(0);
      expect(await page.getByRole('table', { name: 'Webhooks' }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
