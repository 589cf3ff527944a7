/**
 * API test harness: a fresh migrated database (a temp SQLite file, or a throwaway PostgreSQL
 * schema when TEST_POSTGRES_URL is set and the test asks for it), the real use cases and the
 * real server, driven with Fastify's inject(). Helpers sign users in and send requests the way
 * the browser UI and an integration would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AppDeps } from '../src/app/shared/deps.js';
import { bootstrapCompany } from '../src/app/accounts/bootstrap-company.js';
import { buildServer } from '../src/api/server.js';
import type { Api } from '../src/api/types.js';
import type { ApiDeps } from '../src/api/deps.js';
import {
  createRateLimitCounter,
  createSqlStore,
  migrateToLatest,
  openDatabase,
  openSqliteReader,
  type Database,
} from '../src/storage/index.js';
import { FIXED_NOW } from './builders.js';
import { aMigratedSchema, POSTGRES_URL } from './postgres-schemas.js';

export const PASSWORD = 'correct horse battery';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Harness {
  readonly app: Api;
  readonly db: Kysely<Database>;
  /** The SQLite file, for a second process to open; undefined on PostgreSQL. */
  readonly sqlitePath: string | undefined;
  readonly appDeps: AppDeps;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly database?: DatabaseKind;
  readonly api?: Partial<ApiDeps>;
  /** Added to the use cases' dependencies (a mailer, a driver-link key). */
  readonly appDeps?: Partial<AppDeps>;
  /** How long the store waits for SQLite's write lock held by another process (busy.ts). */
  readonly busyWaitMs?: number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  let cleanup: () => Promise<void>;
  let db: Kysely<Database>;
  // As the service: read-only use cases on a reader connection of their own (query_only, so a
  // use case marked read-only that writes fails here).
  let reader: Kysely<Database> | undefined;
  let sqlitePath: string | undefined;
  // API_TEST_DATABASE=postgres runs the whole API suite on PostgreSQL (TEST_POSTGRES_URL).
  const database =
    options.database ?? (process.env.API_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite');
  if (database === 'postgres') {
    // A migrated, empty schema of this harness's own (test/postgres-schemas.ts).
    const { schema, release } = await aMigratedSchema();
    db = openDatabase({ url: POSTGRES_URL, sqlitePath: ':memory:', postgresSchema: schema });
    cleanup = release;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-api-'));
    sqlitePath = join(dir, 'test.sqlite');
    db = openDatabase({ sqlitePath });
    cleanup = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
    await migrateToLatest(db);
    reader = openSqliteReader({ sqlitePath });
  }
  let ids = 0;
  const appDeps: AppDeps = {
    store: createSqlStore(db, { busyWait: { waitMs: options.busyWaitMs }, reader }),
    clock: { now: () => FIXED_NOW },
    ids: { newId: () => `id-${String(++ids).padStart(6, '0')}` },
    // Cheap hashing: the KDF cost is not what these tests are about.
    scrypt: { ln: 10, r: 8, p: 1 },
    driverLinkSecret: 'api-test-driver-link-key-0123456789abcdef',
    ...options.appDeps,
  };
  const app = await buildServer({
    mode: 'test',
    logger: false,
    app: appDeps,
    checkReady: async () => {
      await sql`select 1`.execute(db);
    },
    // Tests sign in often; the limit itself is tested with a low one of its own.
    loginRateLimit: { max: 10_000, timeWindowMs: 60_000 },
    loginAddressRateLimit: { max: 10_000, timeWindowMs: 60_000 },
    rateLimits: createRateLimitCounter(db),
    ...options.api,
  });
  await app.ready();
  return {
    app,
    db,
    sqlitePath,
    appDeps,
    async close() {
      await app.close();
      await reader?.destroy();
      await db.destroy();
      await cleanup();
    },
  };
}

export async function aCompany(
  harness: Harness,
  scac: string,
  email = `admin@${scac.toLowerCase()}.example`,
): Promise<{ companyId: string; adminId: string; email: string }> {
  const { company, admin } = await bootstrapCompany(harness.appDeps, {
    company: { name: `${scac} Transport`, scac, defaultPortOfArrival: '0901' },
    admin: { email, displayName: `${scac} admin`, password: PASSWORD },
  });
  return { companyId: company.id, adminId: admin.id, email };
}

