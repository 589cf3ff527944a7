/**
 * operatorActor(deps, { company? }) → Actor — the CLI's actor on the service's own database
 * (actor.ts, kind `operator`, role admin), in the company named by SCAC or id; without a name,
 * the database's only company. No company: NOT_FOUND; several and none named: INVALID_STATE
 * listing their SCACs.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError, notFound } from '../shared/errors.js';

const LISTED = 20;

export async function operatorActor(
  deps: Pick<AppDeps, 'store'>,
  input: { readonly company?: string | undefined },
): Promise<Actor> {
  const company = await deps.store.transaction(async (repos) => {
    const named = input.company?.trim();
    if (named !== undefined && named !== '') {
      const found =
        (await repos.companies.findByScac(named.toUpperCase())) ??
        (await repos.companies.findById(named));
      if (found === undefined) throw notFound(`Company ${named}`);
      return found;
    }
    const some = await repos.companies.listByScac(LISTED + 1);
    const [only, second] = some;
    if (only === undefined) throw notFound('Company');
    if (second !== undefined) {
      const scacs = some.slice(0, LISTED).map((c) => c.scac);
      throw new AppError(
        'INVALID_STATE',
        `The database holds several companies; name one by its SCAC (${scacs.join(', ')}${some.length > LISTED ? ', …' : ''}).`,
      );
    }
    return only;
  });
  return { kind: 'operator', companyId: company.id, role: 'admin' };
}
