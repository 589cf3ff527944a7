/**
 * authenticateApiToken(deps, { secret }) → Actor — the token's company and role. Unknown or
 * revoked: UNAUTHENTICATED. Records when it was last used, so admins can spot idle tokens.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from './support/secrets.js';

export async function authenticateApiToken(
  deps: AppDeps,
  input: { readonly secret: string },
): Promise<Actor> {
  return deps.store.transaction(async (repos) => {
    const token = await repos.apiTokens.findByHash(sha256Hex(input.secret));
    if (token === undefined || token.revokedAt !== null) {
      throw new AppError('UNAUTHENTICATED', 'The API token is unknown or was revoked.');
    }
    await repos.apiTokens.touch(token.id, deps.clock.now().toISOString());
    return { kind: 'token', companyId: token.companyId, tokenId: token.id, role: token.role };
  });
}
