/**
 * switchCompany(deps, actor, { sessionSecret, companyId }) → Actor — a user who belongs to
 * several companies moves the session to another one. Not a member: NOT_FOUND.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError, notFound } from '../shared/errors.js';
import { sha256Hex } from './support/secrets.js';

export async function switchCompany(
  deps: AppDeps,
  actor: Actor,
  input: { readonly sessionSecret: string; readonly companyId: string },
): Promise<Actor> {
  if (actor.kind !== 'user')
    throw new AppError('FORBIDDEN', 'An API token belongs to one company.');
  const idHash = sha256Hex(input.sessionSecret);
  return deps.store.transaction(async (repos) => {
    const session = await repos.sessions.findByHash(idHash);
    if (session?.userId !== actor.userId)
      throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
    const membership = await repos.memberships.find(actor.userId, input.companyId);
    if (membership === undefined) throw notFound('Company');
    await repos.sessions.setCompany(idHash, input.companyId);
    return {
      kind: 'user',
      companyId: input.companyId,
      userId: actor.userId,
      role: membership.role,
    };
  });
}
