/**
 * getEdiIdentity(deps, actor) → EdiIdentityView — any role: the sender ID (ISA06, GS02) the
 * company's interchanges carry, and whether it has filed under it. Until an admin sets the ID
 * CBP assigned, or the company first files, it is the company's SCAC (docs/edi.md). The sender
 * ID is one of the company's settings: it carries the company's version, which a change must
 * name (setSenderId), so that two admins never overwrite each other unawares.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf } from '../shared/lookups.js';
import type { EdiIdentity } from '../shared/ports/index.js';
import type { Company, FilingMode } from '../shared/records.js';

export interface EdiIdentityView {
  readonly senderId: string;
  /** True while no sender ID is stored: the SCAC will be claimed at the first filing. */
  readonly defaultedToScac: boolean;
  /** Interchange control numbers taken so far; above 0 once the company has filed. */
  readonly controlNumbersUsed: number;
  /**
   * `test` (CBP's certification environment, ISA15 T) until an admin switches the company to
   * `production` (ISA15 P), once CBP has certified it (setFilingMode).
   */
  readonly filingMode: FilingMode;
  /** The company's settings version: a change of the sender ID names it (If-Match). */
  readonly version: number;
}

export function identityView(company: Company, stored: EdiIdentity | undefined): EdiIdentityView {
  return stored === undefined
    ? {
        senderId: company.scac,
        defaultedToScac: true,
        controlNumbersUsed: 0,
        filingMode: company.filingMode,
        version: company.version,
      }
    : {
        senderId: stored.senderId,
        defaultedToScac: false,
        controlNumbersUsed: stored.nextControlNumber - 1,
        filingMode: company.filingMode,
        version: company.version,
      };
}

export async function getEdiIdentity(deps: AppDeps, actor: Actor): Promise<EdiIdentityView> {
  return deps.store.transaction(
    async (repos) => {
      const company = await companyOf(repos, actor);
      return identityView(company, await repos.filing.ediIdentity(company.id));
    },
    { readOnly: true },
  );
}
