/**
 * Bulk CSV upload in real Chromium (docs/web-app.md, docs/csv-template.md): a dispatcher drops
 * a file with mistakes on the trip editor, reads them by row and column in the report's table
 * (sorted, filtered), imports the valid shipments, downloads the failed rows, fixes them and
 * uploads them again, and the trip validates clean; a large upload is cancelled under way and
 * stores nothing. Console errors and serious or critical
 * axe-core findings fail the test.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_HEADERS } from '../../src/csv/template.js';
import { csvText, templateRow } from '../../src/csv/test-csv.js';
import { aTrip } from '../builders.js';
import {
  anInvitedMember,
  apiCall,
  apiSignIn,
  chromiumMissing,
  DEMO_VIEWER,
  openBrowser,
  screenshot,
  seriousA11yViolations,
  type Service,
  startService,
} from './browser-harness.js';

const SESSION_PROBE = [/\/api\/v1\/session$/];

/** A near arrival (not past, not too soon), as the port's local wall-clock time. */
function etaDaysAhead(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)} 12:00:00`;
}

/** Three shipments of the demo company (SCAC DEMO): the second and third have a bad number. */
const withMistakes = csvText([
  templateRow({ SCN: 'DEMO7000000001' }),
  templateRow({ SCN: 'DEMO7000000002', Quantity: 'twelve' }),
  templateRow({ SCN: 'DEMO7000000003', Weight: 'heavy' }),
]);

describe.skipIf(chromiumMissing)('bulk CSV upload in Chromium', { timeout: 180_000 }, () => {
  let service: Service;
  let admin: { cookie: string; csrfToken: string };
  let tripId: string;
  let tripNumber: string;

  beforeAll(async () => {
    service = await startService();
    admin = await apiSignIn(service, service.email, service.password);
    const created = await apiCall(service, admin, 'POST', '/trips', {
      ...aTrip({ shipments: [], estimatedArrivalDateTime: etaDaysAhead(2) }),
      tripNumber: undefined,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { trip } = (await created.json()) as { trip: { id: string; tripNumber: string } };
    tripId = trip.id;
    tripNumber = trip.tripNumber;
    await anInvitedMember(service, admin, DEMO_VIEWER);
  }, 60_000);
  afterAll(async () => {
    await service.stop();
  });

  it('drops a file with mistakes, imports the valid shipments, fixes the failed rows and re-uploads them', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await page.goto(`${service.url}/trips/${tripId}`);
      await page.getByLabel('E-mail').fill(service.email);
      await page.getByLabel(/^Password/).fill(service.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: `Trip ${tripNumber}` }).waitFor();
      const panel = page.getByRole('region', { name: 'Upload shipments from a CSV file' });
      await panel.waitFor();

      // The template link serves the header row with the session's cookie.
      const template = panel.getByRole('link', { name: 'Download the template' });
      expect(await template.getAttribute('href')).toBe('/api/v1/csv/template');
      const served = await page.request.get(`${service.url}/api/v1/csv/template`);
      expect((await served.text()).split('\r\n')[0]).toBe(TEMPLATE_HEADERS.join(','));

      // 1. Dropped (a synthetic drop with the file in its DataTransfer), all or nothing.
      const drop = async (text: string, name: string) => {
        // A string: built in the page (the test's own types know no DOM).
        const dataTransfer = await page.evaluateHandle(
          `(() => { const transfer = new DataTransfer(); transfer.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/csv' })); return transfer; })()`,
        );
        await page.getByTestId('csv-drop-zone').dispatchEvent('drop', { dataTransfer });
      };
      const answered = page.waitForResponse((response) =>
        response.url().endsWith(`/trips/${tripId}/shipments/csv?mode=all-or-nothing`),
      );
      await drop(withMistakes, 'march.csv');
      // The page asked for the streamed answer: progress lines, then the report.
      const answer = await answered;
      expect(answer.request().headers()['accept']).toContain('application/x-ndjson');
      expect(answer.request().headers()['content-type']).toBe('text/csv');
      const lines = (await answer.text())
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { type: string }).type);
      expect(lines[0]).toBe('progress');
      expect(lines.at(-1)).toBe('report');
      await panel.getByText('Nothing was imported').waitFor();
      const counts = panel.getByRole('group', { name: 'Import counts' });
      expect(await counts.innerText()).toMatch(
        /Created\s+0\s+Unchanged\s+0\s+Failed shipments\s+2\s+Rows with errors\s+\d+/,
      );
      // Nothing was stored, the valid rows included: the failed rows alone would leave them out.
      await panel
        .getByText(/Nothing was stored: correct them in your file and upload the whole/)
        .waitFor();

      // The mistakes, located by row and column.
      const table = panel.getByRole('table', { name: 'Problems in the file' });
      const rowWith = async (text: string) =>
        (
          await table
            .getByRole('row')
            .filter({ hasText: text })
            .first()
            .getByRole('cell')
            .allInnerTexts()
        )
          .slice(0, 4)
          .map((cell) => cell.trim());
      expect(await rowWith('twelve')).toEqual(['3', 'Quantity', 'twelve', 'CSV_NUMBER_INVALID']);
      expect(await rowWith('heavy')).toEqual(['4', 'Weight', 'heavy', 'CSV_NUMBER_INVALID']);

      // Sorted by row backwards, then filtered by column and by words.
      const rowHeader = table.getByRole('columnheader', { name: /Row/ });
      expect(await rowHeader.getAttribute('aria-sort')).toBe('ascending');
      await rowHeader.getByRole('button').click();
      expect(await rowHeader.getAttribute('aria-sort')).toBe('descending');
      const firstRowCell = table.getByRole('row').nth(1).getByRole('cell').first();
      expect((await firstRowCell.innerText()).trim()).toBe('4');
      await table.getByRole('columnheader', { name: /Code/ }).getByRole('button').click();
      expect(
        await table.getByRole('columnheader', { name: /Code/ }).getAttribute('aria-sort'),
      ).toBe('ascending');
      await panel.getByRole('combobox', { name: 'Column' }).click();
      await page.getByRole('option', { name: 'Weight', exact: true }).click();
      await panel.getByText(/^\d+ of \d+ problems shown$/).waitFor();
      const columnCells = await table.getByRole('row').locator('td:nth-child(2)').allInnerTexts();
      expect(columnCells.length).toBeGreaterThan(0);
      expect(new Set(columnCells.map((cell) => cell.trim()))).toEqual(new Set(['Weight']));
      await panel.getByRole('combobox', { name: 'Column' }).click();
      await page.getByRole('option', { name: 'All columns' }).click();
      await panel.getByLabel('Filter the problems').fill('twelve');
      await panel.getByText(/^1 of \d+ problems shown$/).waitFor();
      expect(await rowWith('twelve')).toEqual(['3', 'Quantity', 'twelve', 'CSV_NUMBER_INVALID']);
      await panel.getByLabel('Filter the problems').fill('');
      // By severity: the errors that stopped the import, without the warnings around them.
      const severity = async (choice: string) => {
        await panel.getByRole('combobox', { name: 'Severity' }).click();
        await page.getByRole('option', { name: choice, exact: true }).click();
      };
      const allCount = (await panel.getByText(/^\d+ problems$/).innerText()).split(' ')[0];
      await severity('Errors only');
      expect(await table.getByText('(warning)').count()).toBe(0);
      expect(await rowWith('twelve')).toEqual(['3', 'Quantity', 'twelve', 'CSV_NUMBER_INVALID']);
      const shownCount = async () =>
        Number(
          /^(\d+)/.exec(
            await panel.getByText(/^\d+ (of \d+ )?problems( shown)?$/).innerText(),
          )?.[1],
        );
      const errors = await shownCount();
      // Every problem of this file is an error: errors only hides none of them, and warnings
      // only shows none (a mix of both is issue-rows.test.ts's).
      expect(errors).toBe(Number(allCount));
      await severity('Warnings only');
      expect(await table.getByText('CSV_NUMBER_INVALID').count()).toBe(0);
      expect(errors + (await shownCount())).toBe(Number(allCount));
      await severity('Errors and warnings');
      await panel.getByText(`${allCount} problems`, { exact: true }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      // Tall enough for the whole panel below the sticky header.
      await page.setViewportSize({ width: 1280, height: 1400 });
      await panel.evaluate((element: { scrollIntoView: (options: object) => void }) => {
        element.scrollIntoView({ block: 'end' });
      });
      await screenshot(page, 'csv-upload-errors', true, panel);
      await page.setViewportSize({ width: 1280, height: 800 });

      // 2. Only the valid shipments: the first is stored, the two others are offered back.
      await panel.getByLabel('Import only the valid shipments').check();
      await drop(withMistakes, 'march.csv');
      await panel.getByText('Partly imported: the valid shipments are stored').waitFor();
      expect(await counts.innerText()).toMatch(
        /Created\s+1\s+Unchanged\s+0\s+Failed shipments\s+2/,
      );
      const shipments = page.getByRole('list', { name: 'Shipments of the trip' });
      await shipments.getByText('DEMO7000000001').waitFor();

      const downloading = page.waitForEvent('download');
      await panel.getByRole('link', { name: 'Download failed rows' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('march-failed-rows.csv');
      const failed = readFileSync(await download.path(), 'utf8');
      expect(failed.split('\r\n')[0]).toBe([...TEMPLATE_HEADERS, 'Errors'].join(','));
      expect(failed).toContain('DEMO7000000002');
      expect(failed).toContain('DEMO7000000003');
      expect(failed).not.toContain('DEMO7000000001');

      // 3. Fixed in the downloaded file and chosen with the file input.
      const fixed = failed.replace(',twelve,', ',12,').replace(',heavy,', ',900,');
      await panel.locator('input[type=file]').setInputFiles({
        name: 'march-failed-rows.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(fixed),
      });
      await panel.getByText('Imported', { exact: true }).waitFor();
      expect(await counts.innerText()).toMatch(
        /Created\s+2\s+Unchanged\s+0\s+Failed shipments\s+0/,
      );
      await expect(panel.getByRole('link', { name: 'Download failed rows' }).count()).resolves.toBe(
        0,
      );
      await shipments.getByText('DEMO7000000003').waitFor();

      // The trip's shipments as the template, named after the trip.
      const exporting = page.waitForEvent('download');
      await panel.getByRole('link', { name: "Download this trip's shipments as CSV" }).click();
      const exported = await exporting;
      expect(exported.suggestedFilename()).toBe(`${tripNumber}-shipments.csv`);
      const rows = readFileSync(await exported.path(), 'utf8');
      for (const scn of ['DEMO7000000001', 'DEMO7000000002', 'DEMO7000000003']) {
        expect(rows).toContain(scn);
      }

      // 4. The trip validates clean, in the editor and on the server.
      await page.getByText('No problems found').waitFor();
      const validation = await apiCall(service, admin, 'GET', `/trips/${tripId}/validation`);
      const { issues } = (await validation.json()) as { issues: { severity: string }[] };
      expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('offers the upload of unassociated shipments on the trips page, by keyboard, and scrolls a long report', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await page.goto(`${service.url}/`);
      await page.getByLabel('E-mail').fill(service.email);
      await page.getByLabel(/^Password/).fill(service.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const panel = page.getByRole('region', {
        name: 'Upload shipments without a trip from a CSV file',
      });
      await panel.waitFor();
      // "Choose a file" opens the system's file chooser from the keyboard.
      const choosing = page.waitForEvent('filechooser');
      await panel.getByRole('button', { name: 'Choose a file' }).focus();
      await page.keyboard.press('Enter');
      const chooser = await choosing;
      await chooser.setFiles({
        name: 'loose.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csvText([templateRow({ SCN: 'DEMO7100000001' })])),
      });
      await panel.getByText('Imported', { exact: true }).waitFor();
      await page
        .getByRole('list', { name: 'Unassociated shipments' })
        .getByText('DEMO7100000001')
        .waitFor();

      // A long report: 800 shipments with a bad quantity, one problem each (the reader's; the
      // rule that then finds no quantity is not said again). The table keeps only the rows in
      // view in the page and shows the last ones when scrolled to its end.
      const many = csvText(
        Array.from({ length: 800 }, (_, index) =>
          templateRow({ SCN: `DEMO72${String(index).padStart(8, '0')}`, Quantity: 'lots' }),
        ),
      );
      await page.locator('input[type=file]').setInputFiles({
        name: 'many.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(many),
      });
      await panel.getByText('Nothing was imported').waitFor();
      await panel.getByText(/^800 problems$/).waitFor();
      const table = panel.getByRole('table', { name: 'Problems in the file' });
      expect(await table.getAttribute('aria-rowcount')).toBe('801');
      expect(await table.locator('tbody tr[data-index]').count()).toBeLessThan(100);
      // Rows are measured as they render, so the end moves once: scroll until it is reached.
      const scroller = panel.getByRole('region', { name: 'Problems in the file, scrollable' });
      await expect
        .poll(async () => {
          await scroller.evaluate((element: { scrollTop: number; scrollHeight: number }) => {
            element.scrollTop = element.scrollHeight;
          });
          return table.locator('tbody tr[data-index="799"]').count();
        })
        .toBe(1);
      expect(
        (await table.locator('tbody tr[data-index="799"] td').first().innerText()).trim(),
      ).toBe('801');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('cancels a large upload under way: nothing is stored, and the next file imports', async () => {
    const created = await apiCall(service, admin, 'POST', '/trips', {
      ...aTrip({ shipments: [], estimatedArrivalDateTime: etaDaysAhead(2) }),
      tripNumber: undefined,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { trip } = (await created.json()) as { trip: { id: string; tripNumber: string } };
    const nextScn = async () =>
      (
        (await (await apiCall(service, admin, 'GET', '/shipments/next-scn')).json()) as {
          shipmentControlNumber: string;
        }
      ).shipmentControlNumber;
    const tripShipments = async () =>
      (
        (await (await apiCall(service, admin, 'GET', `/trips/${trip.id}/shipments`)).json()) as {
          items: unknown[];
        }
      ).items.length;
    const scnBefore = await nextScn();

    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await page.goto(`${service.url}/trips/${trip.id}`);
      await page.getByLabel('E-mail').fill(service.email);
      await page.getByLabel(/^Password/).fill(service.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: `Trip ${trip.tripNumber}` }).waitFor();
      const panel = page.getByRole('region', { name: 'Upload shipments from a CSV file' });
      await panel.waitFor();

      // The wrong file: 20,000 AUTOFILL shipments, seconds of work for the server.
      const wrong = csvText(
        Array.from({ length: 20_000 }, (_, n) =>
          templateRow({ SCN: 'DEMOAUTOFILL', 'Order Reference': `WRONG-${n}` }),
        ),
      );
      await panel.locator('input[type=file]').setInputFiles({
        name: 'wrong.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(wrong),
      });
      // Cancelled once shipments are being stored inside the import's transaction.
      await panel.getByText(/^Storing: [1-9]/).waitFor();
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await panel.getByText('Upload cancelled; nothing was stored.').waitFor();
      expect(await panel.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
      // The server rolls back at its next batch; on SQLite these reads wait for it.
      expect(await tripShipments()).toBe(0);
      expect(await nextScn()).toBe(scnBefore);

      // The page is ready for the right file.
      await panel.locator('input[type=file]').setInputFiles({
        name: 'right.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          csvText([templateRow({ SCN: 'DEMOAUTOFILL', 'Order Reference': 'RIGHT-1' })]),
        ),
      });
      await panel.getByText('Imported', { exact: true }).waitFor();
      expect(await panel.getByRole('group', { name: 'Import counts' }).innerText()).toMatch(
        /Created\s+1\s+Unchanged\s+0\s+Failed shipments\s+0/,
      );
      expect(await tripShipments()).toBe(1);
      await page
        .getByRole('list', { name: 'Shipments of the trip' })
        .getByText(scnBefore)
        .waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('offers a viewer no upload, on the trips page or the trip editor', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await page.goto(`${service.url}/trips/${tripId}`);
      await page.getByLabel('E-mail').fill(DEMO_VIEWER.email);
      await page.getByLabel(/^Password/).fill(DEMO_VIEWER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Problems in this trip' }).waitFor();
      // Every chunk the page wanted has arrived: a panel would be on the page by now.
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('button', { name: 'Choose a file' }).count()).toBe(0);
      await page.getByRole('link', { name: '← Back to trips' }).click();
      await page.getByRole('heading', { name: 'Paperwork' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByText(/from a CSV file/).count()).toBe(0);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
