/**
 * The web app in real Chromium (docs/web-app.md, benchmark), against `emanifest serve` (the
 * built service, as `npm start` runs it) on a fresh SQLite file holding a 10,000-shipment trip
 * imported through `POST /api/v1/imports`. Each figure is printed beside a floor measured in
 * the same run, never asserted:
 *
 * - navigation to the first rows of the trip's shipments list (the app's JavaScript, the
 *   session, the trip and its first page of shipments), beside navigation to a static file
 *   from the same server (`/favicon.svg`: the round trip and the browser's own work);
 * - the longest main-thread task (PerformanceObserver 'longtask', which reports tasks over
 *   50 ms) while typing into a shipment of that trip, and into the trip's own fields once its
 *   10,000 shipments are loaded (both with live validation on), beside the longest task while
 *   typing the same into a 1-shipment trip (the form's own cost) and into the sign-in page's
 *   e-mail field (a plain input, no validation);
 * - a 100,000-row CSV upload through the trip editor (csv-upload-in-browser.ts), beside the
 *   same import through the API alone (BENCH_UPLOAD_ROWS sets the rows; 0 leaves it out);
 * - the initial JavaScript, gzip (node:zlib, level 9): the entry chunk and the chunks it
 *   preloads, as referenced by dist/web/index.html, beside all the JavaScript of dist/web;
 *   and the same as the service sends it to a browser that takes Brotli (the build's `.br`
 *   copies, scripts/precompress.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Locator, type Page } from 'playwright-core';
import { bigTripDocument, bigTripScn } from '../test/e2e/big-trip-document.js';
import { csvUploadInBrowser, writeUploadCsv, type UploadSession } from './csv-upload-in-browser.js';
import { median, ms } from './measure.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const webRoot = join(root, 'dist', 'web');
const NAVIGATIONS = 5;

/**
 * Gzip size (node:zlib, level 9) of the JavaScript index.html loads first, and of all of it;
 * `sent`, the size of its Brotli copies, as the service sends it to Chromium or Firefox.
 */
export function initialJavaScript(dir = webRoot): {
  initial: number;
  sent: number;
  all: number;
  files: string[];
} {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] ?? '',
  );
  const gzip = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  const initial = files.reduce((sum, file) => sum + gzip(file), 0);
  // A file under the build's threshold has no copy: it is sent as it is.
  const brotli = (file: string) => {
    const copy = join(dir, `${file}.br`);
    return statSync(existsSync(copy) ? copy : join(dir, file)).size;
  };
  const sent = files.reduce((sum, file) => sum + brotli(file), 0);
  const all = readdirSync(join(dir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzip(join('assets', file)), 0);
  return { initial, sent, all, files };
}

interface Service {
  readonly url: string;
  readonly password: string;
  stop(): Promise<void>;
}

