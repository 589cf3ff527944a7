/**
 * createApiToken(deps, actor, { name, role }) → { token, secret } — admin. The secret is
 * returned this once; only its SHA-256 is stored. The token acts in the actor's company only.
 */
import { requireAdmin, type Actor, type Role } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { recordName } from '../shared/input-checks.js';
import type { ApiToken } from '../shared/records.js';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from './support/secrets.js';

export async function createApiToken(
  deps: AppDeps,
  actor: Actor,
  input: { readonly name: string; readonly role: Role },
): Promise<{ token: ApiToken; secret: string }> {
  requireAdmin(actor);
  const name = recordName(input.name, {
    code: 'API_TOKEN_NAME',
    what: 'API token',
    noun: 'token',
    max: 100,
    hint: ', e.g. after the system that uses it',
  });
  const secret = newSecret(API_TOKEN_PREFIX);
  const token: ApiToken = {
    id: deps.ids.newId(),
    companyId: actor.companyId,
    name,
    role: input.role,
    createdBy: actor.kind === 'user' ? actor.userId : null,
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.transaction(async (repos) => {
    await repos.apiTokens.insert(token, sha256Hex(secret));
    await recordChange(repos, deps, actor, {
      entityType: 'api_token',
      entityId: token.id,
      action: 'create',
      after: token,
    });
  });
  return { token, secret };
}
