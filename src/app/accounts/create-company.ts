/**
 * Creating a company without code:
 * - createCompanyWithInvitation(deps, { name, scac, adminEmail }) — self-hosters
 *   (`emanifest company create`): the company and an admin invitation for the e-mail, whose
 *   token the operator passes on. No password travels on a command line.
 * - createClientCompany(deps, actor, { name, scac }) — a service provider, signed in as an
 *   admin of its own company, creates a client carrier and becomes its admin.
 */
import type { Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import { scacTaken } from './support/scac-taken.js';
import { InputChecks, isEmail, SCAC_PATTERN } from '../shared/input-checks.js';
import type { Repositories } from '../shared/ports/index.js';
import type { Company } from '../shared/records.js';
import { newSecret, sha256Hex } from './support/secrets.js';
import { INVITATION_TOKEN_PREFIX, INVITATION_TTL_MS } from './invite-member.js';

export interface NewCompany {
  readonly name: string;
  readonly scac: string;
}

function checkCompany(checks: InputChecks, input: NewCompany): InputChecks {
  return checks
    .check(input.name.trim() !== '', 'COMPANY_NAME_REQUIRED', '/name', 'Give the carrier name.')
    .check(
      SCAC_PATTERN.test(input.scac),
      'COMPANY_SCAC_FORMAT',
      '/scac',
      'A SCAC is 4 capital letters.',
    );
}

async function insertCompany(
  repos: Repositories,
  deps: AppDeps,
  input: NewCompany,
): Promise<Company> {
  const now = deps.clock.now().toISOString();
  const company: Company = {
    id: deps.ids.newId(),
    name: input.name.trim(),
    scac: input.scac,
    defaultPortOfArrival: null,
    tripNumberPrefix: input.scac,
    filingMode: 'test',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await repos.companies.insert(company))) {
    throw scacTaken(company.scac);
  }
  return company;
}

export async function createCompanyWithInvitation(
  deps: AppDeps,
  input: NewCompany & { readonly adminEmail: string },
): Promise<{ company: Company; invitationToken: string; expiresAt: string }> {
  const email = input.adminEmail.trim().toLowerCase();
  checkCompany(new InputChecks(), input)
    .check(isEmail(email), 'USER_EMAIL_FORMAT', '/adminEmail', 'Give a valid e-mail address.')
    .throwIfAny('Company');
  const token = newSecret(INVITATION_TOKEN_PREFIX);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
  const company = await deps.store.transaction(async (repos) => {
    const created = await insertCompany(repos, deps, input);
    await repos.invitations.insert(
      {
        id: deps.ids.newId(),
        companyId: created.id,
        email,
        role: 'admin',
        createdAt: now.toISOString(),
        expiresAt,
        acceptedAt: null,
      },
      sha256Hex(token),
    );
    return created;
  });
  return { company, invitationToken: token, expiresAt };
}

export async function createClientCompany(
  deps: AppDeps,
  actor: Actor,
  input: NewCompany,
): Promise<Company> {
  if (actor.kind !== 'user' || actor.role !== 'admin') {
    throw forbidden('Only a signed-in admin can create a client company.');
  }
  checkCompany(new InputChecks(), input).throwIfAny('Company');
  return deps.store.transaction(async (repos) => {
    const company = await insertCompany(repos, deps, input);
    const now = deps.clock.now().toISOString();
    await repos.memberships.insert({
      userId: actor.userId,
      companyId: company.id,
      role: 'admin',
      createdAt: now,
    });
    const asAdmin: Actor = { ...actor, companyId: company.id, role: 'admin' };
    await recordChange(repos, deps, asAdmin, {
      entityType: 'company',
      entityId: company.id,
      action: 'create',
      after: { ...company, createdBy: { companyId: actor.companyId, userId: actor.userId } },
    });
    return company;
  });
}
