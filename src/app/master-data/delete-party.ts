/**
 * deleteParty(deps, actor, { partyId, expectedVersion }) — dispatcher; a soft delete (the
 * entry leaves lists and search, the audit log keeps it).
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound, staleVersion } from '../shared/errors.js';

export async function deleteParty(
  deps: AppDeps,
  actor: Actor,
  input: { readonly partyId: string; readonly expectedVersion: number },
): Promise<void> {
  requireEditor(actor);
  await deps.store.transaction(async (repos) => {
    const before = await repos.parties.findById(actor.companyId, input.partyId);
    if (before === undefined) throw notFound('Party');
    const at = deps.clock.now().toISOString();
    if (
      before.version !== input.expectedVersion ||
      !(await repos.parties.softDelete(actor.companyId, before.id, input.expectedVersion, at))
    ) {
      throw staleVersion('The party', input.expectedVersion, before.version);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'party',
      entityId: before.id,
      action: 'delete',
      before,
    });
  });
}
