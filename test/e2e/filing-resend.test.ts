/**
 * Sending again what CBP never acknowledged, from the trip editor, in real Chromium against
 * `emanifest serve` delivering through CBP_TRANSPORT=folders with nobody answering: the
 * interchanges leave (their files appear) and no 997 ever comes. The outbox rows are then made
 * 40 minutes old in the service's database, as the clock would; the filing panel says CBP has
 * not acknowledged the last sync, Send again queues the filing once more under new control
 * numbers, and the history says why (docs/edi.md, when CBP does not answer).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  apiSignIn,
  aTripToFile,
  chromiumMissing,
  openBrowser,
  seriousA11yViolations,
  signInToTrips,
  startService,
  type Service,
} from './browser-harness.js';

const SESSION_PROBE = [/\/api\/v1\/session$/];
const TRIP_NUMBER = 'DEMO2099000077';

describe.skipIf(chromiumMissing)('Send again on the trip editor', { timeout: 120_000 }, () => {
  let dir: string;
  let outbound: string;
  let service: Service;
  let tripId: string;
  let admin: Awaited<ReturnType<typeof apiSignIn>>;
  /** The interchanges written to the outbound folder (one file each), by name. */
  const sent = () =>
    readdirSync(outbound)
      .filter((name) => name.endsWith('.x12'))
      .sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'e2e-resend-'));
    outbound = join(dir, 'out');
    mkdirSync(outbound);
    mkdirSync(join(dir, 'in'));
    service = await startService({
      CBP_TRANSPORT: 'folders',
      CBP_OUTBOUND_DIR: outbound,
      CBP_INBOUND_DIR: join(dir, 'in'),
      CBP_POLL_INTERVAL: '1',
    });
    admin = await apiSignIn(service, service.email, service.password);
    tripId = await aTripToFile(service, admin, TRIP_NUMBER);
  }, 60_000);

  afterAll(async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says CBP has not acknowledged the last sync, and sends it again', async () => {
    const synced = await apiCall(service, admin, 'POST', `/trips/${tripId}/sync`, {});
    expect(synced.status, await synced.clone().text()).toBe(202);
    // Both interchanges leave through the outbound folder; nobody answers.
    await expect.poll(() => sent().length).toBe(2);
    const db = new Database(service.sqlitePath);
    try {
      // The service records a file as sent just after writing it: wait for that, or its own
      // write would put back the time set here (the panel then said "by …", not "now").
      const recordedSent = () =>
        (
          db.prepare("select count(*) as n from transmissions where state = 'sent'").get() as {
            n: number;
          }
        ).n;
      await expect.poll(recordedSent).toBe(2);
      const old = new Date(Date.now() - 40 * 60_000).toISOString();
      db.prepare('update transmissions set sent_at = ?, created_at = ?').run(old, old);
    } finally {
      db.close();
    }
    // The refused delete answers 409 on purpose: Chromium logs it as a failed resource.
    const browser = await openBrowser([...SESSION_PROBE, /\/api\/v1\/trips\/[^/?]+$/]);
    const { page } = browser;
    try {
      await signInToTrips(service, browser, service.email, service.password);
      await page.goto(`${service.url}/trips/${tripId}`);
      const panel = page.getByRole('region', { name: 'Filing with CBP' });
      await panel.getByText('CBP has not acknowledged the last sync').waitFor();
      await panel.getByText('It can be sent again now.').waitFor();
      // The warning itself is read by axe: its amber title must stand out from its tint.
      expect(await seriousA11yViolations(page)).toEqual([]);
      await panel.getByRole('button', { name: 'Send again' }).click();
      await page.getByText('2 messages are on their way to CBP.').waitFor();
      await panel
        .getByText(/Note: CBP sent no acknowledgement \(997\) of interchange 1 within 30 minutes/)
        .waitFor();
      // The filing again, under control numbers 3 and 4, out through the folder.
      await expect.poll(() => sent().length).toBe(4);
      expect(sent()).toEqual([
        'DEMO-000000001.x12',
        'DEMO-000000002.x12',
        'DEMO-000000003.x12',
        'DEMO-000000004.x12',
      ]);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // CBP holds the trip (sent, unanswered): deleting it here is refused, in words that say
      // what to do, and the trip stays.
      await page.getByRole('button', { name: 'Delete trip' }).click();
      const confirm = page.getByRole('dialog', { name: `Delete trip ${TRIP_NUMBER}?` });
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await confirm
        .getByText('The trip is filed with CBP: cancel its filing before deleting it.')
        .waitFor();
      await confirm
        .getByText(/CBP has the trip on file \(transmitted\)\. Cancel the filing/)
        .waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Keep it' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(new URL(page.url()).pathname).toBe(`/trips/${tripId}`);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
