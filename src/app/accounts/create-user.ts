/**
 * createUser(deps, actor, input) → { user, role } — admin adds a person to the company with a
 * role. A new e-mail needs a password; an existing account (a service provider working for
 * several carriers) just gets a membership and keeps its password.
 */
import { requireAdmin, type Actor, type Role } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { conflict } from '../shared/errors.js';
import { InputChecks, isEmail, MIN_PASSWORD_LENGTH } from '../shared/input-checks.js';
import { DEFAULT_SCRYPT, hashPassword } from './support/passwords.js';
import type { User } from '../shared/records.js';

export interface CreateUserInput {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** Required when the e-mail has no account yet. */
  readonly password?: string | undefined;
}

export async function createUser(
  deps: AppDeps,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ user: User; role: Role }> {
  requireAdmin(actor);
  const email = input.email.trim().toLowerCase();
  new InputChecks()
    .check(isEmail(email), 'USER_EMAIL_FORMAT', '/email', 'Give a valid e-mail address.')
    .check(
      input.password === undefined || input.password.length >= MIN_PASSWORD_LENGTH,
      'USER_PASSWORD_TOO_SHORT',
      '/password',
      `A password has at least ${MIN_PASSWORD_LENGTH} characters.`,
    )
    .throwIfAny('User');
  const passwordHash =
    input.password === undefined
      ? undefined
      : await hashPassword(input.password, deps.scrypt ?? DEFAULT_SCRYPT);
  return deps.store.transaction(async (repos) => {
    const now = deps.clock.now().toISOString();
    const existing = await repos.users.findByEmail(email);
    let user = existing?.user;
    if (user === undefined) {
      new InputChecks()
        .check(
          passwordHash !== undefined,
          'USER_PASSWORD_REQUIRED',
          '/password',
          'A new user needs a password.',
        )
        .throwIfAny('User');
      user = {
        id: deps.ids.newId(),
        email,
        displayName: input.displayName.trim() || email,
        createdAt: now,
      };
      await repos.users.insert(user, passwordHash ?? '');
    }
    const added = await repos.memberships.insert({
      userId: user.id,
      companyId: actor.companyId,
      role: input.role,
      createdAt: now,
    });
    if (!added) throw conflict(`${email} is already a member of this company.`);
    await recordChange(repos, deps, actor, {
      entityType: 'membership',
      entityId: user.id,
      action: 'create',
      after: { email, role: input.role },
    });
    return { user, role: input.role };
  });
}
