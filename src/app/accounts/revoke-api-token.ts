/** revokeApiToken(deps, actor, { tokenId }) → ApiToken — admin; takes effect at once. */
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import type { ApiToken } from '../shared/records.js';

export async function revokeApiToken(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tokenId: string },
): Promise<ApiToken> {
  requireAdmin(actor);
  return deps.store.transaction(async (repos) => {
    const before = await repos.apiTokens.findById(actor.companyId, input.tokenId);
    if (before === undefined) throw notFound('API token');
    if (before.revokedAt !== null) return before;
    const at = deps.clock.now().toISOString();
    await repos.apiTokens.revoke(actor.companyId, input.tokenId, at);
    const after = { ...before, revokedAt: at };
    await recordChange(repos, deps, actor, {
      entityType: 'api_token',
      entityId: before.id,
      action: 'revoke',
      before,
      after,
    });
    return after;
  });
}
