/** getCompanyLogo(deps, actor) → the company's logo (any role); none set: NOT_FOUND. */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import type { CompanyLogo } from '../shared/ports/index.js';

export async function getCompanyLogo(deps: AppDeps, actor: Actor): Promise<CompanyLogo> {
  const logo = await deps.store.transaction((repos) => repos.companyLogos.find(actor.companyId), {
    readOnly: true,
  });
  if (logo === undefined) throw notFound('Company logo');
  return logo;
}
