/** listApiTokens(deps, actor) → the company's tokens, revoked ones included, no secrets (admin). */
import { requireAdmin, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { ApiToken } from '../shared/records.js';

export async function listApiTokens(deps: AppDeps, actor: Actor): Promise<readonly ApiToken[]> {
  requireAdmin(actor);
  return deps.store.transaction((repos) => repos.apiTokens.list(actor.companyId), {
    readOnly: true,
  });
}
