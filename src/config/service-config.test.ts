import { describe, expect, it } from 'vitest';
import { parseConfig } from './service-config.js';

describe('parseConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const result = parseConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        mode: 'development',
        port: 3000,
        host: '127.0.0.1',
        database: { url: undefined, sqlitePath: './data/emanifest.sqlite' },
        logLevel: 'info',
        sessionTtlMs: 12 * 3_600_000,
        rulesFile: undefined,
        ediProfileFile: undefined,
        trustProxy: false,
        mail: undefined,
        publicUrl: undefined,
        driverLinkSecret: undefined,
        webhookPrivateNetworks: 'refuse',
        // Outside production a demo files end to end: the CBP simulator inside the service.
        cbp: { kind: 'built-in', dataDir: 'data/cbp-simulator' },
        cbpPollMs: 5_000,
        passwordHashCost: 15,
      },
    });
  });

  it('takes a cheaper password hash outside production only', () => {
    const test = parseConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '10' });
    expect(test.ok && test.config.passwordHashCost).toBe(10);
    const stronger = parseConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '17' });
    expect(stronger.ok && stronger.config.passwordHashCost).toBe(17);
    expect(parseConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '14' })).toEqual({
      ok: false,
      errors: [
        'PASSWORD_HASH_COST: must be at least 15 in production: a cheaper hash is cheaper to crack',
      ],
    });
    // Below 10 no deployment is safe; above 20 a sign-in takes seconds and 1 GiB.
    expect(parseConfig({ PASSWORD_HASH_COST: '9' }).ok).toBe(false);
    expect(parseConfig({ PASSWORD_HASH_COST: '21' }).ok).toBe(false);
  });

  it('chooses the CBP transport, and says what a chosen transport lacks', () => {
    expect(
      parseConfig({ CBP_TRANSPORT: 'simulator', CBP_SIMULATOR_URL: 'http://127.0.0.1:4980' }),
    ).toMatchObject({
      ok: true,
      config: { cbp: { kind: 'simulator', url: 'http://127.0.0.1:4980' } },
    });
    expect(
      parseConfig({
        CBP_TRANSPORT: 'folders',
        CBP_OUTBOUND_DIR: '/edi/out',
        CBP_INBOUND_DIR: '/edi/in',
        CBP_POLL_INTERVAL: '30s',
      }),
    ).toMatchObject({
      ok: true,
      config: {
        cbp: { kind: 'folders', outbound: '/edi/out', inbound: '/edi/in' },
        cbpPollMs: 30_000,
      },
    });
    expect(parseConfig({ CBP_TRANSPORT: 'simulator' })).toEqual({
      ok: false,
      errors: ['CBP_SIMULATOR_URL: required when CBP_TRANSPORT=simulator'],
    });
    expect(parseConfig({ CBP_TRANSPORT: 'folders' })).toMatchObject({
      ok: false,
      errors: [
        expect.stringContaining('CBP_OUTBOUND_DIR'),
        expect.stringContaining('CBP_INBOUND_DIR'),
      ],
    });
    expect(parseConfig({ CBP_TRANSPORT: 'mq' }).ok).toBe(false);
  });

  it('files with the built-in CBP simulator by default outside production, and never in production', () => {
    expect(parseConfig({ SQLITE_PATH: '/srv/manifest/db.sqlite' })).toMatchObject({
      ok: true,
      config: { cbp: { kind: 'built-in', dataDir: '/srv/manifest/cbp-simulator' } },
    });
    expect(parseConfig({ CBP_TRANSPORT: ' ' })).toMatchObject({
      ok: true,
      config: { cbp: { kind: 'built-in' } },
    });
    expect(parseConfig({ CBP_TRANSPORT: 'none' })).toMatchObject({
      ok: true,
      config: { cbp: undefined },
    });
    const production = { NODE_ENV: 'production' };
    expect(parseConfig(production)).toMatchObject({ ok: true, config: { cbp: undefined } });
    expect(parseConfig({ ...production, CBP_TRANSPORT: 'built-in' })).toEqual({
      ok: false,
      errors: [
        'CBP_TRANSPORT: built-in (the CBP simulator inside the service) is for development and demos; in production use folders, or none',
      ],
    });
  });

  it('reads every variable', () => {
    const result = parseConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://app@db:5432/emanifest',
      SQLITE_PATH: '/var/lib/emanifest.sqlite',
      SQLITE_BUSY_WAIT: '30s',
      LOG_LEVEL: 'warn',
      SESSION_TTL: '30m',
      RULES_FILE: 'rules.json',
      EDI_PROFILE: 'cbp-profile.json',
      TRUST_PROXY: 'true',
      SMTP_URL: 'smtp://mailer:secret@mail.example:587',
      MAIL_FROM: 'ACE eManifest <manifest@carrier.example>',
      PUBLIC_URL: 'https://manifest.carrier.example/',
      DRIVER_LINK_SECRET: 'x'.repeat(32),
    });
    expect(result.ok && result.config).toMatchObject({
      mode: 'production',
      port: 8080,
      database: { url: 'postgres://app@db:5432/emanifest', busyWaitMs: 30_000 },
      sessionTtlMs: 30 * 60_000,
      rulesFile: 'rules.json',
      ediProfileFile: 'cbp-profile.json',
      // `true` means the one proxy in front, never the client-written leftmost address.
      trustProxy: 1,
      mail: {
        smtpUrl: 'smtp://mailer:secret@mail.example:587',
        from: 'ACE eManifest <manifest@carrier.example>',
      },
      publicUrl: 'https://manifest.carrier.example',
      driverLinkSecret: 'x'.repeat(32),
    });
  });

  it('wants MAIL_FROM with SMTP_URL, SMTP and web URLs, and a long driver-link secret', () => {
    const result = parseConfig({
      SMTP_URL: 'http://mail.example',
      PUBLIC_URL: 'manifest.example',
      DRIVER_LINK_SECRET: 'short',
    });
    expect(result.ok ? [] : result.errors.map((error) => error.split(':')[0]).sort()).toEqual([
      'DRIVER_LINK_SECRET',
      'MAIL_FROM',
      'PUBLIC_URL',
      'SMTP_URL',
    ]);
    const noFrom = parseConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(noFrom.ok ? [] : noFrom.errors).toEqual([
      'MAIL_FROM: is required with SMTP_URL: the address mail is sent from',
    ]);
  });

  it('takes a hop count or a list of proxy addresses for TRUST_PROXY', () => {
    const hops = parseConfig({ TRUST_PROXY: '2' });
    expect(hops.ok && hops.config.trustProxy).toBe(2);
    const list = parseConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' });
    expect(list.ok && list.config.trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    const wrong = parseConfig({ TRUST_PROXY: 'yes please' });
    expect(wrong.ok).toBe(false);
  });

  it('refuses URLs and proxy addresses of the right shape that are none, naming the variable', () => {
    const result = parseConfig({
      PUBLIC_URL: 'https://manifest.example:99999',
      SMTP_URL: 'smtp://[',
      MAIL_FROM: 'manifest@carrier.example',
      DATABASE_URL: 'postgres://127.0.0.1:99999/db',
      CBP_TRANSPORT: 'simulator',
      CBP_SIMULATOR_URL: 'http://[',
    });
    expect(result.ok ? [] : result.errors.map((error) => error.split(':')[0]).sort()).toEqual([
      'CBP_SIMULATOR_URL',
      'DATABASE_URL',
      'PUBLIC_URL',
      'SMTP_URL',
    ]);
    for (const TRUST_PROXY of ['abc', '1.2.3.4/999', '::1/129', '1.2.3.4.5']) {
      const proxy = parseConfig({ TRUST_PROXY });
      expect(proxy.ok ? [] : proxy.errors, TRUST_PROXY).toEqual([
        `TRUST_PROXY: expected false, a hop count (1) or proxy addresses (10.0.0.5,10.1.0.0/16), found "${TRUST_PROXY}"`,
      ]);
    }
    const fine = parseConfig({
      TRUST_PROXY: '10.0.0.0/8,fd00::/8',
      PUBLIC_URL: 'http://[::1]:3000',
    });
    expect(fine.ok).toBe(true);
  });

  it('refuses CBP mailbox folders that are one folder, or one inside the other', () => {
    for (const [outbound, inbound] of [
      ['/srv/cbp', '/srv/cbp/'],
      ['/srv/cbp/in/processed', '/srv/cbp/in'],
      ['/srv/cbp', '/srv/cbp/in'],
    ]) {
      const result = parseConfig({
        CBP_TRANSPORT: 'folders',
        CBP_OUTBOUND_DIR: outbound,
        CBP_INBOUND_DIR: inbound,
      });
      expect(result.ok ? [] : result.errors.map((error) => error.split(':')[0])).toEqual([
        'CBP_INBOUND_DIR',
      ]);
    }
    const apart = parseConfig({
      CBP_TRANSPORT: 'folders',
      CBP_OUTBOUND_DIR: '/srv/cbp/out',
      CBP_INBOUND_DIR: '/srv/cbp/outbox-answers',
    });
    expect(apart.ok).toBe(true);
  });

  it('treats empty values as unset', () => {
    const result = parseConfig({ DATABASE_URL: '', RULES_FILE: '  ' });
    expect(result.ok && result.config.database.url).toBeUndefined();
  });

  it('takes SQLITE_BUSY_WAIT from 1s to 10m, and leaves it to the store when unset', () => {
    const busyWait = (value?: string) => {
      const result = parseConfig(value === undefined ? {} : { SQLITE_BUSY_WAIT: value });
      return result.ok ? result.config.database.busyWaitMs : result.errors;
    };
    expect(busyWait()).toBeUndefined();
    expect(busyWait('2')).toBe(2_000);
    expect(busyWait('10m')).toBe(600_000);
    expect(busyWait('11m')).toEqual([
      'SQLITE_BUSY_WAIT: expected a duration from 1s to 10m, like 3600, 30m, 12h or 7d, found "11m"',
    ]);
  });

  it('reports every error together', () => {
    const result = parseConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      SESSION_TTL: 'forever',
      NODE_ENV: 'staging',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(5);
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SESSION_TTL', 'NODE_ENV']) {
      expect(result.errors.some((error) => error.startsWith(`${name}:`))).toBe(true);
    }
  });

  it("says what a number or a word should be in the operator's words, not the schema library's", () => {
    const result = parseConfig({
      PORT: 'abc',
      PASSWORD_HASH_COST: '9',
      NODE_ENV: 'staging',
      LOG_LEVEL: 'loud',
      CBP_TRANSPORT: 'mq',
      WEBHOOK_PRIVATE_NETWORKS: 'maybe',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'NODE_ENV: expected one of development, production, test, found "staging"',
      'PORT: expected a whole number from 0 to 65535, found "abc"',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, found "loud"',
      'WEBHOOK_PRIVATE_NETWORKS: expected one of refuse, allow, found "maybe"',
      'PASSWORD_HASH_COST: expected a whole number from 10 to 20, found "9"',
      'CBP_TRANSPORT: expected one of none, simulator, folders, built-in, found "mq"',
    ]);
    // Set but empty is unset: the defaults.
    const blank = parseConfig({ PORT: '', NODE_ENV: ' ', LOG_LEVEL: '' });
    expect(blank.ok && [blank.config.port, blank.config.mode, blank.config.logLevel]).toEqual([
      3000,
      'development',
      'info',
    ]);
  });
  it('reports every invalid variable in one go, the ones that depend on others too', () => {
    const result = parseConfig({
      NODE_ENV: 'prod',
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      SESSION_TTL: 'forever',
      HOST: '999.1.1.1',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      CBP_TRANSPORT: 'simulator',
    });
    expect(result.ok ? [] : result.errors.map((error) => error.split(':')[0])).toEqual([
      'NODE_ENV',
      'PORT',
      'HOST',
      'LOG_LEVEL',
      'SESSION_TTL',
      'MAIL_FROM',
      'CBP_SIMULATOR_URL',
    ]);
    // A variable already reported is not judged again through another.
    const badUrl = parseConfig({ CBP_TRANSPORT: 'simulator', CBP_SIMULATOR_URL: 'ftp://x' });
    expect(badUrl.ok ? [] : badUrl.errors).toEqual([
      'CBP_SIMULATOR_URL: must be an http(s) URL, e.g. http://127.0.0.1:4980',
    ]);
  });

  it('takes durations up to a ceiling: a year for SESSION_TTL, a day for CBP_POLL_INTERVAL', () => {
    const year = parseConfig({ SESSION_TTL: '365d', CBP_POLL_INTERVAL: '24h' });
    expect(year.ok && [year.config.sessionTtlMs, year.config.cbpPollMs]).toEqual([
      365 * 86_400_000,
      86_400_000,
    ]);
    expect(parseConfig({ SESSION_TTL: '99999999999d', CBP_POLL_INTERVAL: '25h' })).toEqual({
      ok: false,
      errors: [
        'SESSION_TTL: expected a duration from 1s to 365d, like 3600, 30m, 12h or 7d, found "99999999999d"',
        'CBP_POLL_INTERVAL: expected a duration from 1s to 24h, like 3600, 30m, 12h or 7d, found "25h"',
      ],
    });
    const blank = parseConfig({ SESSION_TTL: '' });
    expect(blank.ok && blank.config.sessionTtlMs).toBe(12 * 3_600_000);
  });

  it('takes an IP address or a host name for HOST; empty is the default', () => {
    for (const host of ['0.0.0.0', '::', '::1', 'localhost', 'db-1.internal.example', '10.0.0.5']) {
      const result = parseConfig({ HOST: host });
      expect(result.ok && result.config.host).toBe(host);
    }
    const blank = parseConfig({ HOST: '', SQLITE_PATH: '' });
    expect(blank.ok && [blank.config.host, blank.config.database.sqlitePath]).toEqual([
      '127.0.0.1',
      './data/emanifest.sqlite',
    ]);
    for (const host of ['999.1.1.1', '80', 'two words', '-dash.example', 'a..b', 'http://x']) {
      expect(parseConfig({ HOST: host })).toEqual({
        ok: false,
        errors: [
          `HOST: expected an IP address (127.0.0.1, 0.0.0.0, ::) or a host name, found "${host}"`,
        ],
      });
    }
  });
});
