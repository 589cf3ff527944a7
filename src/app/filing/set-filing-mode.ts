/**
 * setFilingMode(deps, actor, { mode, expectedVersion }) → EdiIdentityView — admin: whether the
 * company's interchanges go to CBP as tests or for real (ISA15 `T` or `P` from the next sync
 * on). A filer certifies in CBP's test environment first and switches to production when CBP
 * says it may (docs/edi.md, the filing mode). A company setting like the sender ID: the change
 * names the company's version it was read at (STALE_VERSION otherwise), makes the next one, and
 * is audited.
 */
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { companyAtVersion, saveCompanySettings } from '../shared/company-settings.js';
import type { FilingMode } from '../shared/records.js';
import { identityView, type EdiIdentityView } from './get-edi-identity.js';

export async function setFilingMode(
  deps: AppDeps,
  actor: Actor,
  input: { readonly mode: FilingMode; readonly expectedVersion: number },
): Promise<EdiIdentityView> {
  requireAdmin(actor);
  return deps.store.transaction(async (repos) => {
    const company = await companyAtVersion(repos, actor, input.expectedVersion);
    const stored = await repos.filing.ediIdentity(company.id);
    if (company.filingMode === input.mode) return identityView(company, stored);
    const after = await saveCompanySettings(
      repos,
      company,
      { filingMode: input.mode },
      deps.clock.now().toISOString(),
    );
    await recordChange(repos, deps, actor, {
      entityType: 'company',
      entityId: company.id,
      action: 'filing_mode_set',
      before: { filingMode: company.filingMode },
      after: { filingMode: input.mode },
    });
    return identityView(after, stored);
  });
}
