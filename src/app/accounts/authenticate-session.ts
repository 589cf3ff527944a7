/**
 * authenticateSession(deps, { sessionSecret }) → { actor, user, csrfSecret, expiresAt } — the
 * cookie's session, with the role read fresh from the membership (a role change or removal
 * applies at the next request). Unknown, expired or orphaned sessions are UNAUTHENTICATED.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError } from '../shared/errors.js';
import type { User } from '../shared/records.js';
import { sha256Hex } from './support/secrets.js';

export interface SessionContext {
  readonly actor: Actor;
  readonly user: User;
  readonly csrfSecret: string;
  readonly expiresAt: string;
}

export async function authenticateSession(
  deps: AppDeps,
  input: { readonly sessionSecret: string },
): Promise<SessionContext> {
  const idHash = sha256Hex(input.sessionSecret);
  // Read-only: every browser request passes here, and it must not wait for a write (an upload
  // of this process, a CLI import of another: TransactionOptions). An expired session is
  // refused here and removed by the service's periodic sweep (sweepExpiredSessions).
  return deps.store.transaction(
    async (repos) => {
      const session = await repos.sessions.findByHash(idHash);
      const unauthenticated = new AppError('UNAUTHENTICATED', 'Please sign in again.');
      if (session === undefined) throw unauthenticated;
      if (session.expiresAt <= deps.clock.now().toISOString()) throw unauthenticated;
      const membership = await repos.memberships.find(session.userId, session.companyId);
      const user = await repos.users.findById(session.userId);
      if (membership === undefined || user === undefined) throw unauthenticated;
      return {
        actor: {
          kind: 'user',
          companyId: session.companyId,
          userId: user.id,
          role: membership.role,
        },
        user,
        csrfSecret: session.csrfSecret,
        expiresAt: session.expiresAt,
      };
    },
    { readOnly: true },
  );
}
