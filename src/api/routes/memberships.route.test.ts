/** invitations instead of silently adding existing accounts; leave and remove. */
import { describe, expect, it } from 'vitest';
import {
  aCompany,
  aMember,
  anonymous,
  call,
  PASSWORD,
  signIn,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';

let harness: Harness;
let adminA: Credentials;
let adminB: Credentials;
let emailB: string;

withSignedInHarness('MEMA', async (signedIn) => {
  ({ harness, admin: adminA } = signedIn);
  emailB = (await aCompany(harness, 'MEMB')).email;
  adminB = await signIn(harness, emailB);
});

function shape(body: string): unknown {
  const parsed = JSON.parse(body) as { invitation: Record<string, unknown>; token: string };
  return { keys: Object.keys(parsed).sort(), invitation: Object.keys(parsed.invitation).sort() };
}

describe('invitations', () => {
  it('answer an existing and an unknown e-mail alike, revealing nobody', async () => {
    const existing = await call(harness, adminA, 'POST', '/api/v1/invitations', {
      body: { email: emailB, role: 'viewer' },
    });
    const unknown = await call(harness, adminA, 'POST', '/api/v1/users', {
      body: { email: 'nobody@nowhere.example', role: 'viewer' },
    });
    expect([existing.statusCode, unknown.statusCode]).toEqual([201, 201]);
    expect(shape(existing.body)).toEqual(shape(unknown.body));
    expect(existing.body).not.toMatch(/MEMB admin|userId|displayName/);
  });

  it('an existing account joins only after accepting, signed in as that address', async () => {
    const invited = await call(harness, adminA, 'POST', '/api/v1/invitations', {
      body: { email: emailB, role: 'dispatcher' },
    });
    const token = invited.json<{ token: string }>().token;
    const members = async () =>
      (await call(harness, adminA, 'GET', '/api/v1/users')).json<{ items: unknown[] }>().items;
    const before = (await members()).length;
    const anonymousTry = await call(harness, anonymous, 'POST', '/api/v1/invitations/accept', {
      body: { token, password: 'another password' },
    });
    expect(anonymousTry.statusCode).toBe(403);
    expect((await members()).length).toBe(before);
    const accepted = await call(harness, adminB, 'POST', '/api/v1/invitations/accept', {
      body: { token },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await members()).length).toBe(before + 1);
    // A token works once.
    const again = await call(harness, adminB, 'POST', '/api/v1/invitations/accept', {
      body: { token },
    });
    expect(again.statusCode).toBe(404);
  });

  it('a member can leave, and an admin can remove a member', async () => {
    const { userId } = await aMember(harness, adminA, {
      email: 'leaver@mema.example',
      role: 'viewer',
      password: PASSWORD,
    });
    const leaver = await signIn(harness, 'leaver@mema.example');
    expect((await call(harness, leaver, 'DELETE', '/api/v1/company/membership')).statusCode).toBe(
      204,
    );
    expect((await call(harness, leaver, 'GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await call(harness, adminA, 'DELETE', `/api/v1/users/${userId}`)).statusCode).toBe(404);

    const second = await aMember(harness, adminA, {
      email: 'removed@mema.example',
      role: 'dispatcher',
      password: PASSWORD,
    });
    const removed = await signIn(harness, 'removed@mema.example');
    expect(
      (await call(harness, adminA, 'DELETE', `/api/v1/users/${second.userId}`)).statusCode,
    ).toBe(204);
    expect((await call(harness, removed, 'GET', '/api/v1/trips')).statusCode).toBe(401);
  });

  it('the last admin can neither leave nor be removed', async () => {
    const response = await call(harness, adminB, 'DELETE', '/api/v1/company/membership');
    expect(response.statusCode).toBe(409);
    expect(response.json<{ code: string }>().code).toBe('INVALID_STATE');
  });
});

describe('client companies', () => {
  it('a signed-in admin creates a client company and becomes its admin', async () => {
    const created = await call(harness, adminA, 'POST', '/api/v1/companies', {
      body: { name: 'Client Freight', scac: 'CLNT' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const companyId = created.json<{ id: string }>().id;
    const switched = await call(harness, adminA, 'PUT', '/api/v1/session/company', {
      body: { companyId },
    });
    expect(switched.json()).toMatchObject({ company: { scac: 'CLNT' }, role: 'admin' });
    const taken = await call(harness, adminA, 'POST', '/api/v1/companies', {
      body: { name: 'Again', scac: 'CLNT' },
    });
    expect(taken.statusCode).toBe(409);
  });
});
