/**
 * openDriverPage(deps, { token }) → what the driver's page shows, or why it cannot: the one
 * use case without an actor, authorised by the signed token alone (create-driver-link.ts).
 * A refusal is a value, not an error: the page explains it (never a 500, never a stack trace),
 * and a forged token learns nothing about which links exist.
 */
import { cbpQrPayload } from '../../documents/index.js';
import type { Issue, TripDocument } from '../../domain/index.js';
import type { AppDeps } from '../shared/deps.js';
import type { DriverLink } from '../shared/ports/index.js';
import { assembleTripDocument } from '../shared/trip-documents.js';
import { linkSecret } from './support/link-secret.js';
import { readLinkToken } from './support/link-token.js';

export type DriverPageRefusal = 'invalid' | 'expired' | 'revoked';

export type DriverPage =
  | {
      readonly ok: true;
      readonly link: DriverLink;
      readonly companyName: string;
      readonly trip: TripDocument;
      /** The CBP QR payload, or why the trip's data cannot make a readable one. */
      readonly qr: { readonly payload: string } | { readonly issues: readonly Issue[] };
    }
  | { readonly ok: false; readonly reason: DriverPageRefusal };

export async function openDriverPage(
  deps: AppDeps,
  input: { readonly token: string },
): Promise<DriverPage> {
  const read = readLinkToken(linkSecret(deps), input.token);
  if (read === undefined) return { ok: false, reason: 'invalid' };
  if (read.expiresAt.getTime() <= deps.clock.now().getTime())
    return { ok: false, reason: 'expired' };
  return deps.store.transaction(
    async (repos): Promise<DriverPage> => {
      const link = await repos.driverLinks.findById(read.linkId);
      if (link === undefined) return { ok: false, reason: 'invalid' };
      if (link.revokedAt !== null) return { ok: false, reason: 'revoked' };
      const trip = await repos.trips.findById(link.companyId, link.tripId);
      const company = await repos.companies.findById(link.companyId);
      // A deleted trip: the link has nothing left to show, as if withdrawn.
      if (trip === undefined || company === undefined) return { ok: false, reason: 'revoked' };
      const document = assembleTripDocument(
        trip,
        await repos.shipments.allOfTrip(link.companyId, trip.id),
      );
      const qr = cbpQrPayload(document);
      return {
        ok: true,
        link,
        companyName: company.name,
        trip: document,
        qr: qr.ok ? { payload: qr.payload } : { issues: qr.issues },
      };
    },
    { readOnly: true },
  );
}
