import { actorIds, type Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import type { Repositories } from './ports/index.js';
import type { AuditEntityType } from './records.js';

/**
 * Records one change in the same transaction as the change itself, so history and data can
 * never disagree (issue 3 §7: nothing is ever silently lost).
 */
export async function recordChange(
  repos: Repositories,
  deps: Pick<AppDeps, 'clock'>,
  actor: Actor,
  change: {
    readonly entityType: AuditEntityType;
    readonly entityId: string;
    readonly action: string;
    readonly tripId?: string | null | undefined;
    readonly before?: unknown;
    readonly after?: unknown;
  },
): Promise<void> {
  const ids = actorIds(actor);
  await repos.audit.append({
    companyId: actor.companyId,
    actorUserId: ids.userId,
    actorTokenId: ids.tokenId,
    at: deps.clock.now().toISOString(),
    entityType: change.entityType,
    entityId: change.entityId,
    tripId: change.tripId ?? null,
    action: change.action,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}
