/**
 * updateProfile(deps, actor, { profileId, expectedVersion, kind, name, data }) →
 * ProfileRecord — dispatcher; trips that copied the profile earlier keep their copy.
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { replaceBookRecord } from './support/book-records.js';
import { PROFILE_RECORDS, type ProfileInput } from './create-profile.js';
import type { AppDeps } from '../shared/deps.js';
import type { ProfileRecord } from '../shared/records.js';

export async function updateProfile(
  deps: AppDeps,
  actor: Actor,
  input: ProfileInput & { readonly profileId: string; readonly expectedVersion: number },
): Promise<ProfileRecord> {
  requireEditor(actor);
  const target = { id: input.profileId, expectedVersion: input.expectedVersion };
  return await replaceBookRecord(PROFILE_RECORDS, deps, actor, target, input);
}
