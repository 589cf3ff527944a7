/**
 * login(deps, { email, password, companyId? }) → LoginResult — checks the password and opens
 * a session in one of the user's companies (the one asked for, else the first joined). The
 * caller puts `sessionSecret` in an HttpOnly cookie and `csrfSecret` in the page. Wrong e-mail
 * and wrong password fail alike, in the same time. Rate limiting is the API's job.
 */
import type { Actor, Role } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError, notFound } from '../shared/errors.js';
import {
  DEFAULT_SCRYPT,
  dummyHash,
  verifyPassword,
  type ScryptParams,
} from './support/passwords.js';
import type { User } from '../shared/records.js';
import { newSecret, sha256Hex } from './support/secrets.js';
import { companyChoice } from './list-my-companies.js';

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface CompanyChoice {
  readonly companyId: string;
  readonly name: string;
  readonly scac: string;
  readonly role: Role;
}

export interface LoginResult {
  readonly sessionSecret: string;
  readonly csrfSecret: string;
  readonly expiresAt: string;
  readonly actor: Actor;
  readonly user: User;
  /** Every company the user may switch to. */
  readonly companies: readonly CompanyChoice[];
}

/** One dummy hash per KDF cost, made on first use. */
const dummies = new Map<string, Promise<string>>();

function dummyFor(params: ScryptParams): Promise<string> {
  const key = `${params.ln},${params.r},${params.p}`;
  let dummy = dummies.get(key);
  if (dummy === undefined) {
    dummy = dummyHash(params);
    dummies.set(key, dummy);
  }
  return dummy;
}

export async function login(
  deps: AppDeps,
  input: {
    readonly email: string;
    readonly password: string;
    readonly companyId?: string | undefined;
  },
): Promise<LoginResult> {
  const found = await deps.store.transaction((repos) =>
    repos.users.findByEmail(input.email.trim().toLowerCase()),
  );
  // Unknown e-mails still pay for one hash, so response time does not reveal accounts.
  const stored = found?.passwordHash ?? (await dummyFor(deps.scrypt ?? DEFAULT_SCRYPT));
  const ok = await verifyPassword(input.password, stored);
  if (found === undefined || !ok) {
    throw new AppError('UNAUTHENTICATED', 'The e-mail or the password is wrong.');
  }
  const { user } = found;
  return deps.store.transaction(async (repos) => {
    const memberships = await repos.memberships.listForUser(user.id);
    const chosen =
      input.companyId === undefined
        ? memberships[0]
        : memberships.find((m) => m.company.id === input.companyId);
    if (chosen === undefined) {
      if (input.companyId !== undefined) throw notFound('Company');
      throw new AppError('FORBIDDEN', 'This account does not belong to any company yet.');
    }
    const now = deps.clock.now();
    const sessionSecret = newSecret();
    const csrfSecret = newSecret();
    const expiresAt = new Date(
      now.getTime() + (deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS),
    ).toISOString();
    await repos.sessions.insert({
      idHash: sha256Hex(sessionSecret),
      userId: user.id,
      companyId: chosen.company.id,
      csrfSecret,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return {
      sessionSecret,
      csrfSecret,
      expiresAt,
      user,
      actor: { kind: 'user', companyId: chosen.company.id, userId: user.id, role: chosen.role },
      companies: memberships.map((m) => companyChoice(m.company, m.role)),
    };
  });
}
