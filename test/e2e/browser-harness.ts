/**
 * Browser tests drive the built web app in real Chromium (Debian's `chromium-headless-shell`,
 * or `chromium`) with playwright-core, against a real `emanifest serve` process on a fresh SQLite file, exactly
 * as an operator runs it. Chromium missing: the suite fails under CI and is skipped (loudly)
 * elsewhere, like the PostgreSQL suites (test/storage-harness.ts).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type BrowserContext,
  type Browser as ChromiumBrowser,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import type { TripDocument } from '../../src/domain/index.js';
import { aShipment, aTrip } from '../builders.js';
import { startServeProcess } from '../cli-process.js';

/**
 * Debian's `chromium-headless-shell` when installed: the same Blink and V8 as `chromium`
 * without the full browser's window machinery, the build Playwright itself uses for headless
 * runs; it took a third less CPU over these tests, which share two cores with the server
 * (docs/web-app.md). Else Debian's `chromium`; CHROMIUM_PATH chooses another.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM =
  process.env['CHROMIUM_PATH'] ??
  (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
const root = fileURLToPath(new URL('../..', import.meta.url));

export const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing) {
  if (process.env['CI'] !== undefined) {
    throw new Error(`Chromium is required in CI for the browser tests; ${CHROMIUM} is missing.`);
  }
  console.warn(
    `\n*** ${CHROMIUM} is missing: the browser tests (test/e2e) are SKIPPED. ` +
      'Install it with `sudo apt-get install -y chromium-headless-shell` (Debian/Ubuntu), ' +
      'or point CHROMIUM_PATH at a Chromium binary. ***\n',
  );
}

export interface Service {
  readonly url: string;
  /** The service's database file, for set-up the API has no route for (a second company). */
  readonly sqlitePath: string;
  readonly email: string;
  readonly password: string;
  stop(): Promise<void>;
}

/**
 * `emanifest serve` (the built CLI, as `npm start` runs it, but with a cheap password hash) on
 * a free port and a new database; `env` adds settings (a CBP transport, say).
 */
