import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCompany,
  anonymous,
  call,
  PASSWORD,
  signIn,
  startHarness,
  type Harness,
} from '../../../test/api-harness.js';

let harness: Harness;
let demo: Awaited<ReturnType<typeof aCompany>>;
let other: Awaited<ReturnType<typeof aCompany>>;

beforeAll(async () => {
  harness = await startHarness();
  demo = await aCompany(harness, 'DEMO');
  // The same person administers a second carrier: a service provider.
  other = await aCompany(harness, 'OTHR', demo.email);
});
afterAll(async () => {
  await harness.close();
});

describe('POST /api/v1/session (sign in)', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the CSRF token', async () => {
    const response = await call(harness, anonymous, 'POST', '/api/v1/session', {
      body: { email: 'ADMIN@demo.example', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'emanifest_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = response.json<{ csrfToken: string; role: string; companies: unknown[] }>();
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(body.role).toBe('admin');
    expect(body.companies).toHaveLength(2);
    expect(response.body).not.toContain(cookie?.value);
  });

  it('marks the cookie Secure in production', async () => {
    const prod = await startHarness({ api: { mode: 'production' } });
    try {
      const { email } = await aCompany(prod, 'PROD');
      const response = await call(prod, anonymous, 'POST', '/api/v1/session', {
        body: { email, password: PASSWORD },
      });
      expect(response.cookies[0]?.secure).toBe(true);
    } finally {
      await prod.close();
    }
  });

  it('answers a wrong password like an unknown e-mail: 401 problem', async () => {
    const wrong = await call(harness, anonymous, 'POST', '/api/v1/session', {
      body: { email: demo.email, password: 'not the password' },
    });
    const unknown = await call(harness, anonymous, 'POST', '/api/v1/session', {
      body: { email: 'nobody@othr.example', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('rejects a body of the wrong shape with 400 and located issues', async () => {
    const response = await call(harness, anonymous, 'POST', '/api/v1/session', {
      body: { email: 42 },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ issues: { path: string }[] }>().issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/email', '/password']));
  });

  it('limits attempts per address and e-mail with a 429 problem', async () => {
    const limited = await startHarness({
      api: { loginRateLimit: { max: 3, timeWindowMs: 60_000 } },
    });
    try {
      const target = await aCompany(limited, 'RATE');
      const bystander = await aCompany(limited, 'BYST');
      const attempt = (email: string, password = 'guess guess guess') =>
        call(limited, anonymous, 'POST', '/api/v1/session', { body: { email, password } });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await attempt(target.email)).statusCode);
      expect(answers).toEqual([401, 401, 401, 429]);
      // Even the right password waits: guessing stays slow.
      const blocked = await attempt(target.email, PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
      expect(blocked.headers['retry-after']).toBeDefined();
      // Another e-mail from the same address is not locked out.
      expect((await attempt(bystander.email, PASSWORD)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('GET /api/v1/session', () => {
  it('returns the user, company, role and the same CSRF token', async () => {
    const session = await signIn(harness, demo.email);
    const response = await call(harness, session, 'GET', '/api/v1/session');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { email: demo.email },
      company: { scac: 'DEMO' },
      role: 'admin',
      csrfToken: session.csrf,
    });
    // The demo admin also belongs to OTHR (a service provider's user): both are offered.
    const { companies } = response.json<{ companies: { scac: string }[] }>();
    expect(companies.map((c) => c.scac).sort()).toEqual(['DEMO', 'OTHR']);
  });

  it('is 401 without a session and with a forged cookie', async () => {
    expect((await call(harness, anonymous, 'GET', '/api/v1/session')).statusCode).toBe(401);
    const forged = await call(
      harness,
      { kind: 'session', cookie: 'emanifest_session=forged', csrf: 'x' },
      'GET',
      '/api/v1/session',
    );
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('PUT /api/v1/session/company (switch company)', () => {
  it('moves the session to another company of the user', async () => {
    const session = await signIn(harness, demo.email);
    const switched = await call(harness, session, 'PUT', '/api/v1/session/company', {
      body: { companyId: other.companyId },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ company: { scac: 'OTHR' } });
    expect(switched.json<{ companies: unknown[] }>().companies).toHaveLength(2);
    const company = await call(harness, session, 'GET', '/api/v1/company');
    expect(company.json()).toMatchObject({ scac: 'OTHR' });
  });

  it('is 404 for a company the user does not belong to', async () => {
    const outsider = await aCompany(harness, 'OUTS');
    const session = await signIn(harness, outsider.email);
    const response = await call(harness, session, 'PUT', '/api/v1/session/company', {
      body: { companyId: demo.companyId },
    });
    expect(response.statusCode).toBe(404);
  });

  it('needs the CSRF token', async () => {
    const session = await signIn(harness, demo.email);
    const response = await call(harness, session, 'PUT', '/api/v1/session/company', {
      body: { companyId: other.companyId },
      csrf: false,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
  });
});

describe('DELETE /api/v1/session (sign out)', () => {
  it('needs the CSRF token, then ends the session and clears the cookie', async () => {
    const session = await signIn(harness, demo.email);
    const forged = await call(harness, session, 'DELETE', '/api/v1/session', {
      headers: { 'x-csrf-token': 'guessed' },
    });
    expect(forged.statusCode).toBe(403);
    const response = await call(harness, session, 'DELETE', '/api/v1/session');
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === 'emanifest_session');
    expect(cleared?.value).toBe('');
    expect((await call(harness, session, 'GET', '/api/v1/session')).statusCode).toBe(401);
  });
});
