/**
 * updateProfile(deps, actor, { profileId, expectedVersion, kind, name, data }) →
 * ProfileRecord — dispatcher; trips that copied the profile earlier keep their copy.
 */
import { requireEditor, type Actor } from './actor.js';
import { recordChange } from './audit.js';
import { profileRecord, type ProfileInput } from './create-profile.js';
import type { AppDeps } from './deps.js';
import { notFound, staleVersion } from './errors.js';
import type { ProfileRecord } from './records.js';

export async function updateProfile(
  deps: AppDeps,
  actor: Actor,
  input: ProfileInput & { readonly profileId: string; readonly expectedVersion: number },
): Promise<ProfileRecord> {
  requireEditor(actor);
  return deps.store.transaction(async (repos) => {
    const before = await repos.profiles.findById(actor.companyId, input.profileId);
    if (before === undefined) throw notFound('Profile');
    if (before.version !== input.expectedVersion) {
      throw staleVersion('The profile', input.expectedVersion, before.version);
    }
    const after = profileRecord(
      {
        id: before.id,
        companyId: before.companyId,
        version: before.version + 1,
        createdAt: before.createdAt,
        updatedAt: deps.clock.now().toISOString(),
      },
      input,
    );
    if (!(await repos.profiles.update(after))) {
      throw staleVersion('The profile', input.expectedVersion, before.version + 1);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'profile',
      entityId: before.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
