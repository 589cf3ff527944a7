/**
 * changeUserRole(deps, actor, { userId, role }) → { user, role } — admin. A user outside the
 * company is NOT_FOUND; demoting the last admin is INVALID_STATE (the company would be locked).
 */
import { requireAdmin, type Actor, type Role } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError, notFound } from '../shared/errors.js';
import type { User } from '../shared/records.js';

export async function changeUserRole(
  deps: AppDeps,
  actor: Actor,
  input: { readonly userId: string; readonly role: Role },
): Promise<{ user: User; role: Role }> {
  requireAdmin(actor);
  return deps.store.transaction(async (repos) => {
    const membership = await repos.memberships.find(input.userId, actor.companyId);
    const user = await repos.users.findById(input.userId);
    if (membership === undefined || user === undefined) throw notFound('User');
    if (membership.role === 'admin' && input.role !== 'admin') {
      if ((await repos.memberships.countAdmins(actor.companyId)) <= 1) {
        throw new AppError('INVALID_STATE', 'The company needs at least one admin.');
      }
    }
    await repos.memberships.setRole(input.userId, actor.companyId, input.role);
    await recordChange(repos, deps, actor, {
      entityType: 'membership',
      entityId: user.id,
      action: 'change-role',
      before: { email: user.email, role: membership.role },
      after: { email: user.email, role: input.role },
    });
    return { user, role: input.role };
  });
}
