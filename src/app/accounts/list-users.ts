/** listUsers(deps, actor) → members of the actor's company with their roles (admin). */
import { requireAdmin, type Actor, type Role } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { User } from '../shared/records.js';

export async function listUsers(
  deps: AppDeps,
  actor: Actor,
): Promise<readonly { user: User; role: Role }[]> {
  requireAdmin(actor);
  return deps.store.transaction((repos) => repos.memberships.listForCompany(actor.companyId), {
    readOnly: true,
  });
}
