/** getCompany(deps, actor) → Company — the actor's own company (any role). */
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import { companyOf } from './lookups.js';
import type { Company } from './records.js';

export async function getCompany(deps: AppDeps, actor: Actor): Promise<Company> {
  return deps.store.transaction((repos) => companyOf(repos, actor));
}
