/** listProfiles(deps, actor, { kind? }) → ProfileRecord[] (any role). */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { ProfileKind, ProfileRecord } from '../shared/records.js';

export async function listProfiles(
  deps: AppDeps,
  actor: Actor,
  input: { readonly kind?: ProfileKind | undefined },
): Promise<readonly ProfileRecord[]> {
  return deps.store.transaction((repos) =>
    repos.profiles.list(actor.companyId, { kind: input.kind }),
  );
}
