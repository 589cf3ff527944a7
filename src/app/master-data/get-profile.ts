/** getProfile(deps, actor, { profileId }) → ProfileRecord (other companies: NOT_FOUND). */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import type { ProfileRecord } from '../shared/records.js';

export async function getProfile(
  deps: AppDeps,
  actor: Actor,
  input: { readonly profileId: string },
): Promise<ProfileRecord> {
  const profile = await deps.store.transaction(
    (repos) => repos.profiles.findById(actor.companyId, input.profileId),
    { readOnly: true },
  );
  if (profile === undefined) throw notFound('Profile');
  return profile;
}
