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
import {
  linkedTrip,
  readDriverToken,
  type DriverPageRefusal,
  type Refused,
} from './support/linked-trip.js';

export type { DriverPageRefusal };

/**
 * How many shipments the page lists, the first of the trip: a phone shows a few hundred well,
 * and a courier's trip of 100,000 made a 10 MB page (3 s, half a gigabyte for the service).
 */
export const DRIVER_PAGE_SHIPMENTS = 200;

export type DriverPage =
  | {
      readonly ok: true;
      readonly link: DriverLink;
      readonly companyName: string;
      /** The trip with its first DRIVER_PAGE_SHIPMENTS shipments. */
      readonly trip: TripDocument;
      /** How many shipments the trip holds in all. */
      readonly shipmentCount: number;
      /** The CBP QR payload, or why the trip's data cannot make a readable one. */
      readonly qr: { readonly payload: string } | { readonly issues: readonly Issue[] };
    }
  | Refused;

export async function openDriverPage(
  deps: AppDeps,
  input: { readonly token: string },
): Promise<DriverPage> {
  const token = readDriverToken(deps, input.token);
  if (!token.ok) return token;
  return deps.store.transaction(
    async (repos): Promise<DriverPage> => {
      const linked = await linkedTrip(repos, token.linkId);
      if (!linked.ok) return linked;
      const { link, trip, company } = linked;
      const count = (await repos.shipments.totalsOfList(link.companyId, trip.id))?.count ?? 0;
      const first = await repos.shipments.list(
        link.companyId,
        { tripId: trip.id },
        { limit: DRIVER_PAGE_SHIPMENTS },
      );
      // The QR code is made of the trip's own fields (trip number, ETA date, plates).
      const qr = cbpQrPayload(trip.document);
      return {
        ok: true,
        link,
        companyName: company.name,
        trip: assembleTripDocument(trip, first.items),
        shipmentCount: count,
        qr: qr.ok ? { payload: qr.payload } : { issues: qr.issues },
      };
    },
    { readOnly: true },
  );
}
