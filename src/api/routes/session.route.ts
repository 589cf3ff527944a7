/**
 * The browser session: sign in (sets the HttpOnly cookie, returns the CSRF token), read it,
 * switch company, sign out. Sign-in is rate-limited per client address and e-mail.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCompany, listMyCompanies, login, logout, switchCompany } from '../../app/index.js';
import { sessionOf } from '../auth/authenticate.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import type { ApiDeps } from '../deps.js';
import {
  enforceRateLimit,
  LOGIN_PER_ACCOUNT,
  LOGIN_PER_ADDRESS,
  loginEmail,
  memoryRateLimitCounter,
} from '../rate-limits.js';
import { sessionSchema } from '../schemas/accounts.js';
import { responses } from '../schemas/responses.js';
import { SECRET_IN_ANSWER } from '../compression.js';

const loginBody = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
  companyId: z.string().min(1).optional().describe('Sign in to this company; default: the first.'),
});

export const sessionRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  const perAccount = deps.loginRateLimit ?? LOGIN_PER_ACCOUNT;
  const perAddress = deps.loginAddressRateLimit ?? LOGIN_PER_ADDRESS;
  const counter = deps.rateLimits ?? memoryRateLimitCounter();

  app.post(
    '/session',
    {
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['session'],
        summary: 'Sign in',
        description:
          'Sets the HttpOnly session cookie and returns the CSRF token. Limited to 5 attempts a minute per address and e-mail, and 30 a minute per address (429 with retry-after).',
        security: [],
        body: loginBody,
        response: responses({ 200: sessionSchema }),
      },
      config: { csrf: false },
      preHandler: async (request, reply) => {
        const message = 'Too many sign-in attempts';
        await enforceRateLimit(counter, reply, `login:${request.ip}`, perAddress, message);
        const account = `login:${request.ip}|${loginEmail(request)}`;
        await enforceRateLimit(counter, reply, account, perAccount, message);
      },
    },
    async (request, reply) => {
      const result = await login(deps.app, request.body);
      setSessionCookie(reply, deps.mode, result.sessionSecret, result.expiresAt);
      const company = await getCompany(deps.app, result.actor);
      return {
        user: result.user,
        company,
        role: result.actor.role,
        csrfToken: result.csrfSecret,
        expiresAt: result.expiresAt,
        companies: [...result.companies],
      };
    },
  );

  app.get(
    '/session',
    {
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['session'],
        summary: 'The signed-in user, company, role and CSRF token',
        response: responses({ 200: sessionSchema }),
      },
    },
    async (request) => {
      const { context } = sessionOf(request);
      return {
        user: context.user,
        company: await getCompany(deps.app, context.actor),
        role: context.actor.role,
        csrfToken: context.csrfSecret,
        expiresAt: context.expiresAt,
        companies: [...(await listMyCompanies(deps.app, context.actor))],
      };
    },
  );

  app.put(
    '/session/company',
    {
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['session'],
        summary: 'Switch to another company the user belongs to',
        body: z.object({ companyId: z.string().min(1) }),
        response: responses({ 200: sessionSchema }),
      },
    },
    async (request) => {
      const { context, sessionSecret } = sessionOf(request);
      const actor = await switchCompany(deps.app, context.actor, {
        sessionSecret,
        companyId: request.body.companyId,
      });
      return {
        user: context.user,
        company: await getCompany(deps.app, actor),
        role: actor.role,
        csrfToken: context.csrfSecret,
        expiresAt: context.expiresAt,
        companies: [...(await listMyCompanies(deps.app, actor))],
      };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out',
        response: responses({ 204: z.null().describe('Signed out; the cookie is cleared.') }),
      },
    },
    async (request, reply) => {
      const { sessionSecret } = sessionOf(request);
      await logout(deps.app, { sessionSecret });
      clearSessionCookie(reply, deps.mode);
      return reply.code(204).send(null);
    },
  );

  done();
};
