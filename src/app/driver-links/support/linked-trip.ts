import type { AppDeps } from '../../shared/deps.js';
import type { DriverLink, Repositories } from '../../shared/ports/index.js';
import type { Company, TripRecord } from '../../shared/records.js';
import { linkSecret } from './link-secret.js';
import { readLinkToken } from './link-token.js';

/** Why a driver's-page link opens nothing; the page explains each in words. */
export type DriverPageRefusal = 'invalid' | 'expired' | 'revoked';

export interface Refused {
  readonly ok: false;
  readonly reason: DriverPageRefusal;
}

/**
 * The link a driver's-page token names, by its signature and expiry alone: a forged or expired
 * token is refused before anything is read.
 */
export function readDriverToken(
  deps: AppDeps,
  token: string,
): { readonly ok: true; readonly linkId: string } | Refused {
  const read = readLinkToken(linkSecret(deps), token);
  if (read === undefined) return { ok: false, reason: 'invalid' };
  if (read.expiresAt.getTime() <= deps.clock.now().getTime()) {
    return { ok: false, reason: 'expired' };
  }
  return { ok: true, linkId: read.linkId };
}

/**
 * The trip a link opens, with its company, or why not (the link revoked, the trip deleted), in
 * the caller's transaction: the driver's page and its lead sheet open a link alike.
 */
export async function linkedTrip(
  repos: Repositories,
  linkId: string,
): Promise<
  | {
      readonly ok: true;
      readonly link: DriverLink;
      readonly trip: TripRecord;
      readonly company: Company;
    }
  | Refused
> {
  const link = await repos.driverLinks.findById(linkId);
  if (link === undefined) return { ok: false, reason: 'invalid' };
  if (link.revokedAt !== null) return { ok: false, reason: 'revoked' };
  const trip = await repos.trips.findById(link.companyId, link.tripId);
  const company = await repos.companies.findById(link.companyId);
  // A deleted trip: the link has nothing left to show, as if withdrawn.
  if (trip === undefined || company === undefined) return { ok: false, reason: 'revoked' };
  return { ok: true, link, trip, company };
}
