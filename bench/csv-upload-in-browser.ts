/**
 * A 100,000-row CSV upload through the web app (docs/web-app.md, CSV upload): the trip editor's
 * file chooser, "Import only the valid shipments", a file of one row per shipment with a bad
 * quantity on every 1,000th row. Measured: the time from choosing the file to the report, the
 * longest main-thread task meanwhile (progress must not freeze the page), and what the report
 * lists; beside the floor, the same import of a file of the same size sent to the API without
 * a browser (`POST /trips/{id}/shipments/csv`), in the same run on the same server.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { csvLine, TEMPLATE_HEADERS } from '../src/csv/template.js';
import { templateRow } from '../src/csv/test-csv.js';
import { ms } from './measure.js';

export interface UploadSession {
  readonly url: string;
  readonly cookie: string;
  readonly csrfToken: string;
}

/** One row per shipment, typed SCNs `DEMO<prefix><9 digits>`; every 1,000th quantity is bad. */
export function writeUploadCsv(path: string, count: number, prefix: string): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let buffer = csvLine(TEMPLATE_HEADERS);
  for (let n = 0; n < count; n += 1) {
    buffer += csvLine(
      templateRow({
        SCN: `DEMO${prefix}${String(n).padStart(9, '0')}`,
        'Consignee Name': `Consignee ${String(n)}`,
        ...(n % 1_000 === 999 ? { Quantity: 'twelve' } : {}),
      }),
    );
    if (buffer.length > 1 << 20) {
      bytes += writeSync(fd, buffer);
      buffer = '';
    }
  }
  bytes += writeSync(fd, buffer);
  closeSync(fd);
  return bytes;
}

/** The same import through the API alone: the floor of the browser's upload. */
async function importThroughApi(session: UploadSession, tripId: string, file: string) {
  const started = performance.now();
  const response = await fetch(`${session.url}/api/v1/trips/${tripId}/shipments/csv?mode=partial`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'content-type': 'text/csv',
      accept: 'application/json',
    },
    body: await readFile(file),
  });
  if (response.status !== 200) {
    throw new Error(`the API import answered ${String(response.status)}: ${await response.text()}`);
  }
  const report = (await response.json()) as { created: number; failed: number };
  return { ms: performance.now() - started, created: report.created, failed: report.failed };
}

export async function csvUploadInBrowser(
  page: Page,
  session: UploadSession,
  trips: { readonly browser: string; readonly api: string },
  files: { readonly browser: string; readonly api: string },
  count: number,
): Promise<string[]> {
  // The floor first: each import adds its shipments to the same database, so the second one
  // writes into the larger tables (the browser's, which is then measured at a disadvantage).
  const floor = await importThroughApi(session, trips.api, files.api);
  await page.goto(`${session.url}/trips/${trips.browser}`);
  const panel = page.getByRole('region', { name: 'Upload shipments from a CSV file' });
  await panel.waitFor();
  await panel.getByLabel('Import only the valid shipments').check();
  await page.evaluate('window.__longTasks = []');
  const started = performance.now();
  await panel.getByLabel('CSV file of shipments').setInputFiles(files.browser);
  await panel
    .getByText('Partly imported: the valid shipments are stored')
    .waitFor({ timeout: 600_000 });
  const took = performance.now() - started;
  const tasks = await page.evaluate<number[]>('window.__longTasks');
  const counts = await panel.getByRole('group', { name: 'Import counts' }).innerText();
  const problems = await panel
    .getByRole('table', { name: 'Problems in the file' })
    .getByRole('row')
    .count();
  const rows = count.toLocaleString('en-US');
  return [
    `CSV upload of ${rows} rows in the trip editor (partial; 1 row in 1,000 wrong): report after ${ms(took)}; longest main-thread task meanwhile ${ms(Math.max(0, ...tasks))}`,
    `  the report: ${counts.replace(/\s+/g, ' ').trim()}; ${String(problems - 1)} problem rows drawn (a virtualised table)`,
    `  floor: the same import through the API alone: ${ms(floor.ms)} (created ${String(floor.created)}, failed ${String(floor.failed)})`,
    `  ratio: ×${(took / floor.ms).toFixed(2)}`,
  ];
}
