/**
 * Service configuration, read from the environment exactly once at start-up
 * (docs/architecture.md: only api/ and cli/ read process.env). One zod schema, and every problem
 * is reported together so an operator fixes the whole file in one go instead of one variable
 * per restart.
 */
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Empty strings count as unset: `FOO=` in a .env file should not override a default. */
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

/** `90`, `90s`, `30m`, `12h`, `7d` → milliseconds. A bare number is seconds. */
const DURATION = /^(\d+)\s*(s|m|h|d)?$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function durationMs(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match?.[1]) return undefined;
  const unit = (match[2] ?? 's') as keyof typeof UNIT_MS;
  const ms = Number(match[1]) * UNIT_MS[unit];
  return ms > 0 ? ms : undefined;
}

/**
 * A duration from 1 s to `max` (written as the operator would, `365d`); unset or empty: `unset`
 * ms. Without a ceiling `99999999999d` was taken, and every sign-in then failed on an expiry
 * past the year 275,760; a timer beyond 2^31 ms fires at once, in a loop.
 */
function duration<Unset extends number | undefined>(
  max: { readonly ms: number; readonly text: string },
  unset: Unset,
) {
  return optionalString.transform((text, ctx) => {
    if (text === undefined) return unset;
    const ms = durationMs(text);
    if (ms === undefined || ms > max.ms) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a duration from 1s to ${max.text}, like 3600, 30m, 12h or 7d, found "${text}"`,
      });
      return z.NEVER;
    }
    return ms;
  });
}

/** SESSION_TTL's ceiling: a year, past which a session is no longer a session. */
const MAX_SESSION_TTL = { ms: 365 * UNIT_MS.d, text: '365d' };
/**
 * SQLITE_BUSY_WAIT's ceiling: ten minutes. How long a transaction waits for another process's
 * write lock (unset: storage/busy.ts's 8 s); a request waits as long, so more is no service.
 */
const MAX_BUSY_WAIT = { ms: 10 * UNIT_MS.m, text: '10m' };
/** CBP_POLL_INTERVAL's ceiling: a day (well under a timer's 24.8-day limit). */
const MAX_POLL_INTERVAL = { ms: UNIT_MS.d, text: '24h' };

/**
 * A whole number from `min` to `max` (PORT, PASSWORD_HASH_COST), said in the operator's words
 * rather than the schema library's ("expected number, received NaN"); unset or empty: `unset`.
 */
function wholeNumber(min: number, max: number, unset: number) {
  return optionalString.transform((text, ctx) => {
    if (text === undefined) return unset;
    const value = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a whole number from ${String(min)} to ${String(max)}, found "${text}"`,
      });
      return z.NEVER;
    }
    return value;
  });
}

/**
 * One of a few words (NODE_ENV, LOG_LEVEL, CBP_TRANSPORT, WEBHOOK_PRIVATE_NETWORKS), each named
 * when another is found; unset or empty: `unset` (undefined where the default depends on other
 * settings).
 */
function oneOf<const T extends string, const U extends T | undefined>(
  words: readonly [T, ...T[]],
  unset: U,
) {
  return optionalString.transform((text, ctx): T | U => {
    if (text === undefined) return unset;
    const word = words.find((known) => known === text.trim());
    if (word !== undefined) return word;
    ctx.addIssue({
      code: 'custom',
      message: `expected one of ${words.join(', ')}, found "${text}"`,
    });
    return z.NEVER;
  });
}

/** One label of a host name (RFC 1123): letters, digits and inner hyphens, 1 to 63. */
const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/**
 * HOST: an IP address or a host name; unset or empty: 127.0.0.1. Checked with the other
 * settings, so a typo (`999.1.1.1`) is said at once instead of as getaddrinfo ENOTFOUND when the
 * service listens. Numbers alone (`999.1.1.1`, `80`) are an IPv4 address or nothing: no
 * top-level domain is numeric. A well-formed name that does not resolve still fails at listen.
 */
const host = optionalString.transform((text, ctx) => {
  if (text === undefined) return '127.0.0.1';
  const value = text.trim();
  const labels = value.replace(/\.$/, '').split('.');
  const isName =
    value.length <= 253 &&
    labels.every((label) => HOST_LABEL.test(label)) &&
    !labels.every((label) => /^\d+$/.test(label));
  if (isIP(value) !== 0 || isName) return value;
  ctx.addIssue({
    code: 'custom',
    message: `expected an IP address (127.0.0.1, 0.0.0.0, ::) or a host name, found "${text}"`,
  });
  return z.NEVER;
});

/**
 * Whether a text is a URL at all (WHATWG, as fetch, nodemailer and pg read it): the shape
 * checks below took `https://[` or a port of 99999, which then started the service with a link
 * base that cannot be used, or failed later as a bare "Invalid URL" naming no variable.
 */
