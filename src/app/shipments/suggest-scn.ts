/**
 * suggestScn(deps, actor) → { shipmentControlNumber } — the SCN a new shipment saved without
 * one will get, shown on the Start New ACE Shipment page. Nothing is reserved (any role).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf } from '../shared/lookups.js';
import { suggestedScn } from '../shared/sequences.js';

export async function suggestScn(
  deps: AppDeps,
  actor: Actor,
): Promise<{ readonly shipmentControlNumber: string }> {
  return deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      return { shipmentControlNumber: await suggestedScn(repos, company) };
    },
    { readOnly: true },
  );
}
