/**
 * createDriverLink(deps, actor, { tripId, validForHours? }) → { link, token } — a link to the
 * trip's driver's page (dispatcher): read-only, no account, valid for 72 hours unless asked
 * otherwise (1 hour to 14 days). Audited on the trip (`driver_link_created`).
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { InputChecks } from '../shared/input-checks.js';
import { tripOf } from '../shared/lookups.js';
import type { DriverLink } from '../shared/ports/index.js';
import { linkSecret } from './support/link-secret.js';
import { signLinkToken } from './support/link-token.js';

export const DEFAULT_LINK_HOURS = 72;
export const MAX_LINK_HOURS = 14 * 24;

export async function createDriverLink(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly validForHours?: number | undefined },
): Promise<{ readonly link: DriverLink; readonly token: string }> {
  requireEditor(actor);
  const hours = input.validForHours ?? DEFAULT_LINK_HOURS;
  new InputChecks()
    .check(
      Number.isInteger(hours) && hours >= 1 && hours <= MAX_LINK_HOURS,
      'DRIVER_LINK_EXPIRY_INVALID',
      '/validForHours',
      `A link is valid for 1 to ${MAX_LINK_HOURS} hours (14 days).`,
    )
    .throwIfAny("Driver's page link");
  const secret = linkSecret(deps);
  const now = deps.clock.now();
  // Whole seconds: the token carries the expiry in Unix seconds.
  const expires = new Date(Math.floor(now.getTime() / 1000) * 1000 + hours * 3_600_000);
  return deps.store.transaction(async (repos) => {
    const trip = await tripOf(repos, actor, input.tripId);
    const link: DriverLink = {
      id: deps.ids.newId(),
      companyId: actor.companyId,
      tripId: trip.id,
      createdAt: now.toISOString(),
      expiresAt: expires.toISOString(),
      revokedAt: null,
    };
    await repos.driverLinks.insert(link);
    await recordChange(repos, deps, actor, {
      entityType: 'trip',
      entityId: trip.id,
      tripId: trip.id,
      action: 'driver_link_created',
      after: { linkId: link.id, expiresAt: link.expiresAt },
    });
    return { link, token: signLinkToken(secret, link.id, link.expiresAt) };
  });
}
