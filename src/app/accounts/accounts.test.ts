import { expect, it } from 'vitest';
import { appFailure } from '../../../test/storage-failure.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import * as app from '../index.js';

const PASSWORD = 'correct horse battery';

describeOnDatabases('accounts', (ctx) => {
  it('signs a user in, finds the session, and signs out', async () => {
    const company = await ctx().newCompany();
    const email = `ADMIN@${company.scac}.example`; // e-mail is case-insensitive
    const login = await app.login(ctx().deps, { email, password: PASSWORD });
    expect(login.actor).toMatchObject({
      kind: 'user',
      companyId: company.companyId,
      role: 'admin',
    });
    const session = await app.authenticateSession(ctx().deps, {
      sessionSecret: login.sessionSecret,
    });
    expect(session.actor).toEqual(login.actor);
    expect(session.csrfSecret).toBe(login.csrfSecret);
    // Only the hash is stored.
    const stored = await ctx().db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(login.sessionSecret);
    await app.logout(ctx().deps, { sessionSecret: login.sessionSecret });
    expect(
      (
        await appFailure(
          app.authenticateSession(ctx().deps, { sessionSecret: login.sessionSecret }),
        )
      ).kind,
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const company = await ctx().newCompany();
    const wrong = await appFailure(
      app.login(ctx().deps, { email: `admin@${company.scac}.example`, password: 'nope' }),
    );
    const unknown = await appFailure(
      app.login(ctx().deps, { email: 'nobody@example.com', password: PASSWORD }),
    );
    expect([wrong.kind, wrong.message]).toEqual([unknown.kind, unknown.message]);
    expect(wrong.kind).toBe('UNAUTHENTICATED');
  });

  it('expires sessions', async () => {
    const company = await ctx().newCompany();
    const login = await app.login(ctx().deps, {
      email: `admin@${company.scac}.example`,
      password: PASSWORD,
    });
    ctx().clock.advance(app.DEFAULT_SESSION_TTL_MS + 1);
    expect(
      (
        await appFailure(
          app.authenticateSession(ctx().deps, { sessionSecret: login.sessionSecret }),
        )
      ).kind,
    ).toBe('UNAUTHENTICATED');
  });

  it('lets a service provider work for two carriers and switch between them', async () => {
    const a = await ctx().newCompany();
    const b = await ctx().newCompany();
    const email = `provider-${a.scac}@example.com`;
    await app.createUser(ctx().deps, a.admin, {
      email,
      displayName: 'Provider',
      role: 'dispatcher',
      password: 'provider password',
    });
    ctx().clock.advance(1000);
    // Already an account: joins B with the password it has.
    await app.createUser(ctx().deps, b.admin, { email, displayName: 'ignored', role: 'viewer' });
    const login = await app.login(ctx().deps, { email, password: 'provider password' });
    expect(login.companies.map((c) => [c.scac, c.role])).toEqual([
      [a.scac, 'dispatcher'],
      [b.scac, 'viewer'],
    ]);
    expect(login.actor.companyId).toBe(a.companyId);
    const switched = await app.switchCompany(ctx().deps, login.actor, {
      sessionSecret: login.sessionSecret,
      companyId: b.companyId,
    });
    expect(switched).toMatchObject({ companyId: b.companyId, role: 'viewer' });
    const session = await app.authenticateSession(ctx().deps, {
      sessionSecret: login.sessionSecret,
    });
    expect(session.actor.companyId).toBe(b.companyId);
    const c = await ctx().newCompany();
    expect(
      (
        await appFailure(
          app.switchCompany(ctx().deps, switched, {
            sessionSecret: login.sessionSecret,
            companyId: c.companyId,
          }),
        )
      ).kind,
    ).toBe('NOT_FOUND');
  });

  it('refuses a new user without a password, or with a short one, by path', async () => {
    const company = await ctx().newCompany();
    const without = await appFailure(
      app.createUser(ctx().deps, company.admin, {
        email: `nopass@${company.scac}.example`,
        displayName: 'No pass',
        role: 'viewer',
      }),
    );
    expect(without.issues).toMatchObject([{ code: 'USER_PASSWORD_REQUIRED', path: '/password' }]);
    const short = await appFailure(
      app.createUser(ctx().deps, company.admin, {
        email: `short@${company.scac}.example`,
        displayName: 'Short',
        role: 'viewer',
        password: 'short',
      }),
    );
    expect(short.issues).toMatchObject([{ code: 'USER_PASSWORD_TOO_SHORT', path: '/password' }]);
  });

  it('applies role changes at the next request and keeps one admin', async () => {
    const company = await ctx().newCompany();
    const { user } = await app.createUser(ctx().deps, company.admin, {
      email: `d@${company.scac}.example`,
      displayName: 'D',
      role: 'dispatcher',
      password: 'dispatcher pass',
    });
    const login = await app.login(ctx().deps, { email: user.email, password: 'dispatcher pass' });
    await app.changeUserRole(ctx().deps, company.admin, { userId: user.id, role: 'viewer' });
    const session = await app.authenticateSession(ctx().deps, {
      sessionSecret: login.sessionSecret,
    });
    expect(session.actor.role).toBe('viewer');
    expect((await appFailure(app.createTrip(ctx().deps, session.actor, {}))).kind).toBe(
      'FORBIDDEN',
    );
    const self = company.admin.kind === 'user' ? company.admin.userId : '';
    expect(
      (
        await appFailure(
          app.changeUserRole(ctx().deps, company.admin, { userId: self, role: 'dispatcher' }),
        )
      ).kind,
    ).toBe('INVALID_STATE');
  });

  it('keeps user, token and company management for admins', async () => {
    const company = await ctx().newCompany();
    for (const actor of [company.dispatcher, company.viewer]) {
      expect(
        (
          await appFailure(
            app.createUser(ctx().deps, actor, {
              email: 'x@example.com',
              displayName: 'x',
              role: 'admin',
              password: 'long password',
            }),
          )
        ).kind,
      ).toBe('FORBIDDEN');
      expect(
        (await appFailure(app.createApiToken(ctx().deps, actor, { name: 'x', role: 'admin' })))
          .kind,
      ).toBe('FORBIDDEN');
      expect(
        (await appFailure(app.updateCompany(ctx().deps, actor, { expectedVersion: 1, name: 'x' })))
          .kind,
      ).toBe('FORBIDDEN');
    }
  });

  it('issues API tokens shown once, stored hashed, revocable', async () => {
    const company = await ctx().newCompany();
    const { token, secret } = await app.createApiToken(ctx().deps, company.admin, {
      name: 'TMS',
      role: 'dispatcher',
    });
    expect(secret.startsWith(app.API_TOKEN_PREFIX)).toBe(true);
    const rows = await ctx()
      .db.selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', token.id)
      .execute();
    expect(rows[0]?.token_hash).not.toContain(secret);
    const actor = await app.authenticateApiToken(ctx().deps, { secret });
    expect(actor).toEqual({
      kind: 'token',
      companyId: company.companyId,
      tokenId: token.id,
      role: 'dispatcher',
    });
    await app.createTrip(ctx().deps, actor, {});
    const listed = await app.listApiTokens(ctx().deps, company.admin);
    const firstUse = listed[0]?.lastUsedAt;
    expect(firstUse).not.toBeNull();
    // Kept to the minute: a use within it writes nothing; one after it moves the time.
    ctx().clock.advance(59_000);
    await app.authenticateApiToken(ctx().deps, { secret });
    expect((await app.listApiTokens(ctx().deps, company.admin))[0]?.lastUsedAt).toBe(firstUse);
    ctx().clock.advance(1_000);
    await app.authenticateApiToken(ctx().deps, { secret });
    expect((await app.listApiTokens(ctx().deps, company.admin))[0]?.lastUsedAt).toBe(
      ctx().clock.now().toISOString(),
    );
    await app.revokeApiToken(ctx().deps, company.admin, { tokenId: token.id });
    expect((await appFailure(app.authenticateApiToken(ctx().deps, { secret }))).kind).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('updates company settings with optimistic concurrency', async () => {
    const company = await ctx().newCompany();
    const updated = await app.updateCompany(ctx().deps, company.admin, {
      expectedVersion: 1,
      tripNumberPrefix: `${company.scac}X`,
    });
    expect(updated.version).toBe(2);
    const { trip } = await app.createTrip(ctx().deps, company.dispatcher, {});
    expect(trip.tripNumber).toBe(`${company.scac}X000001`);
    expect(
      (
        await appFailure(
          app.updateCompany(ctx().deps, company.admin, { expectedVersion: 1, name: 'Old' }),
        )
      ).kind,
    ).toBe('STALE_VERSION');
    expect(
      (
        await appFailure(
          app.updateCompany(ctx().deps, company.admin, {
            expectedVersion: 2,
            tripNumberPrefix: 'ZZZZ',
          }),
        )
      ).issues[0]?.path,
    ).toBe('/tripNumberPrefix');
  });

  it('takes as default port of arrival only a land-border port, which new trips start with', async () => {
    const company = await ctx().newCompany();
    const unknown = await appFailure(
      app.updateCompany(ctx().deps, company.admin, {
        expectedVersion: 1,
        defaultPortOfArrival: '9999',
      }),
    );
    expect(unknown.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['COMPANY_PORT_UNKNOWN', '/defaultPortOfArrival'],
    ]);
    await app.updateCompany(ctx().deps, company.admin, {
      expectedVersion: 1,
      defaultPortOfArrival: '0901',
    });
    const { trip } = await app.createTrip(ctx().deps, company.dispatcher, {});
    expect(trip.document).toMatchObject({ usPortOfArrival: '0901' });
    const bootstrapped = await appFailure(
      app.bootstrapCompany(ctx().deps, {
        company: { name: 'Nowhere Haul', scac: 'NOWH', defaultPortOfArrival: '9999' },
        admin: { email: 'n@example.com', displayName: 'N', password: PASSWORD },
      }),
    );
    expect(bootstrapped.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['COMPANY_PORT_UNKNOWN', '/company/defaultPortOfArrival'],
    ]);
  });

  it('refuses a second carrier with the same SCAC', async () => {
    const company = await ctx().newCompany();
    const error = await appFailure(
      app.bootstrapCompany(ctx().deps, {
        company: { name: 'Copycat', scac: company.scac },
        admin: { email: 'c@example.com', displayName: 'C', password: PASSWORD },
      }),
    );
    expect(error.kind).toBe('CONFLICT');
  });
});
