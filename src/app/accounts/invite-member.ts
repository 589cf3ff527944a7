/**
 * inviteMember(deps, actor, { email, role }) → { invitation, token } — an admin invites an
 * e-mail address to the company. The answer is the same whether or not the address already
 * has an account (adding an existing e-mail used to return that person's id and name,
 * and an unknown one a different error, so any admin could probe for accounts). Nobody joins
 * a company without accepting: the admin passes the token on (e-mail, chat), the invitee
 * accepts it (acceptInvitation).
 */
import { requireAdmin, type Actor, type Role } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { InputChecks, isEmail } from '../shared/input-checks.js';
import type { Invitation } from '../shared/ports/invitation-repository.js';
import { newSecret, sha256Hex } from './support/secrets.js';

/** Long enough to reach someone on leave, short enough that a forgotten link goes stale. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const INVITATION_TOKEN_PREFIX = 'emi_';

export async function inviteMember(
  deps: AppDeps,
  actor: Actor,
  input: { readonly email: string; readonly role: Role },
): Promise<{ invitation: Invitation; token: string }> {
  requireAdmin(actor);
  const email = input.email.trim().toLowerCase();
  new InputChecks()
    .check(isEmail(email), 'USER_EMAIL_FORMAT', '/email', 'Give a valid e-mail address.')
    .throwIfAny('Invitation');
  const token = newSecret(INVITATION_TOKEN_PREFIX);
  const now = deps.clock.now();
  const invitation: Invitation = {
    id: deps.ids.newId(),
    companyId: actor.companyId,
    email,
    role: input.role,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
    acceptedAt: null,
  };
  await deps.store.transaction(async (repos) => {
    await repos.invitations.insert(invitation, sha256Hex(token));
    await recordChange(repos, deps, actor, {
      entityType: 'membership',
      entityId: invitation.id,
      action: 'invite',
      after: { email, role: input.role },
    });
  });
  return { invitation, token };
}
