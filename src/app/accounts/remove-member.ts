/**
 * removeMember(deps, actor, { userId }) — an admin removes someone from the company;
 * leaveCompany(deps, actor) — a member leaves it. Either way the company keeps an admin, and
 * the person's sessions in the company stop working at once (authenticateSession reads the
 * membership on every request).
 */
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError, forbidden, notFound } from '../shared/errors.js';

async function remove(deps: AppDeps, actor: Actor, userId: string, action: string): Promise<void> {
  await deps.store.transaction(async (repos) => {
    const membership = await repos.memberships.find(userId, actor.companyId);
    if (membership === undefined) throw notFound('Member');
    if (
      membership.role === 'admin' &&
      (await repos.memberships.countAdmins(actor.companyId)) <= 1
    ) {
      throw new AppError(
        'INVALID_STATE',
        'The company would have no admin left; make someone else admin first.',
      );
    }
    await repos.memberships.remove(userId, actor.companyId);
    await recordChange(repos, deps, actor, {
      entityType: 'membership',
      entityId: userId,
      action,
      before: { role: membership.role },
    });
  });
}

export async function removeMember(
  deps: AppDeps,
  actor: Actor,
  input: { readonly userId: string },
): Promise<void> {
  requireAdmin(actor);
  await remove(deps, actor, input.userId, 'remove');
}

export async function leaveCompany(deps: AppDeps, actor: Actor): Promise<void> {
  if (actor.kind !== 'user')
    throw forbidden('An API token belongs to the company; revoke it instead.');
  await remove(deps, actor, actor.userId, 'leave');
}
