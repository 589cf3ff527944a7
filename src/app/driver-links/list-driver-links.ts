/**
 * listDriverLinks(deps, actor, { tripId }) → the trip's driver's-page links, newest first, each
 * with its token (any role: whoever may read the trip may pass its page on).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { tripOf } from '../shared/lookups.js';
import type { DriverLink } from '../shared/ports/index.js';
import { linkSecret } from './support/link-secret.js';
import { signLinkToken } from './support/link-token.js';

export async function listDriverLinks(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string },
): Promise<readonly { readonly link: DriverLink; readonly token: string }[]> {
  const secret = linkSecret(deps);
  return deps.store.transaction(
    async (repos) => {
      const trip = await tripOf(repos, actor, input.tripId);
      const links = await repos.driverLinks.listForTrip(actor.companyId, trip.id);
      return links.map((link) => ({ link, token: signLinkToken(secret, link.id, link.expiresAt) }));
    },
    { readOnly: true },
  );
}