function isUrl(text: string): boolean {
  try {
    new URL(text.trim());
    return true;
  } catch {
    return false;
  }
}

/** The production floor of PASSWORD_HASH_COST: the default (OWASP's scrypt minimum). */
const DEFAULT_COST = 15;

const envSchema = z.object({
  NODE_ENV: oneOf(['development', 'production', 'test'], 'development'),
  PORT: wholeNumber(0, 65_535, 3000),
  HOST: host,
  DATABASE_URL: optionalString.refine(
    (url) => url === undefined || (/^postgres(ql)?:\/\/.+/.test(url) && isUrl(url)),
    'must be a PostgreSQL URL (postgres://user@host:5432/db); leave it unset for embedded SQLite',
  ),
  SQLITE_PATH: optionalString.transform((path) => path ?? './data/emanifest.sqlite'),
  SQLITE_BUSY_WAIT: duration(MAX_BUSY_WAIT, undefined),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  SESSION_TTL: duration(MAX_SESSION_TTL, 12 * UNIT_MS.h),
  RULES_FILE: optionalString,
  EDI_PROFILE: optionalString,
  // Behind a reverse proxy the client address (used by the rate limits) is in
  // X-Forwarded-For; trusting it without a proxy would let anyone pick their own address.
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((text, ctx) => {
      const parsed = trustProxy(text);
      if (parsed === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `expected false, a hop count (1) or proxy addresses (10.0.0.5,10.1.0.0/16), found "${text}"`,
        });
        return z.NEVER;
      }
      return parsed;
    }),
  // Outgoing e-mail (lead sheets to drivers, later the filing alerts): an SMTP URL as
  // nodemailer reads it, smtp://user:password@host:587 (STARTTLS) or smtps://…:465 (TLS).
  SMTP_URL: optionalString.refine(
    (url) => url === undefined || (/^smtps?:\/\/.+/.test(url) && isUrl(url)),
    'must be an SMTP URL (smtp://user:password@host:587 or smtps://host:465); leave it unset to send no mail',
  ),
  MAIL_FROM: optionalString.refine(
    (from) => from === undefined || /^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(from.trim()),
    'must be an address, optionally with a name: "ACE eManifest <manifest@carrier.example>"',
  ),
  // Where people reach the service, for links sent out (the driver's page); the address the
  // request came to when unset.
  PUBLIC_URL: optionalString.refine(
    (url) => url === undefined || (/^https?:\/\/[^/?#]+\/?$/.test(url) && isUrl(url)),
    'must be the origin people reach the service at, e.g. https://manifest.carrier.example',
  ),
  // Webhooks to loopback and private networks: refused unless the operator allows them (a
  // service inside a company's own network, posting to its own systems).
  WEBHOOK_PRIVATE_NETWORKS: oneOf(['refuse', 'allow'], 'refuse'),
  // Signs the driver's-page links (HMAC-SHA256). Unset: a random key per start, so links die
  // when the service restarts and are not shared between instances.
  DRIVER_LINK_SECRET: optionalString.refine(
    (secret) => secret === undefined || secret.length >= 32,
    'must be at least 32 characters (e.g. openssl rand -hex 32)',
  ),
  // scrypt's cost for new password hashes, as log2 N: 15 (32 MiB, the OWASP floor) unless set.
  // Each hash records its own cost, so changing it never locks anyone out. Lower is for test
  // and demo services that sign in hundreds of times (production refuses it, see below).
  PASSWORD_HASH_COST: wholeNumber(10, 20, DEFAULT_COST),
  // Filing with CBP: how interchanges travel (README "Filing with CBP"). Unset: the CBP simulator
  // inside the service outside production (a demo files end to end), nothing sent in production
  // (syncs wait in the outbox until a transport is configured). See cbpTransport below.
  CBP_TRANSPORT: oneOf(['none', 'simulator', 'folders', 'built-in'], undefined),
  CBP_SIMULATOR_URL: optionalString.refine(
    (url) => url === undefined || (/^https?:\/\/[^\s]+$/.test(url) && isUrl(url)),
    'must be an http(s) URL, e.g. http://127.0.0.1:4980',
  ),
  CBP_OUTBOUND_DIR: optionalString,
  CBP_INBOUND_DIR: optionalString,
  CBP_POLL_INTERVAL: duration(MAX_POLL_INTERVAL, 5_000),
  // Node's heap is set by the launcher (bin/emanifest.js); this is only echoed in the docs.
  // Timeouts of HTTP are fixed in server.ts (SERVER_TIMEOUTS), documented in ADR 0007.
});

const ADDRESS = /^([0-9A-Fa-f:.]+)(?:\/(\d{1,3}))?$/;

