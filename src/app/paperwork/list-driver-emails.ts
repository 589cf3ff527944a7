/**
 * listDriverEmails(deps, actor, { tripId }) → DriverEmail[] — any role: the e-mails of the
 * trip's drivers, from the driver profiles they match (by FAST card number, else by name:
 * shared/driver-emails.ts), so the lead sheet can be e-mailed without typing the address.
 * A driver that matches no profile, or one without an e-mail, is left out.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { driverEmails, type DriverEmail } from '../shared/driver-emails.js';
import { tripOf } from '../shared/lookups.js';

export async function listDriverEmails(
  deps: Pick<AppDeps, 'store'>,
  actor: Actor,
  input: { readonly tripId: string },
): Promise<DriverEmail[]> {
  return deps.store.transaction(
    async (repos) => {
      const trip = await tripOf(repos, actor, input.tripId);
      return driverEmails(repos, actor.companyId, trip.document.drivers);
    },
    { readOnly: true },
  );
}
