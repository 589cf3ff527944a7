/**
 * bootstrapCompany(deps, input) → { company, admin }
 * Creates a carrier and its first admin (start-up demo data, the CLI, sign-up). No actor: it
 * runs before anyone can sign in. An existing user (by e-mail) is made admin of the new
 * company and keeps their password: a service provider serves several carriers.
 */
import type { Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';

import { scacTaken } from './support/scac-taken.js';
import {
  InputChecks,
  isEmail,
  isKnownPort,
  MIN_PASSWORD_LENGTH,
  SCAC_PATTERN,
} from '../shared/input-checks.js';
import { DEFAULT_SCRYPT, hashPassword } from './support/passwords.js';
import type { Company, User } from '../shared/records.js';

export interface BootstrapCompanyInput {
  readonly company: {
    readonly name: string;
    readonly scac: string;
    readonly defaultPortOfArrival?: string | undefined;
    /** Defaults to the SCAC: trip numbers must start with it (ACE). */
    readonly tripNumberPrefix?: string | undefined;
  };
  readonly admin: {
    readonly email: string;
    readonly displayName: string;
    readonly password: string;
  };
}

export async function bootstrapCompany(
  deps: AppDeps,
  input: BootstrapCompanyInput,
): Promise<{ company: Company; admin: User }> {
  const email = input.admin.email.trim().toLowerCase();
  const prefix = input.company.tripNumberPrefix ?? input.company.scac;
  new InputChecks()
    .check(
      input.company.name.trim() !== '',
      'COMPANY_NAME_REQUIRED',
      '/company/name',
      'Give the carrier name.',
    )
    .check(
      SCAC_PATTERN.test(input.company.scac),
      'COMPANY_SCAC_FORMAT',
      '/company/scac',
      'A SCAC is 4 capital letters.',
    )
    .check(
      isKnownPort(input.company.defaultPortOfArrival),
      'COMPANY_PORT_UNKNOWN',
      '/company/defaultPortOfArrival',
      `"${input.company.defaultPortOfArrival}" is not the Schedule D code of a U.S. land-border port.`,
    )
    .check(
      /^[A-Z0-9]{4,19}$/.test(prefix) && prefix.startsWith(input.company.scac),
      'COMPANY_TRIP_PREFIX_FORMAT',
      '/company/tripNumberPrefix',
      'The trip-number prefix starts with the SCAC and has 4–19 letters or digits.',
    )
    .check(isEmail(email), 'USER_EMAIL_FORMAT', '/admin/email', 'Give a valid e-mail address.')
    .check(
      input.admin.password.length >= MIN_PASSWORD_LENGTH,
      'USER_PASSWORD_TOO_SHORT',
      '/admin/password',
      `A password has at least ${MIN_PASSWORD_LENGTH} characters.`,
    )
    .throwIfAny('Company');
  const passwordHash = await hashPassword(input.admin.password, deps.scrypt ?? DEFAULT_SCRYPT);
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (repos) => {
    const company: Company = {
      id: deps.ids.newId(),
      name: input.company.name.trim(),
      scac: input.company.scac,
      defaultPortOfArrival: input.company.defaultPortOfArrival ?? null,
      tripNumberPrefix: prefix,
      filingMode: 'test',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await repos.companies.insert(company))) {
      throw scacTaken(company.scac);
    }
    const existing = await repos.users.findByEmail(email);
    const admin: User = existing?.user ?? {
      id: deps.ids.newId(),
      email,
      displayName: input.admin.displayName.trim() || email,
      createdAt: now,
    };
    if (existing === undefined) await repos.users.insert(admin, passwordHash);
    await repos.memberships.insert({
      userId: admin.id,
      companyId: company.id,
      role: 'admin',
      createdAt: now,
    });
    const actor: Actor = { kind: 'user', companyId: company.id, userId: admin.id, role: 'admin' };
    await recordChange(repos, deps, actor, {
      entityType: 'company',
      entityId: company.id,
      action: 'create',
      after: company,
    });
    await recordChange(repos, deps, actor, {
      entityType: 'membership',
      entityId: admin.id,
      action: 'create',
      after: { email, role: 'admin' },
    });
    return { company, admin };
  });
}
