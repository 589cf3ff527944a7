import type { Actor } from './actor.js';
import { staleVersion } from './errors.js';
import { companyOf } from './lookups.js';
import type { Repositories } from './ports/index.js';
import type { Company } from './records.js';

/**
 * The actor's company, read to change its settings: STALE_VERSION when the admin saw another
 * version than `expectedVersion` (the If-Match of the request), even if nothing would change.
 */
export async function companyAtVersion(
  repos: Repositories,
  actor: Actor,
  expectedVersion: number,
): Promise<Company> {
  const company = await companyOf(repos, actor);
  if (company.version !== expectedVersion) {
    throw staleVersion('The company', expectedVersion, company.version);
  }
  return company;
}

/** What an admin changes of the company: its settings (the SCAC and sequences are not). */
export type CompanySettings = Pick<
  Company,
  'name' | 'defaultPortOfArrival' | 'tripNumberPrefix' | 'filingMode'
>;

/**
 * Saves `changes` over the company as read, as its next version: every settings change (the
 * carrier's name and prefix, the sender ID, the filing mode) makes one, so that two admins
 * never overwrite each other unawares. STALE_VERSION when another change came first.
 */
export async function saveCompanySettings(
  repos: Repositories,
  company: Company,
  changes: Partial<CompanySettings>,
  at: string,
): Promise<Company> {
  const after = await repos.companies.update(company.id, company.version, {
    name: changes.name ?? company.name,
    defaultPortOfArrival:
      changes.defaultPortOfArrival === undefined
        ? company.defaultPortOfArrival
        : changes.defaultPortOfArrival,
    tripNumberPrefix: changes.tripNumberPrefix ?? company.tripNumberPrefix,
    filingMode: changes.filingMode ?? company.filingMode,
    updatedAt: at,
  });
  if (after === undefined) throw staleVersion('The company', company.version, company.version + 1);
  return after;
}