export async function startService(env: Readonly<Record<string, string>> = {}): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-e2e-'));
  const sqlitePath = join(dir, 'e2e.sqlite');
  // The cheapest password hash the service takes outside production: these tests sign in
  // about a hundred times, and at the default cost each sign-in is 0.1–0.2 s of CPU that the
  // browser and the server need. test/serve-process.test.ts keeps the default cost.
  const serve = await startServeProcess(sqlitePath, { PASSWORD_HASH_COST: '10', ...env });
  return {
    url: serve.url,
    sqlitePath,
    email: 'admin@demo.example',
    password: serve.password,
    async stop() {
      await serve.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An API session made outside the browser (to set up users, or end a session). */
export async function apiSignIn(service: Service, email: string, password: string) {
  const response = await fetch(`${service.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { cookie, csrfToken };
}

export async function apiCall(
  service: Service,
  auth: { cookie: string; csrfToken: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${service.url}/api/v1${path}`, {
    method,
    headers: {
      cookie: auth.cookie,
      'x-csrf-token': auth.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

/**
 * A trip of the demo company ready to file, made through the API: one shipment whose SCN is the
 * trip number, arriving two days ahead (the service validates against the real clock). Its id.
 */
export async function aTripToFile(
  service: Service,
  auth: { cookie: string; csrfToken: string },
  tripNumber: string,
): Promise<string> {
  const eta = new Date(Date.now() + 48 * 3_600_000).toISOString().slice(0, 10);
  const created = await apiCall(
    service,
    auth,
    'POST',
    '/trips',
    aTrip({
      tripNumber,
      estimatedArrivalDateTime: `${eta} 12:00:00`,
      shipments: [aShipment({ shipmentControlNumber: tripNumber })],
    }),
  );
  expect(created.status, await created.clone().text()).toBe(201);
  return ((await created.json()) as { trip: { id: string } }).trip.id;
}

/** A session made through the API: its cookie and CSRF token. */
export interface ApiSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

/** The demo company's viewer, as the browser tests invite them (`anInvitedMember`). */
export const DEMO_VIEWER = {
  email: 'viewer@demo.example',
  role: 'viewer',
  displayName: 'Vera Viewer',
  password: 'a long viewer password',
} as const;

/** Invites `email` as `admin` and accepts the invitation as a new account, through the API. */
export async function anInvitedMember(
  service: Service,
  admin: ApiSession,
  member: {
    readonly email: string;
    readonly role: 'admin' | 'dispatcher' | 'viewer';
    readonly displayName: string;
    readonly password: string;
  },
): Promise<void> {
  const invited = await apiCall(service, admin, 'POST', '/invitations', {
    email: member.email,
    role: member.role,
  });
  expect(invited.status, await invited.clone().text()).toBe(201);
  const { token } = (await invited.json()) as { token: string };
  const accepted = await apiCall(
    service,
    { cookie: '', csrfToken: '' },
    'POST',
    '/invitations/accept',
    { token, displayName: member.displayName, password: member.password },
  );
  expect(accepted.status, await accepted.clone().text()).toBe(200);
}

/** The demo company's first trip, as `GET /trips` lists it: its document without shipments. */
export interface DemoTrip {
  readonly id: string;
  readonly tripNumber: string;
  readonly document: TripDocument;
}

/** The demo company's first trip, the one every browser test of a trip starts from. */
export async function theDemoTrip(service: Service, admin: ApiSession): Promise<DemoTrip> {
  const response = await apiCall(service, admin, 'GET', '/trips');
  expect(response.status, await response.clone().text()).toBe(200);
  const trips = (await response.json()) as { items: DemoTrip[] };
  const demo = trips.items[0];
  if (demo === undefined) throw new Error('the demo company has no trip');
  return demo;
}

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions, except the ones a test said to expect. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * One Chromium per worker, started by the first `openBrowser()` and kept for every test file
 * the worker runs (the suite's `isolate: false` keeps this module's state from file to file):
 * a fresh context per test (below) isolates cookies, storage and cache as a fresh profile does,
 * and each file has its own server and database, so nothing of one file's browsing reaches
 * another; starting Chromium again for each file cost a third of a second and about 0.2 s of
 * CPU, eleven times over. Playwright ends the browsers it started when the worker exits
 * (also on SIGTERM), and Chromium ends itself when its pipe to the worker closes, so a
 * killed worker leaves none behind. A crash disconnects it: the next test starts another.
 */
let chromiumStarted: Promise<ChromiumBrowser> | undefined;

function sharedChromium(): Promise<ChromiumBrowser> {
  chromiumStarted ??= chromium
    .launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // V8's optimising tiers (Maglev, TurboFan) compile a page's hot functions in the
        // background to pay back over a long session; a test's page lives seconds, in a new
        // renderer each test, and a trace of the editors test put those compiles at an eighth
        // of the renderer's CPU. Interpreter and baseline code run the same JavaScript.
        '--js-flags=--no-maglev --no-opt',
      ],
    })
    .then((browser) => {
      // A crash mid-file: the next test starts another instead of failing on a dead one.
      browser.on('disconnected', () => {
        chromiumStarted = undefined;
      });
      return browser;
    });
  chromiumStarted.catch(() => {
    chromiumStarted = undefined;
  });
  return chromiumStarted;
}

/**
 * A fresh browser context per test: its own cookies, storage and cache, like a new profile.
 * `expectedFailures` are API paths whose failing status (e.g. 401 from the signed-out session
 * probe) the test expects: Chromium logs every failed request to the console, and those are
 * not faults of the page.
 */
export async function openBrowser(expectedFailures: readonly RegExp[] = []): Promise<Browser> {
  const browser = await sharedChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    // As an operator who turned animations off: the app then draws no transition frames
    // (its theme respects the setting), which the renderer would paint for nothing here.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  // Fail with Playwright's own message (what it waited for) before the test's time runs out.
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    if (message.text().startsWith('Failed to load resource')) {
      if (expectedFailures.some((pattern) => pattern.test(where))) return;
    }
    errors.push(`${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
    },
  };
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's run in the page with the rules that cannot find anything serious or critical
 * turned off: a finding's impact is the highest of its rule's failing checks' (or the rule's
 * own, when it sets one), so a rule whose checks are all minor or moderate could only add
 * findings this harness drops. Every other rule runs as in axe's default run. About a third
 * of axe's rules; with axe added once per document (it stays across the app's own
 * navigations), a scan costs Chromium noticeably less.
 */
const AXE_RUN_SERIOUS = `(() => {
  const high = (impact) => impact === 'serious' || impact === 'critical';
  const checks = axe._audit.data.checks || {};
  const canBeHigh = (rule) =>
    high(rule.impact) ||
    [...rule.any, ...rule.all, ...rule.none].some((check) =>
      high(checks[typeof check === 'string' ? check : check.id]?.impact),
    );
  const rules = {};
  for (const rule of axe._audit.rules) if (!canBeHigh(rule)) rules[rule.id] = { enabled: false };
  return axe.run(document, { resultTypes: ['violations'], rules }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })),
  );
})()`;

/** axe-core run in the page: the serious and critical violations, by rule and element. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Strings: the page's global `axe`, not a Node-side function serialised into the page.
  if ((await page.evaluate('typeof axe')) === 'undefined') {
    await page.addScriptTag({ path: axePath });
  }
  const violations =
    await page.evaluate<{ id: string; impact: string | null; nodes: string[] }[]>(AXE_RUN_SERIOUS);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact ?? ''} ${v.id}: ${v.nodes.join(', ')}`);
}

