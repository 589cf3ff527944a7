/** listParties(deps, actor, { kind?, cursor?, limit? }) → Page<PartyRecord>, by name (any role). */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { Page, PageRequest, PartyKind, PartyRecord } from '../shared/records.js';

export async function listParties(
  deps: AppDeps,
  actor: Actor,
  input: PageRequest & { readonly kind?: PartyKind | undefined },
): Promise<Page<PartyRecord>> {
  return deps.store.transaction(
    (repos) => repos.parties.list(actor.companyId, { kind: input.kind }, input),
    { readOnly: true },
  );
}
