/** revokeApiToken(deps, actor, { tokenId }) → ApiToken — admin; takes effect at once. */
import { requireAdmin, type Actor } from './actor.js';
import { recordChange } from './audit.js';
import type { AppDeps } from './deps.js';
import { notFound } from './errors.js';
import type { ApiToken } from './records.js';

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
