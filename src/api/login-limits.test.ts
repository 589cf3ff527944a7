/**
 * the sign-in limit cannot be defeated by spraying e-mails from one address or by
 * writing X-Forwarded-For, and its counters live in the database. Runs on SQLite and, as the
 * api-on-postgres project, on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { aCompany, anonymous, call, startHarness, type Harness } from '../../test/api-harness.js';
import type { ApiDeps } from './deps.js';

async function withHarness(api: Partial<ApiDeps>, test: (h: Harness) => Promise<void>) {
  const harness = await startHarness({ api });
  try {
    await test(harness);
  } finally {
    await harness.close();
  }
}

const attempt = (harness: Harness, email: string, headers: Record<string, string> = {}) =>
  call(harness, anonymous, 'POST', '/api/v1/session', {
    body: { email, password: 'guess guess guess' },
    headers,
  });

describe('sign-in limits', () => {
  it('limits one address spraying many e-mails', async () => {
    await withHarness({ loginAddressRateLimit: { max: 3, timeWindowMs: 60_000 } }, async (h) => {
      const answers = [];
      for (let i = 0; i < 5; i++)
        answers.push((await attempt(h, `user${i}@spray.example`)).statusCode);
      expect(answers).toEqual([401, 401, 401, 429, 429]);
    });
  });

  it('keeps its counters in the database, shared by every instance', async () => {
    await withHarness({ loginAddressRateLimit: { max: 2, timeWindowMs: 60_000 } }, async (h) => {
      await attempt(h, 'a@spray.example');
      await attempt(h, 'b@spray.example');
      const rows = await h.db.selectFrom('rate_limits').selectAll().execute();
      expect(rows.map((row) => row.key)).toContain('login:127.0.0.1');
      expect((await attempt(h, 'c@spray.example')).statusCode).toBe(429);
    });
  });

  it('with TRUST_PROXY=true, a rotated client-written X-Forwarded-For does not reset the limit', async () => {
    await withHarness(
      { trustProxy: true, loginRateLimit: { max: 2, timeWindowMs: 60_000 } },
      async (h) => {
        const target = await aCompany(h, 'XFFT');
        const answers = [];
        for (let i = 0; i < 4; i++) {
          // The proxy appends the address it saw; the client wrote everything left of it.
          const headers = { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` };
          answers.push((await attempt(h, target.email, headers)).statusCode);
        }
        expect(answers).toEqual([401, 401, 429, 429]);
      },
    );
  });

  it('with a list of proxy addresses, only those may set X-Forwarded-For', async () => {
    await withHarness(
      { trustProxy: ['10.9.9.9'], loginRateLimit: { max: 2, timeWindowMs: 60_000 } },
      async (h) => {
        const target = await aCompany(h, 'XFFL');
        const answers = [];
        for (let i = 0; i < 3; i++) {
          const headers = { 'x-forwarded-for': `198.51.100.${i}` };
          answers.push((await attempt(h, target.email, headers)).statusCode);
        }
        expect(answers).toEqual([401, 401, 429]);
      },
    );
  });
});