async function startService(): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-bench-web-'));
  const child = spawn(process.execPath, ['bin/emanifest.js', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      SQLITE_PATH: join(dir, 'bench.sqlite'),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`emanifest serve exited early:\n${stderr}`));
    });
  });
  const password = /password: (\S+)/.exec(stderr)?.[1];
  if (password === undefined) throw new Error(`no demo password printed:\n${stderr}`);
  return {
    url,
    password,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function signIn(service: Service): Promise<UploadSession> {
  const session = await fetch(`${service.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.example', password: service.password }),
  });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const cookie = session.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { url: service.url, cookie, csrfToken };
}

async function importTrip(
  service: Service,
  session: UploadSession,
  tripNumber: string,
  count: number,
  first = 0,
): Promise<string> {
  const { cookie, csrfToken } = session;
  const eta = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const response = await fetch(`${service.url}/api/v1/imports`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(bigTripDocument(tripNumber, count, `${eta} 12:00:00`, first)),
  });
  if (response.status !== 201) {
    throw new Error(`import answered ${String(response.status)}: ${await response.text()}`);
  }
  return ((await response.json()) as { trip: { id: string } }).trip.id;
}

// Run in the page before its own scripts: the first row of the shipments list, and long tasks.
const PAGE_PROBES = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('ul[aria-label="Shipments of the trip"] li')) {
      window.__firstRows = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Empties the field and types `text` key by key (a quick typist), then waits for the worker's
 * answers to settle: the longest task seen meanwhile.
 */
async function longestTaskWhileTyping(page: Page, field: Locator, text: string): Promise<number> {
  await field.fill('');
  await page.waitForTimeout(500);
  await page.evaluate('window.__longTasks = []');
  await field.pressSequentially(text, { delay: 60 });
  await page.waitForTimeout(2_000);
  const tasks = await page.evaluate<number[]>('window.__longTasks');
  return Math.max(0, ...tasks);
}

function longest(value: number): string {
  return value === 0 ? 'none over 50 ms' : ms(value);
}

export async function runWebAppBench(count = 10_000): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`skipped: ${CHROMIUM} is missing (set CHROMIUM_PATH)`];
  if (!existsSync(join(webRoot, 'index.html'))) return ['skipped: no dist/web (npm run build)'];
  const lines: string[] = [];
  const js = initialJavaScript();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  lines.push(
    `initial JavaScript, gzip: ${kb(js.initial)} (${String(js.files.length)} files; budget 350 KB)`,
  );
  lines.push(`  as sent to a browser that takes Brotli (the build's .br copies): ${kb(js.sent)}`);
  lines.push(`  beside: all JavaScript of dist/web, gzip: ${kb(js.all)}`);

  const service = await startService();
  const profile = mkdtempSync(join(tmpdir(), 'emanifest-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    // One session for every API call: sign-in is rate-limited per address and e-mail.
    const session = await signIn(service);
    const tripId = await importTrip(service, session, 'DEMOBENCH0001', count);
    const smallTripId = await importTrip(service, session, 'DEMOBENCH0002', 1, count);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    await context.addInitScript(PAGE_PROBES);

    // The floor of typing: the sign-in page's e-mail field, no validation.
    await page.goto(`${service.url}/sign-in`);
    const plainTyping = await longestTaskWhileTyping(
      page,
      page.getByLabel('E-mail'),
      'admin@demo.example',
    );
    await page.getByLabel('E-mail').fill('admin@demo.example');
    await page.getByLabel(/^Password/).fill(service.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Trips', exact: true }).waitFor();

    const tripUrl = `${service.url}/trips/${tripId}`;
    const firstScn = bigTripScn(0);
    // The trip's shipments list: the filing panel names the same SCNs in its status table.
    const list = page.getByRole('list', { name: 'Shipments of the trip' });
    const firstRows: number[] = [];
    const statics: number[] = [];
    for (let i = 0; i < NAVIGATIONS; i++) {
      await page.goto(tripUrl);
      await list.getByText(firstScn, { exact: true }).waitFor();
      firstRows.push(await page.evaluate<number>('window.__firstRows'));
      await page.goto(`${service.url}/favicon.svg`);
      statics.push(
        await page.evaluate<number>("performance.getEntriesByType('navigation')[0].loadEventEnd"),
      );
    }
    const rows = median(firstRows);
    const floor = median(statics);
    lines.push(
      `navigation → first rows of a ${count.toLocaleString('en-US')}-shipment trip: ${ms(rows)} median of ${String(NAVIGATIONS)} (first, cold cache: ${ms(firstRows[0] ?? 0)}; target < 1.5 s)`,
    );
    lines.push(`  floor: navigation to /favicon.svg, same server: ${ms(floor)}`);
    lines.push(`  ratio: ×${(rows / floor).toFixed(1)}`);

    // Typing into a shipment of the trip (its page checks it inside the trip).
    const shipmentLink = list.getByRole('link', { name: bigTripScn(0), exact: true });
    await page.goto(tripUrl);
    await shipmentLink.click();
    await page.getByLabel('Shipment Control Number', { exact: true }).waitFor();
    const shipmentTyping = await longestTaskWhileTyping(
      page,
      page.getByLabel('Shipment Control Number', { exact: true }),
      'DEMO0001234567',
    );

    // The same typing in a trip of one shipment: the form's own cost.
    await page.goto(`${service.url}/trips/${smallTripId}`);
    await list.getByText(bigTripScn(count), { exact: true }).waitFor();
    await page.waitForTimeout(1_000);
    const smallTripTyping = await longestTaskWhileTyping(
      page,
      page.getByLabel('Trip number', { exact: true }),
      'DEMO0001234567',
    );

    // Typing into the trip's own fields once all its shipments are loaded and checked.
    await page.goto(tripUrl);
    const scroller = page.getByLabel('Shipments of the trip, scrollable');
    await scroller.focus();
    const last = list.getByText(bigTripScn(count - 1), { exact: true });
    for (let i = 0; i < 1_000 && !(await last.isVisible()); i++) {
      await page.keyboard.press('End');
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(3_000);
    const tripTyping = await longestTaskWhileTyping(
      page,
      page.getByLabel('Trip number', { exact: true }),
      'DEMO0001234567',
    );

    lines.push(
      'longest main-thread task, typing 14 characters with live validation (target ≤ 100 ms):',
    );
    lines.push(`  into a shipment of the trip: ${longest(shipmentTyping)}`);
    lines.push(
      `  into the trip's own fields, its ${count.toLocaleString('en-US')} shipments loaded: ${longest(tripTyping)}`,
    );
    lines.push(`  floor: the same fields of a 1-shipment trip: ${longest(smallTripTyping)}`);
    lines.push(`  floor: the sign-in page's e-mail field (no validation): ${longest(plainTyping)}`);

    // A 100,000-row upload through the trip editor, beside the same import through the API.
    const uploadRows = Number(process.env['BENCH_UPLOAD_ROWS'] ?? 100_000);
    if (uploadRows > 0) {
      const dir = mkdtempSync(join(tmpdir(), 'emanifest-bench-upload-'));
      try {
        const files = { browser: join(dir, 'browser.csv'), api: join(dir, 'api.csv') };
        writeUploadCsv(files.browser, uploadRows, '7');
        writeUploadCsv(files.api, uploadRows, '6');
        const trips = {
          browser: await importTrip(service, session, 'DEMOBENCH0003', 0),
          api: await importTrip(service, session, 'DEMOBENCH0004', 0),
        };
        lines.push(...(await csvUploadInBrowser(page, session, trips, files, uploadRows)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return lines;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await service.stop();
  }
}
