/**
 * searchParties(deps, actor, { query, kind?, limit? }) → PartyRecord[] — quick-assign: parties
 * whose name, city or postal code has words starting with each word typed ("tor mil" finds
 * "Maple Leaf Mills, Toronto"). Case and accents do not matter. Any role.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { SEARCH_RESULTS, sizeWithin } from '../shared/page-size.js';
import type { PartyKind, PartyRecord } from '../shared/records.js';

export async function searchParties(
  deps: AppDeps,
  actor: Actor,
  input: {
    readonly query: string;
    readonly kind?: PartyKind | undefined;
    readonly limit?: number | undefined;
  },
): Promise<readonly PartyRecord[]> {
  const limit = sizeWithin(SEARCH_RESULTS, input.limit);
  if (input.query.trim() === '') return [];
  return deps.store.transaction(
    (repos) =>
      repos.parties.search(actor.companyId, input.query.slice(0, 200), { kind: input.kind, limit }),
    { readOnly: true },
  );
}
