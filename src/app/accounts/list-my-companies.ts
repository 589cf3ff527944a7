/**
 * listMyCompanies(deps, actor) → CompanyChoice[] — the companies the signed-in user may switch
 * to (a service provider's user belongs to several). An API token (and the CLI's operator)
 * acts in one company only.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { CompanyChoice } from './login.js';
import type { Company } from '../shared/records.js';
import type { Role } from '../shared/actor.js';

export function companyChoice(company: Company, role: Role): CompanyChoice {
  return { companyId: company.id, name: company.name, scac: company.scac, role };
}

export async function listMyCompanies(
  deps: Pick<AppDeps, 'store'>,
  actor: Actor,
): Promise<readonly CompanyChoice[]> {
  return deps.store.transaction(
    async (repos) => {
      if (actor.kind !== 'user') {
        const company = await repos.companies.findById(actor.companyId);
        return company === undefined ? [] : [companyChoice(company, actor.role)];
      }
      const memberships = await repos.memberships.listForUser(actor.userId);
      return memberships.map((m) => companyChoice(m.company, m.role));
    },
    { readOnly: true },
  );
}
