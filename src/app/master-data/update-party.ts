/**
 * updateParty(deps, actor, { partyId, expectedVersion, kind, party }) → PartyRecord —
 * dispatcher replaces an address-book entry; STALE_VERSION when someone saved in between.
 * Trips keep the copy they were given: editing a party never rewrites a shipment.
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { replaceBookRecord } from './support/book-records.js';
import { PARTY_RECORDS, type PartyInput } from './create-party.js';
import type { AppDeps } from '../shared/deps.js';
import type { PartyRecord } from '../shared/records.js';

export async function updateParty(
  deps: AppDeps,
  actor: Actor,
  input: PartyInput & { readonly partyId: string; readonly expectedVersion: number },
): Promise<PartyRecord> {
  requireEditor(actor);
  const target = { id: input.partyId, expectedVersion: input.expectedVersion };
  return await replaceBookRecord(PARTY_RECORDS, deps, actor, target, input);
}
