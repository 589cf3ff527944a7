/**
 * Who is calling: an API token (`Authorization: Bearer emt_…`) or a session cookie. Resolved
 * once per request in onRequest; routes ask `actorOf(request)`, which throws UNAUTHENTICATED
 * when nobody (or a rejected credential) is behind the request. Roles and tenancy are enforced
 * by the use cases, which all take the Actor.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  type Actor,
  authenticateApiToken,
  authenticateSession,
  type SessionContext,
  AppError,
} from '../../app/index.js';
import type { ApiDeps } from '../deps.js';
import { HttpProblem } from '../problem.js';
import type { Api } from '../types.js';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie.js';

export type RequestAuth =
  | { readonly kind: 'session'; readonly sessionSecret: string; readonly context: SessionContext }
  | { readonly kind: 'token'; readonly actor: Actor }
  /** Credentials were sent but rejected: the route answers 401 with this error. */
  | { readonly kind: 'rejected'; readonly error: AppError };

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** false: the route does not need the CSRF header even with a session cookie (login). */
    csrf?: boolean;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerSecret(header: string | undefined): string | undefined | null {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

async function resolve(deps: ApiDeps, request: FastifyRequest): Promise<RequestAuth | null> {
  // A bearer token wins over a cookie: integrations may run inside a signed-in browser session.
  const bearer = bearerSecret(request.headers.authorization);
  if (bearer === null) {
    return {
      kind: 'rejected',
      error: new AppError(
        'UNAUTHENTICATED',
        'Send the API token as "Authorization: Bearer <token>".',
      ),
    };
  }
  try {
    if (bearer !== undefined) {
      return { kind: 'token', actor: await authenticateApiToken(deps.app, { secret: bearer }) };
    }
    const sessionSecret = request.cookies[SESSION_COOKIE];
    if (sessionSecret === undefined || sessionSecret === '') return null;
    const context = await authenticateSession(deps.app, { sessionSecret });
    return { kind: 'session', sessionSecret, context };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'UNAUTHENTICATED') {
      return { kind: 'rejected', error };
    }
    throw error;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * CSRF: a browser attaches the cookie to any request, even one a hostile page triggers, but
 * only our own page knows the session's CSRF token (returned by login and GET /session).
 * Token requests are exempt: browsers never add an Authorization header on their own.
 */
function checkCsrf(request: FastifyRequest, auth: RequestAuth | null): void {
  if (auth?.kind !== 'session' || SAFE_METHODS.has(request.method)) return;
  if (request.routeOptions.config.csrf === false) return;
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !sameSecret(given, auth.context.csrfSecret)) {
    throw new HttpProblem(
      'CSRF_TOKEN_INVALID',
      `Requests that change data with a session cookie must send the ${CSRF_HEADER} header; GET /api/v1/session returns it.`,
    );
  }
}

/** Installs credential resolution and the CSRF check on every route of `app`'s scope. */
export function installAuthentication(app: Api, deps: ApiDeps): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    const auth = await resolve(deps, request);
    request.auth = auth;
    // A dead session cookie is removed so the browser stops sending it.
    if (auth?.kind === 'rejected' && request.headers.authorization === undefined) {
      clearSessionCookie(reply, deps.mode);
    }
    checkCsrf(request, auth);
    // Refused before the body is read: an anonymous 28 MiB import used to be parsed (event
    // loop blocked for seconds) only to be answered 401. Public routes declare `security: []`.
    if (!request.is404 && !isPublic(request)) actorOf(request);
  });
}

function isPublic(request: FastifyRequest): boolean {
  const security = request.routeOptions.schema?.security;
  return Array.isArray(security) && security.length === 0;
}

/** The actor behind the request, or UNAUTHENTICATED. */
export function actorOf(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (auth === null) {
    throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token as a Bearer token.');
  }
  switch (auth.kind) {
    case 'rejected':
      throw auth.error;
    case 'token':
      return auth.actor;
    case 'session':
      return auth.context.actor;
  }
}

/** The session behind the request; routes about the browser session itself need it. */
export function sessionOf(request: FastifyRequest): Extract<RequestAuth, { kind: 'session' }> {
  const auth = request.auth;
  actorOf(request);
  if (auth?.kind !== 'session') {
    throw new AppError('FORBIDDEN', 'This needs a signed-in user session, not an API token.');
  }
  return auth;
}