/**
 * An IP address, or a CIDR range within its family's width (32 bits, 128 for IPv6). The
 * characters alone took `abc` and `1.2.3.4/999`, which proxy-addr refused only after the
 * database was migrated and the demo company seeded, naming no variable.
 */
function isProxyAddress(text: string): boolean {
  const [, address = '', prefix] = ADDRESS.exec(text) ?? [];
  const family = isIP(address);
  if (family === 0) return false;
  return prefix === undefined || Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `false`/`0`/empty trusts nobody; a number trusts that many proxies in front
 * (`true` means 1); otherwise a comma-separated list of proxy addresses or CIDR ranges, the
 * safest form: only those peers may set X-Forwarded-For.
 */
function trustProxy(text: string): false | number | readonly string[] | undefined {
  const value = text.trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const addresses = value.split(',').map((part) => part.trim());
  return addresses.every(isProxyAddress) ? addresses : undefined;
}

/**
 * Where interchanges go: the CBP simulator's mailbox, EDI mailbox folders, or a CBP simulator the
 * service runs itself (`built-in`, development and demos), keeping its state in `dataDir`.
 */
export type CbpTransportConfig =
  | { readonly kind: 'simulator'; readonly url: string }
  | { readonly kind: 'folders'; readonly outbound: string; readonly inbound: string }
  | { readonly kind: 'built-in'; readonly dataDir: string };

export interface ServiceConfig {
  readonly mode: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly database: {
    readonly url: string | undefined;
    readonly sqlitePath: string;
    /** How long SQLite's write lock held by another process is waited for; unset: 8 s. */
    readonly busyWaitMs?: number | undefined;
  };
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly sessionTtlMs: number;
  readonly rulesFile: string | undefined;
  /** A replacement CBP trading-partner profile (docs/edi.md); the built-in one when unset. */
  readonly ediProfileFile: string | undefined;
  readonly trustProxy: false | number | readonly string[];
  /** Outgoing mail; undefined when SMTP_URL is unset (nothing is sent). */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | undefined;
  readonly publicUrl: string | undefined;
  readonly driverLinkSecret: string | undefined;
  /** Whether webhooks may reach loopback and private networks. */
  readonly webhookPrivateNetworks: 'refuse' | 'allow';
  /** undefined: no transport, the outbox keeps what syncs queue. */
  readonly cbp: CbpTransportConfig | undefined;
  /** How often the outbox is delivered and answers are read. */
  readonly cbpPollMs: number;
  /** scrypt's log2 N for new password hashes. */
  readonly passwordHashCost: number;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: ServiceConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

type Env = z.output<typeof envSchema>;

/** Parses an environment (normally `process.env`); never throws. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const result = envSchema.safeParse(env);
  const invalid = new Set(result.success ? [] : result.error.issues.map((i) => String(i.path[0])));
  // The settings that depend on each other are judged on the variables that are valid, so one
  // run names every problem; a variable already reported is not judged again.
  const valid = result.success ? result : envSchema.safeParse(without(env, invalid));
  if (!valid.success) return { ok: false, errors: valid.error.issues.map(describe) };
  const env_ = valid.data;
  const cbp = cbpTransport({
    ...env_,
    CBP_TRANSPORT: env_.CBP_TRANSPORT ?? (env_.NODE_ENV === 'production' ? 'none' : 'built-in'),
  });
  const errors = [
    ...(result.success ? [] : result.error.issues.map(describe)),
    ...dependentErrors(env, env_),
    ...(cbp.ok ? [] : cbp.errors.filter((error) => !invalid.has(error.split(':')[0] ?? ''))),
  ];
  if (errors.length > 0 || !cbp.ok) return { ok: false, errors };
  return {
    ok: true,
    config: {
      mode: env_.NODE_ENV,
      port: env_.PORT,
      host: env_.HOST,
      database: {
        url: env_.DATABASE_URL,
        sqlitePath: env_.SQLITE_PATH,
        busyWaitMs: env_.SQLITE_BUSY_WAIT,
      },
      logLevel: env_.LOG_LEVEL,
      sessionTtlMs: env_.SESSION_TTL,
      rulesFile: env_.RULES_FILE,
      ediProfileFile: env_.EDI_PROFILE,
      trustProxy: env_.TRUST_PROXY,
      mail:
        env_.SMTP_URL === undefined
          ? undefined
          : { smtpUrl: env_.SMTP_URL, from: (env_.MAIL_FROM ?? '').trim() },
      publicUrl: env_.PUBLIC_URL?.replace(/\/$/, ''),
      driverLinkSecret: env_.DRIVER_LINK_SECRET,
      webhookPrivateNetworks: env_.WEBHOOK_PRIVATE_NETWORKS,
      cbp: cbp.config,
      cbpPollMs: env_.CBP_POLL_INTERVAL,
      passwordHashCost: env_.PASSWORD_HASH_COST,
    },
  };
}

function describe(issue: z.core.$ZodIssue): string {
  const name = issue.path.map(String).join('.');
  return name === '' ? issue.message : `${name}: ${issue.message}`;
}

/** The environment with the variables named left out: each then takes its default. */
function without(
  env: Readonly<Record<string, string | undefined>>,
  names: ReadonlySet<string>,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.has(name)));
}

