/** deleteProfile(deps, actor, { profileId, expectedVersion }) — dispatcher; soft delete. */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound, staleVersion } from '../shared/errors.js';

export async function deleteProfile(
  deps: AppDeps,
  actor: Actor,
  input: { readonly profileId: string; readonly expectedVersion: number },
): Promise<void> {
  requireEditor(actor);
  await deps.store.transaction(async (repos) => {
    const before = await repos.profiles.findById(actor.companyId, input.profileId);
    if (before === undefined) throw notFound('Profile');
    const at = deps.clock.now().toISOString();
    if (
      before.version !== input.expectedVersion ||
      !(await repos.profiles.softDelete(actor.companyId, before.id, input.expectedVersion, at))
    ) {
      throw staleVersion('The profile', input.expectedVersion, before.version);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'profile',
      entityId: before.id,
      action: 'delete',
      before,
    });
  });
}
