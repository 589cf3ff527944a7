/**
 * removeCompanyLogo(deps, actor) — admin: the lead sheets print without a logo again. None
 * set: NOT_FOUND (nothing is audited).
 */
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import { logoFacts } from './set-company-logo.js';

export async function removeCompanyLogo(deps: AppDeps, actor: Actor): Promise<void> {
  requireAdmin(actor);
  await deps.store.transaction(async (repos) => {
    const before = await repos.companyLogos.find(actor.companyId);
    if (before === undefined || !(await repos.companyLogos.remove(actor.companyId))) {
      throw notFound('Company logo');
    }
    await recordChange(repos, deps, actor, {
      entityType: 'company',
      entityId: actor.companyId,
      action: 'logo_removed',
      before: logoFacts(before),
    });
  });
}