/** How a request authenticates: a browser session (cookie + CSRF token) or an API token. */
export type Credentials =
  | { readonly kind: 'session'; readonly cookie: string; readonly csrf: string }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'none' };

export const anonymous: Credentials = { kind: 'none' };

export async function signIn(
  harness: Harness,
  email: string,
  password = PASSWORD,
): Promise<Extract<Credentials, { kind: 'session' }>> {
  const response = await harness.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'emanifest_session');
  if (!cookie) throw new Error('no session cookie');
  return {
    kind: 'session',
    cookie: `${cookie.name}=${cookie.value}`,
    csrf: response.json<{ csrfToken: string }>().csrfToken,
  };
}

export interface CallOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** false: leave the CSRF header out, to prove it is required. */
  readonly csrf?: boolean;
}

export function call(
  harness: Harness,
  credentials: Credentials,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: CallOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (credentials.kind === 'session') {
    headers.cookie = credentials.cookie;
    if (options.csrf !== false) headers['x-csrf-token'] = credentials.csrf;
  } else if (credentials.kind === 'token') {
    headers.authorization = `Bearer ${credentials.token}`;
  }
  return harness.app.inject({
    method,
    url,
    headers: { ...headers, ...options.headers },
    ...(options.body === undefined ? {} : { payload: options.body as object }),
  });
}

/** Creates an API token through the API, as an admin would. */
export async function anApiToken(
  harness: Harness,
  admin: Credentials,
  role: 'admin' | 'dispatcher' | 'viewer' = 'dispatcher',
): Promise<Extract<Credentials, { kind: 'token' }>> {
  const response = await call(harness, admin, 'POST', '/api/v1/api-tokens', {
    body: { name: `integration ${role}`, role },
  });
  if (response.statusCode !== 201) throw new Error(`token creation failed: ${response.body}`);
  return { kind: 'token', token: response.json<{ secret: string }>().secret };
}

export function postgresAvailable(): boolean {
  return process.env.TEST_POSTGRES_URL !== undefined;
}

/** Invites `email` through the API as `admin` and accepts as a new account with `password`. */
export async function aMember(
  harness: Harness,
  admin: Credentials,
  input: {
    email: string;
    role: 'admin' | 'dispatcher' | 'viewer';
    password: string;
    displayName?: string;
  },
): Promise<{ userId: string }> {
  const invited = await call(harness, admin, 'POST', '/api/v1/invitations', {
    body: { email: input.email, role: input.role },
  });
  if (invited.statusCode !== 201) throw new Error(`invitation failed: ${invited.body}`);
  const accepted = await call(harness, anonymous, 'POST', '/api/v1/invitations/accept', {
    body: {
      token: invited.json<{ token: string }>().token,
      password: input.password,
      displayName: input.displayName ?? input.email,
    },
  });
  if (accepted.statusCode !== 200) throw new Error(`acceptance failed: ${accepted.body}`);
  return { userId: accepted.json<{ userId: string }>().userId };
}

/** A harness with one company and its admin signed in (a browser session). */
export interface SignedInHarness {
  readonly harness: Harness;
  readonly admin: Extract<Credentials, { kind: 'session' }>;
  readonly email: string;
  readonly companyId: string;
  readonly adminId: string;
}

/** Starts a harness, creates the company `scac` and signs its admin in. */
export async function signedInHarness(
  scac: string,
  options: HarnessOptions = {},
): Promise<SignedInHarness> {
  const harness = await startHarness(options);
  const company = await aCompany(harness, scac);
  return { harness, admin: await signIn(harness, company.email), ...company };
}

/**
 * A test file's harness: `signedInHarness` in a `beforeAll` that hands it to `use` (which may
 * set up more), and closed in an `afterAll` that runs after the file's own.
 */
export function withSignedInHarness(
  scac: string,
  use: (signedIn: SignedInHarness) => void | Promise<void>,
  options: HarnessOptions = {},
): void {
  let started: SignedInHarness | undefined;
  beforeAll(async () => {
    started = await signedInHarness(scac, options);
    await use(started);
  });
  afterAll(async () => {
    await started?.harness.close();
  });
}
