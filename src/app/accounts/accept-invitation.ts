/**
 * acceptInvitation(deps, signedIn, { token, displayName?, password? }) → { companyId, userId }
 * The invitee joins the company. Someone who already has an account must be signed in as the
 * invited address (their consent, and proof the token reached the right person); someone new
 * chooses a password and gets an account. Each token works once, until it expires.
 */
import type { Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError, conflict, forbidden } from '../shared/errors.js';
import { InputChecks, MIN_PASSWORD_LENGTH } from '../shared/input-checks.js';
import { DEFAULT_SCRYPT, hashPassword } from './support/passwords.js';
import type { User } from '../shared/records.js';
import { sha256Hex } from './support/secrets.js';

export interface AcceptInvitationInput {
  readonly token: string;
  readonly displayName?: string | undefined;
  /** For a new account only. */
  readonly password?: string | undefined;
}

const unusable = (): AppError =>
  new AppError('NOT_FOUND', 'The invitation is unknown, used or expired; ask for a new one.');

export async function acceptInvitation(
  deps: AppDeps,
  signedIn: Actor | null,
  input: AcceptInvitationInput,
): Promise<{ companyId: string; userId: string }> {
  const passwordHash =
    input.password === undefined
      ? undefined
      : await hashPassword(input.password, deps.scrypt ?? DEFAULT_SCRYPT);
  return deps.store.transaction(async (repos) => {
    const now = deps.clock.now().toISOString();
    const invitation = await repos.invitations.findByTokenHash(sha256Hex(input.token));
    if (invitation === undefined || invitation.acceptedAt !== null || invitation.expiresAt <= now) {
      throw unusable();
    }
    const existing = await repos.users.findByEmail(invitation.email);
    let user: User;
    if (existing !== undefined) {
      if (signedIn?.kind !== 'user' || signedIn.userId !== existing.user.id) {
        throw forbidden(`Sign in as ${invitation.email} to accept this invitation.`);
      }
      user = existing.user;
    } else {
      new InputChecks()
        .check(
          input.password !== undefined && input.password.length >= MIN_PASSWORD_LENGTH,
          'USER_PASSWORD_TOO_SHORT',
          '/password',
          `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
        )
        .throwIfAny('Invitation');
      user = {
        id: deps.ids.newId(),
        email: invitation.email,
        displayName: input.displayName?.trim() || invitation.email,
        createdAt: now,
      };
      await repos.users.insert(user, passwordHash ?? '');
    }
    if (!(await repos.invitations.markAccepted(invitation.id, now))) throw unusable();
    const joined = await repos.memberships.insert({
      userId: user.id,
      companyId: invitation.companyId,
      role: invitation.role,
      createdAt: now,
    });
    if (!joined) throw conflict('You are already a member of this company.');
    const actor: Actor = {
      kind: 'user',
      companyId: invitation.companyId,
      userId: user.id,
      role: invitation.role,
    };
    await recordChange(repos, deps, actor, {
      entityType: 'membership',
      entityId: user.id,
      action: 'accept',
      after: { email: invitation.email, role: invitation.role },
    });
    return { companyId: invitation.companyId, userId: user.id };
  });
}
