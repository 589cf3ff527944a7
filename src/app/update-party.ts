/**
 * updateParty(deps, actor, { partyId, expectedVersion, kind, party }) → PartyRecord —
 * dispatcher replaces an address-book entry; STALE_VERSION when someone saved in between.
 * Trips keep the copy they were given: editing a party never rewrites a shipment.
 */
import { requireEditor, type Actor } from './actor.js';
import { recordChange } from './audit.js';
import { partyRecord, type PartyInput } from './create-party.js';
import type { AppDeps } from './deps.js';
import { notFound, staleVersion } from './errors.js';
import type { PartyRecord } from './records.js';

export async function updateParty(
  deps: AppDeps,
  actor: Actor,
  input: PartyInput & { readonly partyId: string; readonly expectedVersion: number },
): Promise<PartyRecord> {
  requireEditor(actor);
  return deps.store.transaction(async (repos) => {
    const before = await repos.parties.findById(actor.companyId, input.partyId);
    if (before === undefined) throw notFound('Party');
    if (before.version !== input.expectedVersion) {
      throw staleVersion('The party', input.expectedVersion, before.version);
    }
    const after = partyRecord(
      {
        id: before.id,
        companyId: before.companyId,
        version: before.version + 1,
        createdAt: before.createdAt,
        updatedAt: deps.clock.now().toISOString(),
      },
      input,
    );
    if (!(await repos.parties.update(after))) {
      throw staleVersion('The party', input.expectedVersion, before.version + 1);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'party',
      entityId: before.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