/** The rules between variables, on the valid ones (`raw` says what was set at all). */
function dependentErrors(raw: Readonly<Record<string, string | undefined>>, env: Env): string[] {
  const errors: string[] = [];
  // A mistyped SMTP_URL still means mail is wanted: its sender is needed all the same.
  if ((raw.SMTP_URL ?? '').trim() !== '' && (raw.MAIL_FROM ?? '').trim() === '') {
    errors.push('MAIL_FROM: is required with SMTP_URL: the address mail is sent from');
  }
  if (env.NODE_ENV === 'production' && env.PASSWORD_HASH_COST < DEFAULT_COST) {
    errors.push(
      `PASSWORD_HASH_COST: must be at least ${String(DEFAULT_COST)} in production: a cheaper hash is cheaper to crack`,
    );
  }
  return errors;
}

function cbpTransport(env: {
  CBP_TRANSPORT: 'none' | 'simulator' | 'folders' | 'built-in';
  CBP_SIMULATOR_URL: string | undefined;
  CBP_OUTBOUND_DIR: string | undefined;
  CBP_INBOUND_DIR: string | undefined;
  NODE_ENV: ServiceConfig['mode'];
  SQLITE_PATH: string;
}): { ok: true; config: CbpTransportConfig | undefined } | { ok: false; errors: string[] } {
  switch (env.CBP_TRANSPORT) {
    case 'none':
      return { ok: true, config: undefined };
    case 'built-in':
      // A simulator is not CBP: a production service never answers its own filings.
      if (env.NODE_ENV === 'production') {
        return {
          ok: false,
          errors: [
            'CBP_TRANSPORT: built-in (the CBP simulator inside the service) is for development and demos; in production use folders, or none',
          ],
        };
      }
      return {
        ok: true,
        config: { kind: 'built-in', dataDir: builtInSimulatorDir(env.SQLITE_PATH) },
      };
    case 'simulator':
      return env.CBP_SIMULATOR_URL === undefined
        ? { ok: false, errors: ['CBP_SIMULATOR_URL: required when CBP_TRANSPORT=simulator'] }
        : { ok: true, config: { kind: 'simulator', url: env.CBP_SIMULATOR_URL } };
    case 'folders': {
      const errors = [
        ...(env.CBP_OUTBOUND_DIR === undefined
          ? ['CBP_OUTBOUND_DIR: required when CBP_TRANSPORT=folders']
          : []),
        ...(env.CBP_INBOUND_DIR === undefined
          ? ['CBP_INBOUND_DIR: required when CBP_TRANSPORT=folders']
          : []),
      ];
      if (env.CBP_OUTBOUND_DIR === undefined || env.CBP_INBOUND_DIR === undefined) {
        return { ok: false, errors };
      }
      if (nested(env.CBP_OUTBOUND_DIR, env.CBP_INBOUND_DIR)) {
        return {
          ok: false,
          errors: [
            `CBP_INBOUND_DIR: must be a folder apart from CBP_OUTBOUND_DIR (${env.CBP_OUTBOUND_DIR}), neither inside the other: the service would read its own filings as CBP's answers, or hand CBP's answers to the bridge as filings`,
          ],
        };
      }
      return {
        ok: true,
        config: { kind: 'folders', outbound: env.CBP_OUTBOUND_DIR, inbound: env.CBP_INBOUND_DIR },
      };
    }
  }
}

/**
 * The built-in simulator's state folder: `cbp-simulator` beside the SQLite file (./data, where
 * `emanifest cbp-simulator` keeps its own by default), so deleting ./data starts both over; for
 * an in-memory database, a folder of this process in the system's temporary folder.
 */
function builtInSimulatorDir(sqlitePath: string): string {
  return sqlitePath === ':memory:'
    ? join(tmpdir(), `emanifest-cbp-simulator-${String(process.pid)}`)
    : join(dirname(sqlitePath), 'cbp-simulator');
}

/** Whether two folders are the same or one is inside the other. */
function nested(a: string, b: string): boolean {
  const inside = (folder: string, other: string) => {
    const path = relative(resolve(folder.trim()), resolve(other.trim()));
    return path === '' || !(path === '..' || path.startsWith('../') || resolve(path) === path);
  };
  return inside(a, b) || inside(b, a);
}
