import { describe, expect, it } from 'vitest';
import {
  aMember,
  anApiToken,
  anonymous,
  call,
  signIn,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';

let harness: Harness;
let admin: Credentials;

withSignedInHarness('DEMO', (signedIn) => {
  ({ harness, admin } = signedIn);
});

describe('company settings', () => {
  it('reads with an ETag and changes with If-Match; stale writes get 409', async () => {
    const read = await call(harness, admin, 'GET', '/api/v1/company');
    expect(read.statusCode).toBe(200);
    const etag = read.headers.etag as string;
    const changed = await call(harness, admin, 'PATCH', '/api/v1/company', {
      body: { name: 'Demo Carrier Ltd', defaultPortOfArrival: '0115' },
      headers: { 'if-match': etag },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Demo Carrier Ltd',
      defaultPortOfArrival: '0115',
    });
    const stale = await call(harness, admin, 'PATCH', '/api/v1/company', {
      body: { name: 'Lost update' },
      headers: { 'if-match': etag },
    });
    expect(stale.statusCode).toBe(409);
    expect((await call(harness, admin, 'GET', '/api/v1/company')).json()).toMatchObject({
      name: 'Demo Carrier Ltd',
    });
  });

  it('refuses a default port that is not a U.S. land-border port with 422 at the field', async () => {
    const etag = (await call(harness, admin, 'GET', '/api/v1/company')).headers.etag as string;
    const unknown = await call(harness, admin, 'PATCH', '/api/v1/company', {
      body: { defaultPortOfArrival: '9999' },
      headers: { 'if-match': etag },
    });
    expect(unknown.statusCode, unknown.body).toBe(422);
    expect(unknown.json()).toMatchObject({
      issues: [
        {
          code: 'COMPANY_PORT_UNKNOWN',
          severity: 'error',
          path: '/defaultPortOfArrival',
          message: '"9999" is not the Schedule D code of a U.S. land-border port.',
        },
      ],
    });
    const company = await call(harness, admin, 'GET', '/api/v1/company');
    expect(company.headers.etag).toBe(etag);
    expect(company.json<{ defaultPortOfArrival: string | null }>().defaultPortOfArrival).not.toBe(
      '9999',
    );
    const cleared = await call(harness, admin, 'PATCH', '/api/v1/company', {
      body: { defaultPortOfArrival: null },
      headers: { 'if-match': etag },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ defaultPortOfArrival: null });
  });

  it('refuses a bad prefix with 422 and a located issue, and unknown fields with 400', async () => {
    const etag = (await call(harness, admin, 'GET', '/api/v1/company')).headers.etag as string;
    const bad = await call(harness, admin, 'PATCH', '/api/v1/company', {
      body: { tripNumberPrefix: 'XX' },
      headers: { 'if-match': etag },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ issues: [{ path: '/tripNumberPrefix' }] });
    const unknown = await call(harness, admin, 'PATCH', '/api/v1/company', {
      body: { scac: 'EVIL' },
      headers: { 'if-match': etag },
    });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('users', () => {
  it('lets an admin add users and change roles, and nobody else', async () => {
    const { userId } = await aMember(harness, admin, {
      email: 'viewer@demo.example',
      displayName: 'Vera',
      role: 'viewer',
      password: 'a long password',
    });
    const viewer = await signIn(harness, 'viewer@demo.example', 'a long password');
    expect((await call(harness, viewer, 'GET', '/api/v1/users')).statusCode).toBe(403);
    expect(
      (
        await call(harness, viewer, 'PUT', `/api/v1/users/${userId}/role`, {
          body: { role: 'admin' },
        })
      ).statusCode,
    ).toBe(403);
    const promoted = await call(harness, admin, 'PUT', `/api/v1/users/${userId}/role`, {
      body: { role: 'dispatcher' },
    });
    expect(promoted.json()).toMatchObject({ role: 'dispatcher' });
    const list = await call(harness, admin, 'GET', '/api/v1/users');
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(2);
    expect(list.body).not.toContain('password');
  });

  it('rejects a short password with 422 and a bad role with 400', async () => {
    const invited = await call(harness, admin, 'POST', '/api/v1/users', {
      body: { email: 'x@demo.example', role: 'viewer' },
    });
    const short = await call(harness, anonymous, 'POST', '/api/v1/invitations/accept', {
      body: { token: invited.json<{ token: string }>().token, password: 'short' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ issues: [{ path: '/password' }] });
    const role = await call(harness, admin, 'POST', '/api/v1/users', {
      body: { email: 'x@demo.example', role: 'owner' },
    });
    expect(role.statusCode).toBe(400);
    expect(role.json()).toMatchObject({ issues: [{ path: '/role' }] });
  });

  it('will not demote the last admin', async () => {
    const me = (await call(harness, admin, 'GET', '/api/v1/session')).json<{
      user: { id: string };
    }>();
    const response = await call(harness, admin, 'PUT', `/api/v1/users/${me.user.id}/role`, {
      body: { role: 'viewer' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('API tokens', () => {
  it('shows the secret once, lists without it, and revocation stops it at once', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/api-tokens', {
      body: { name: 'TMS', role: 'viewer' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { token, secret } = created.json<{ token: { id: string }; secret: string }>();
    const bearer: Credentials = { kind: 'token', token: secret };
    expect((await call(harness, bearer, 'GET', '/api/v1/trips')).statusCode).toBe(200);

    const list = await call(harness, admin, 'GET', '/api/v1/api-tokens');
    expect(list.body).not.toContain(secret);
    expect(list.json<{ items: { id: string }[] }>().items.map((t) => t.id)).toContain(token.id);

    const revoked = await call(harness, admin, 'DELETE', `/api/v1/api-tokens/${token.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    expect((await call(harness, bearer, 'GET', '/api/v1/trips')).statusCode).toBe(401);
  });

  it('is admin only; a token cannot switch company or use the session routes', async () => {
    const dispatcher = await anApiToken(harness, admin, 'dispatcher');
    expect((await call(harness, dispatcher, 'GET', '/api/v1/api-tokens')).statusCode).toBe(403);
    expect(
      (
        await call(harness, dispatcher, 'POST', '/api/v1/api-tokens', {
          body: { name: 'escalate', role: 'admin' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(harness, dispatcher, 'GET', '/api/v1/session')).statusCode).toBe(403);
    expect((await call(harness, anonymous, 'GET', '/api/v1/api-tokens')).statusCode).toBe(401);
  });
});
