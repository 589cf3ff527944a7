/**
 * Browser tests drive the built web app in real Chromium (Debian's `chromium` package) with
 * playwright-core, against a real `emanifest serve` process on a fresh SQLite file, exactly
 * as an operator runs it. Chromium missing: the suite fails under CI and is skipped (loudly)
 * elsewhere, like the PostgreSQL suites (test/storage-harness.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));

export const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing) {
  if (process.env['CI'] !== undefined) {
    throw new Error(`Chromium is required in CI for the browser tests; ${CHROMIUM} is missing.`);
  }
  console.warn(
    `\n*** ${CHROMIUM} is missing: the browser tests (test/e2e) are SKIPPED. ` +
      'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
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

/** `emanifest serve` (the built CLI, as `npm start` runs it) on a free port and a new database. */
export async function startService(): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-e2e-'));
  const sqlitePath = join(dir, 'e2e.sqlite');
  const child: ChildProcess = spawn(process.execPath, ['bin/emanifest.js', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      SQLITE_PATH: sqlitePath,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
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
    sqlitePath,
    email: 'admin@demo.example',
    password,
    async stop() {
      child.kill('SIGTERM');
      await exited;
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

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions, except the ones a test said to expect. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile per test. `expectedFailures` are API paths whose failing status
 * (e.g. 401 from the signed-out session probe) the test expects: Chromium logs every failed
 * request to the console, and those are not faults of the page.
 */
export async function openBrowser(expectedFailures: readonly RegExp[] = []): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'emanifest-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
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
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core run in the page: the serious and critical violations, by rule and element. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  // A string: the page's global `axe`, not a Node-side function serialised into the page.
  const violations = await page.evaluate<{ id: string; impact: string | null; nodes: string[] }[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })))",
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact ?? ''} ${v.id}: ${v.nodes.join(', ')}`);
}

const results = join(root, 'test-results');
const docsShots = join(root, 'docs', 'screenshots');

/**
 * Saves to test-results/; `publish` also refreshes the copy in docs/screenshots/. The whole
 * page, or only `part` of it (a panel far down a long page).
 */
export async function screenshot(
  page: Page,
  name: string,
  publish = false,
  part?: Locator,
): Promise<void> {
  mkdirSync(results, { recursive: true });
  const file = join(results, `${name}.png`);
  if (part === undefined) await page.screenshot({ path: file, fullPage: true });
  else await part.screenshot({ path: file });
  if (publish) {
    mkdirSync(docsShots, { recursive: true });
    copyFileSync(file, join(docsShots, `${name}.png`));
  }
}
