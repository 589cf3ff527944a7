/** deleteProfile(deps, actor, { profileId, expectedVersion }) — dispatcher; soft delete. */
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { PROFILE_RECORDS } from './create-profile.js';
import { deleteBookRecord } from './support/book-records.js';

export async function deleteProfile(
  deps: AppDeps,
  actor: Actor,
  input: { readonly profileId: string; readonly expectedVersion: number },
): Promise<void> {
  requireEditor(actor);
  await deleteBookRecord(PROFILE_RECORDS, deps, actor, {
    id: input.profileId,
    expectedVersion: input.expectedVersion,
  });
}
