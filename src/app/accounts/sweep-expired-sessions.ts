/**
 * sweepExpiredSessions(deps) → number — deletes sessions whose lifetime has ended. They could
 * no longer sign anyone in (authenticateSession checks expiry), but left alone the table grows
 * with every sign-in for ever. `emanifest serve` runs it periodically (src/api/start.ts).
 */
import type { AppDeps } from '../shared/deps.js';

export async function sweepExpiredSessions(deps: AppDeps): Promise<number> {
  const now = deps.clock.now().toISOString();
  return deps.store.transaction((repositories) => repositories.sessions.deleteExpired(now));
}
