/** getParty(deps, actor, { partyId }) → PartyRecord (any role; other companies: NOT_FOUND). */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import type { PartyRecord } from '../shared/records.js';

export async function getParty(
  deps: AppDeps,
  actor: Actor,
  input: { readonly partyId: string },
): Promise<PartyRecord> {
  const party = await deps.store.transaction(
    (repos) => repos.parties.findById(actor.companyId, input.partyId),
    { readOnly: true },
  );
  if (party === undefined) throw notFound('Party');
  return party;
}
