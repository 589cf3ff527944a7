/**
 * deleteParty(deps, actor, { partyId, expectedVersion }) — dispatcher; a soft delete (the
 * entry leaves lists and search, the audit log keeps it).
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { PARTY_RECORDS } from './create-party.js';
import { deleteBookRecord } from './support/book-records.js';

export async function deleteParty(
  deps: AppDeps,
  actor: Actor,
  input: { readonly partyId: string; readonly expectedVersion: number },
): Promise<void> {
  requireEditor(actor);
  await deleteBookRecord(PARTY_RECORDS, deps, actor, {
    id: input.partyId,
    expectedVersion: input.expectedVersion,
  });
}
