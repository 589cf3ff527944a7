/**
 * authenticateApiToken(deps, { secret }) → Actor — the token's company and role. Unknown or
 * revoked: UNAUTHENTICATED. Records when it was last used, to the minute, so admins can spot
 * idle tokens.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from './support/secrets.js';

/**
 * How stale the recorded last use may be. An integration's every request wrote it before: a
 * write per request, which on SQLite also queued the request behind any long write (a CSV
 * upload of 100,000 shipments holds the write lock for most of a minute). Now the look-up is a
 * read (on SQLite's reader connection) and the last use is written once a minute at most.
 */
const LAST_USE_STEP_MS = 60_000;

export async function authenticateApiToken(
  deps: AppDeps,
  input: { readonly secret: string },
): Promise<Actor> {
  const now = deps.clock.now();
  const token = await deps.store.transaction(
    (repos) => repos.apiTokens.findByHash(sha256Hex(input.secret)),
    { readOnly: true },
  );
  if (token === undefined || token.revokedAt !== null) {
    throw new AppError('UNAUTHENTICATED', 'The API token is unknown or was revoked.');
  }
  const lastUse = token.lastUsedAt === null ? undefined : Date.parse(token.lastUsedAt);
  if (lastUse === undefined || now.getTime() - lastUse >= LAST_USE_STEP_MS) {
    await deps.store.transaction((repos) => repos.apiTokens.touch(token.id, now.toISOString()));
  }
  return { kind: 'token', companyId: token.companyId, tokenId: token.id, role: token.role };
}
