/** The session cookie: the browser holds an opaque secret, the server only its hash. */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'emanifest_session';

function cookieOptions(mode: string, expires?: Date): CookieSerializeOptions {
  return {
    path: '/',
    // Scripts never need the secret: the UI proves intent with the CSRF token instead.
    httpOnly: true,
    // Lax: links from e-mails still open the app signed in; cross-site POSTs carry no cookie.
    sameSite: 'lax',
    // Plain HTTP stays possible on a developer's machine; production is HTTPS only.
    secure: mode === 'production',
    ...(expires ? { expires } : {}),
  };
}

export function setSessionCookie(
  reply: FastifyReply,
  mode: string,
  secret: string,
  expiresAt: string,
): void {
  void reply.setCookie(SESSION_COOKIE, secret, cookieOptions(mode, new Date(expiresAt)));
}

export function clearSessionCookie(reply: FastifyReply, mode: string): void {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(mode));
}
