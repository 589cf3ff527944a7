/**
 * updateCompany(deps, actor, input) → Company — admin: name, default port, trip-number prefix,
 * with optimistic concurrency (STALE_VERSION when `expectedVersion` is old). The default port
 * becomes every new trip's port of arrival, so it must be one CBP knows.
 */
import { isTripNumberPrefix } from '../../rules/index.js';
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { InputChecks, isKnownPort } from '../shared/input-checks.js';
import { companyAtVersion, saveCompanySettings } from '../shared/company-settings.js';
import type { Company } from '../shared/records.js';

export interface UpdateCompanyInput {
  readonly expectedVersion: number;
  readonly name?: string | undefined;
  readonly defaultPortOfArrival?: string | null | undefined;
  readonly tripNumberPrefix?: string | undefined;
}

export async function updateCompany(
  deps: AppDeps,
  actor: Actor,
  input: UpdateCompanyInput,
): Promise<Company> {
  requireAdmin(actor);
  return deps.store.transaction(async (repos) => {
    const before = await companyAtVersion(repos, actor, input.expectedVersion);
    const prefix = input.tripNumberPrefix ?? before.tripNumberPrefix;
    const name = input.name?.trim() ?? before.name;
    new InputChecks()
      .check(name !== '', 'COMPANY_NAME_REQUIRED', '/name', 'Give the carrier name.')
      .check(
        isKnownPort(input.defaultPortOfArrival),
        'COMPANY_PORT_UNKNOWN',
        '/defaultPortOfArrival',
        `"${input.defaultPortOfArrival}" is not the Schedule D code of a U.S. land-border port.`,
      )
      .check(
        isTripNumberPrefix(prefix, before.scac),
        'COMPANY_TRIP_PREFIX_FORMAT',
        '/tripNumberPrefix',
        'The trip-number prefix starts with the SCAC and has 4–19 letters or digits.',
      )
      .throwIfAny('Company');
    const after = await saveCompanySettings(
      repos,
      before,
      { name, defaultPortOfArrival: input.defaultPortOfArrival, tripNumberPrefix: prefix },
      deps.clock.now().toISOString(),
    );
    await recordChange(repos, deps, actor, {
      entityType: 'company',
      entityId: before.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
