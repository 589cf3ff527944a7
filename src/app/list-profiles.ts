/**
 * listProfiles(deps, actor, { kind? }) → ProfileRecord[] (any role).
 * getProfile(deps, actor, { profileId }) → ProfileRecord (other companies: NOT_FOUND).
 */
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import { notFound } from './errors.js';
import type { ProfileKind, ProfileRecord } from './records.js';

export async function listProfiles(
  deps: AppDeps,
  actor: Actor,
  input: { readonly kind?: ProfileKind | undefined },
): Promise<readonly ProfileRecord[]> {
  return deps.store.transaction((repos) =>
    repos.profiles.list(actor.companyId, { kind: input.kind }),
  );
}

export async function getProfile(
  deps: AppDeps,
  actor: Actor,
  input: { readonly profileId: string },
): Promise<ProfileRecord> {
  const profile = await deps.store.transaction((repos) =>
    repos.profiles.findById(actor.companyId, input.profileId),
  );
  if (profile === undefined) throw notFound('Profile');
  return profile;
}
