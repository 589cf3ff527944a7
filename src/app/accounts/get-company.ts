/** getCompany(deps, actor) → Company — the actor's own company (any role). */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf } from '../shared/lookups.js';
import type { Company } from '../shared/records.js';

export async function getCompany(deps: AppDeps, actor: Actor): Promise<Company> {
  return deps.store.transaction((repos) => companyOf(repos, actor), { readOnly: true });
}
