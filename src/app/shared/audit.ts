import { actorIds, type Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import type { Repositories } from './ports/index.js';
import type { AuditEntityType } from './records.js';

export interface Change {
  readonly entityType: AuditEntityType;
  readonly entityId: string;
  readonly action: string;
  readonly tripId?: string | null | undefined;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Records changes in the same transaction as the changes themselves, so history and data can
 * never disagree: nothing is ever silently lost (docs/storage.md, audit log).
 */
export async function recordChanges(
  repos: Repositories,
  deps: Pick<AppDeps, 'clock'>,
  actor: Actor,
  changes: readonly Change[],
): Promise<void> {
  const ids = actorIds(actor);
  const at = deps.clock.now().toISOString();
  await repos.audit.append(
    changes.map((change) => ({
      companyId: actor.companyId,
      actorUserId: ids.userId,
      actorTokenId: ids.tokenId,
      at,
      entityType: change.entityType,
      entityId: change.entityId,
      tripId: change.tripId ?? null,
      action: change.action,
      before: change.before ?? null,
      after: change.after ?? null,
    })),
  );
}

export async function recordChange(
  repos: Repositories,
  deps: Pick<AppDeps, 'clock'>,
  actor: Actor,
  change: Change,
): Promise<void> {
  await recordChanges(repos, deps, actor, [change]);
}
