import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, type ServiceConfig } from '../config/service-config.js';
import { startSmtpSink } from '../../test/smtp-sink.js';
import { startService, type RunningService } from './start.js';

const dirs: string[] = [];
const running: RunningService[] = [];

function configFor(env: Record<string, string>): ServiceConfig {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-start-'));
  dirs.push(dir);
  const result = parseConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    SQLITE_PATH: join(dir, 'db.sqlite'),
    ...env,
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}

afterEach(async () => {
  for (const service of running.splice(0)) await service.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Signs the demo admin in over a real socket, with the password the start printed. */
async function demoSignIn(service: RunningService, printed: string) {
  const password = /password: (\S+)/.exec(printed)?.[1];
  expect(password).toBeDefined();
  const login = await fetch(`${service.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.example', password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe('startService', () => {
  it('seeds the demo carrier on an empty database, prints how to sign in, and serves', async () => {
    let printed = '';
    const config = configFor({});
    const service = await startService(config, {
      handleSignals: false,
      print: (text) => (printed += text),
    });
    running.push(service);
    expect(printed).toContain('admin@demo.example');
    // Over a real socket: it listens where the configuration says.
    const { cookie } = await demoSignIn(service, printed);
    const trips = await fetch(`${service.url}/api/v1/trips`, { headers: { cookie } });
    const body = (await trips.json()) as { items: { id: string; tripNumber: string }[] };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.tripNumber).toMatch(/^DEMO/);
    // The first thing a new user sees is a trip ready to file, not a page of errors.
    const validation = await fetch(
      `${service.url}/api/v1/trips/${body.items[0]?.id ?? ''}/validation`,
      { headers: { cookie } },
    );
    const { issues } = (await validation.json()) as { issues: { severity: string }[] };
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);

    // Quick assign and templates have something to offer at the first sign-in.
    const get = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${service.url}/api/v1${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    };
    type Named = { items: { name?: string; kind?: string; party?: { name: string } }[] };
    const byKind = (list: Named, kind: string): (string | undefined)[] =>
      list.items.filter((item) => item.kind === kind).map((item) => item.party?.name);
    const book = await get<Named>('/parties?limit=100');
    expect(byKind(book, 'shipper')).toHaveLength(3);
    expect(byKind(book, 'consignee')).toHaveLength(2);
    expect(byKind(book, 'broker')).toEqual(['Niagara Customs Brokers']);
    const found = await get<Named>('/parties/search?q=toron');
    expect(found.items.map((item) => item.party?.name)).toEqual(['Maple Leaf Mills Ltd']);
    for (const [kind, name] of [
      ['truck', 'T-101'],
      ['trailer', 'TR-5501'],
      ['driver', 'Jean Tremblay'],
    ]) {
      const profiles = await get<Named>(`/profiles?kind=${kind ?? ''}`);
      expect(profiles.items.map((item) => item.name)).toEqual([name]);
    }
    const templates = await get<Named>('/templates');
    expect(templates.items.map((item) => item.name)).toEqual(['Maple Leaf oats run']);

    // A second start on the same database seeds nothing more.
    await service.close();
    running.pop();
    let again = '';
    const second = await startService(config, { handleSignals: false, print: (t) => (again += t) });
    running.push(second);
    expect(again).toBe('');
  });

  it('files the demo trip with the built-in CBP simulator: Sync with CBP is answered at once', async () => {
    let printed = '';
    const service = await startService(configFor({ CBP_POLL_INTERVAL: '1' }), {
      handleSignals: false,
      print: (text) => (printed += text),
    });
    running.push(service);
    const { cookie, csrfToken } = await demoSignIn(service, printed);
    const trips = (await (
      await fetch(`${service.url}/api/v1/trips`, { headers: { cookie } })
    ).json()) as { items: { id: string }[] };
    const tripId = trips.items[0]?.id ?? '';
    const sync = await fetch(`${service.url}/api/v1/trips/${tripId}/sync`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(sync.status, await sync.clone().text()).toBe(202);
    // The service delivers the 309 and 358 to its own simulator and reads the 997s and 355s.
    await expect
      .poll(
        async () => {
          const filing = await fetch(`${service.url}/api/v1/trips/${tripId}/filing`, {
            headers: { cookie },
          });
          return ((await filing.json()) as { trip: { status: string } }).trip.status;
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBe('accepted');
  });

  it('refuses a RULES_FILE or EDI_PROFILE over 32 MiB at start-up, naming it, without reading it whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-huge-'));
    dirs.push(dir);
    // Sparse files, no disk used: the 2 GiB one of the report, and one just over the cap that
    // Node would read whole. /dev/zero never ends.
    const sizes = [2 * 1024 * 1024 * 1024, 32 * 1024 * 1024 + 1];
    const files = sizes.map((size, index) => {
      const file = join(dir, `huge-${String(index)}.json`);
      writeFileSync(file, '');
      truncateSync(file, size);
      return file;
    });
    for (const setting of ['RULES_FILE', 'EDI_PROFILE']) {
      for (const file of [...files, '/dev/zero']) {
        const before = process.memoryUsage().rss;
        await expect(startService(configFor({ [setting]: file }))).rejects.toThrow(
          `${setting} ${file} cannot be read (EFBIG: over 32 MiB, the most a setting file may be).`,
        );
        expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
      }
    }
  });

  it('never creates demo data or prints a password in production', async () => {
    let printed = '';
    const service = await startService(configFor({ NODE_ENV: 'production' }), {
      handleSignals: false,
      print: (text) => (printed += text),
    });
    running.push(service);
    expect(printed).toBe('');
    const login = await service.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'admin@demo.example', password: 'anything at all' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('finishes in-flight requests when closing, then refuses new connections', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (started = resolve));
    const service = await startService(configFor({}), {
      handleSignals: false,
      print: () => undefined,
      configure: (app) => {
        app.get('/slow', async () => {
          started();
          await new Promise<void>((resolve) => (release = resolve));
          return { done: true };
        });
      },
    });
    const inFlight = fetch(`${service.url}/slow`);
    await arrived;
    const closing = service.close();
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });

  it('wires SMTP_URL, MAIL_FROM, PUBLIC_URL and DRIVER_LINK_SECRET into the running service', async () => {
    const sink = await startSmtpSink();
    let printed = '';
    try {
      const service = await startService(
        configFor({
          SMTP_URL: sink.url,
          MAIL_FROM: 'Dispatch <dispatch@demo.example>',
          PUBLIC_URL: 'https://manifest.demo.example/',
          DRIVER_LINK_SECRET: 'k'.repeat(40),
        }),
        { handleSignals: false, print: (text) => (printed += text) },
      );
      running.push(service);
      const password = /password: (\S+)/.exec(printed)?.[1] ?? '';
      const login = await fetch(`${service.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.example', password }),
      });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = {
        cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '',
        'x-csrf-token': csrfToken,
        'content-type': 'application/json',
      };
      const trips = (await (await fetch(`${service.url}/api/v1/trips`, { headers })).json()) as {
        items: { id: string }[];
      };
      const tripId = trips.items[0]?.id ?? '';
      const link = await fetch(`${service.url}/api/v1/trips/${tripId}/driver-links`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      const { url } = (await link.json()) as { url: string };
      expect(url).toMatch(/^https:\/\/manifest\.demo\.example\/driver\/\S+$/);
      // The configured key signs it: the page opens on this service.
      const page = await fetch(`${service.url}${new URL(url).pathname}`);
      expect(page.status).toBe(200);
      const mail = await fetch(`${service.url}/api/v1/trips/${tripId}/lead-sheet/email`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: 'driver@demo.example' }),
      });
      expect(mail.status).toBe(200);
      expect(sink.received.at(-1)?.from).toBe('dispatch@demo.example');
    } finally {
      await sink.close();
    }
  });
});
