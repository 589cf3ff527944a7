/**
 * setSenderId(deps, actor, { senderId, expectedVersion }) → { identity, issues } — admin: the
 * interchange sender ID CBP assigned the filer at certification (ISA06 and GS02 of every
 * interchange from the next sync on; CBP's answers come back to it in ISA08). A company
 * setting: the change names the company's version it was read at (STALE_VERSION when another
 * admin changed the settings since), and makes the next version.
 *
 * Refused at `/senderId` when X12 cannot carry it (EDI_SENDER_ID_FORMAT) or when it is another
 * company's (EDI_SENDER_ID_TAKEN: an ID it holds or has held, or the SCAC it will claim at its
 * first filing), since answers are tied to a company by that ID alone; every ID a company has
 * sent under stays its own. Changing it after the company
 * has filed is allowed with a warning (EDI_SENDER_ID_CHANGED_AFTER_FILING): interchanges
 * already sent keep the old ID, and CBP must be told.
 */
import type { Issue } from '../../domain/index.js';
import { senderIdProblem } from '../../rules/index.js';
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { conflict } from '../shared/errors.js';
import { InputChecks } from '../shared/input-checks.js';
import { companyAtVersion, saveCompanySettings } from '../shared/company-settings.js';
import type { Repositories } from '../shared/ports/index.js';
import { identityView, type EdiIdentityView } from './get-edi-identity.js';

export interface SetSenderIdInput {
  readonly senderId: string;
  /** The company's version the sender ID was read at (EdiIdentityView.version). */
  readonly expectedVersion: number;
}

export interface SetSenderIdResult {
  readonly identity: EdiIdentityView;
  /** Warnings about the change (EDI_SENDER_ID_CHANGED_AFTER_FILING); empty when none. */
  readonly issues: readonly Issue[];
}

/** Whether another company sends, or will send at its first filing, under this ID. */
async function takenByAnother(
  repos: Repositories,
  companyId: string,
  senderId: string,
): Promise<boolean> {
  const holder = await repos.filing.companyBySenderId(senderId);
  if (holder !== undefined) return holder !== companyId;
  const sameScac = await repos.companies.findByScac(senderId);
  if (sameScac === undefined || sameScac.id === companyId) return false;
  return (await repos.filing.ediIdentity(sameScac.id)) === undefined;
}

export async function setSenderId(
  deps: AppDeps,
  actor: Actor,
  input: SetSenderIdInput,
): Promise<SetSenderIdResult> {
  requireAdmin(actor);
  const senderId = input.senderId;
  const problem = senderIdProblem(senderId);
  new InputChecks()
    .check(
      problem === undefined,
      'EDI_SENDER_ID_FORMAT',
      '/senderId',
      `The sender ID "${senderId}" ${problem ?? ''}. Type it exactly as CBP assigned it.`,
    )
    .throwIfAny('Sender ID');
  return deps.store.transaction(async (repos) => {
    const company = await companyAtVersion(repos, actor, input.expectedVersion);
    const stored = await repos.filing.ediIdentity(company.id);
    const before = identityView(company, stored);
    if (stored !== undefined && stored.senderId === senderId)
      return { identity: before, issues: [] };
    if (await takenByAnother(repos, company.id, senderId)) {
      throw conflict(`The sender ID ${senderId} belongs to another company.`, [
        {
          code: 'EDI_SENDER_ID_TAKEN',
          severity: 'error',
          path: '/senderId',
          message: `Another company files or has filed under ${senderId}. Each filer has its own sender ID: check the one CBP assigned you.`,
        },
      ]);
    }
    await repos.filing.setSenderId(company.id, senderId, deps.clock.now().toISOString());
    // The settings' next version, as any change of them makes.
    const bumped = await saveCompanySettings(repos, company, {}, deps.clock.now().toISOString());
    const after = identityView(bumped, await repos.filing.ediIdentity(company.id));
    await recordChange(repos, deps, actor, {
      entityType: 'company',
      entityId: company.id,
      action: 'sender_id_set',
      before: { senderId: before.senderId },
      after: { senderId },
    });
    const issues: Issue[] =
      before.controlNumbersUsed > 0 && before.senderId !== senderId
        ? [
            {
              code: 'EDI_SENDER_ID_CHANGED_AFTER_FILING',
              severity: 'warning',
              path: '/senderId',
              message: `Interchanges already sent keep the old sender ID ${before.senderId}; the next sync sends ${senderId}. Tell your CBP client representative first, or CBP refuses what you send under ${senderId}. Answers CBP still sends to ${before.senderId} reach this company: that ID stays yours.`,
            },
          ]
        : [];
    return { identity: after, issues };
  });
}