/** Signs in with the sign-in form, opened at `path` (where the app returns after signing in). */
export async function signInWithForm(
  service: Service,
  browser: Browser,
  email: string,
  password: string,
  path = '/',
): Promise<void> {
  const { page } = browser;
  await page.goto(`${service.url}${path}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in with the form at `/` and waits for the trips page it leads to. */
export async function signInToTrips(
  service: Service,
  browser: Browser,
  email: string,
  password: string,
): Promise<void> {
  await signInWithForm(service, browser, email, password);
  await browser.page.getByRole('heading', { name: 'Trips', exact: true }).waitFor();
}

/** Follows a link of the app's page navigation and waits for the page's heading. */
export async function goToPage(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

/**
 * Ends the browser's session on the server, as when it expires or is signed out elsewhere:
 * the page still holds it, and its next request answers 401.
 */
export async function endSessionOnServer(service: Service, browser: Browser): Promise<void> {
  const cookie = (await browser.context.cookies(service.url)).find((c) => c.name.length > 0);
  if (cookie === undefined) throw new Error('no session cookie in the browser');
  const auth = { cookie: `${cookie.name}=${cookie.value}`, csrfToken: '' };
  const session = (await (await apiCall(service, auth, 'GET', '/session')).json()) as {
    csrfToken: string;
  };
  const ended = await apiCall(
    service,
    { ...auth, csrfToken: session.csrfToken },
    'DELETE',
    '/session',
  );
  expect(ended.status).toBe(204);
}

/** Whether the element has the keyboard focus (evaluated in the page). */
export async function isFocused(locator: Locator): Promise<boolean> {
  const id = await locator.getAttribute('id');
  return id !== null && (await locator.page().evaluate('document.activeElement?.id')) === id;
}

/** The page has no serious or critical axe-core violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

const results = join(root, 'test-results');
const docsShots = join(root, 'docs', 'screenshots');

/**
 * Saves to test-results/; `publish` also refreshes the copy in docs/screenshots/. With `part`,
 * only that element (a panel) is pictured, else the whole page.
 */
export async function screenshot(
  page: Page,
  name: string,
  publish = false,
  part?: Locator,
): Promise<void> {
  mkdirSync(results, { recursive: true });
  const file = join(results, `${name}.png`);
  if (part === undefined) {
    // From the top: a full-page picture taken scrolled draws the sticky header where the
    // window was, in the middle of the page.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: file, fullPage: true });
  } else await part.screenshot({ path: file });
  if (publish) {
    mkdirSync(docsShots, { recursive: true });
    copyFileSync(file, join(docsShots, `${name}.png`));
  }
}
