import { LIST_PAGE } from './page-size.js';
import type { Actor } from './actor.js';
import { notFound } from './errors.js';
import type { Repositories } from './ports/index.js';
import type { Company, ShipmentRecord, TripRecord } from './records.js';

/**
 * Loads inside the actor's company only: another company's record is NOT_FOUND, exactly like
 * one that does not exist, so ids reveal nothing across tenants.
 */
export async function companyOf(repos: Repositories, actor: Actor): Promise<Company> {
  const company = await repos.companies.findById(actor.companyId);
  if (company === undefined) throw notFound('Company');
  return company;
}

export async function tripOf(
  repos: Repositories,
  actor: Actor,
  tripId: string,
): Promise<TripRecord> {
  const trip = await repos.trips.findById(actor.companyId, tripId);
  if (trip === undefined) throw notFound('Trip');
  return trip;
}

export async function shipmentOf(
  repos: Repositories,
  actor: Actor,
  shipmentId: string,
): Promise<ShipmentRecord> {
  const shipment = await repos.shipments.findById(actor.companyId, shipmentId);
  if (shipment === undefined) throw notFound('Shipment');
  return shipment;
}

/** Every shipment of a trip, or every unassociated one (`tripId` null), of one company. */
export async function shipmentsIn(
  repos: Repositories,
  companyId: string,
  tripId: string | null,
): Promise<readonly ShipmentRecord[]> {
  if (tripId !== null) return repos.shipments.allOfTrip(companyId, tripId);
  const all: ShipmentRecord[] = [];
  for await (const page of shipmentPages(repos, companyId, null)) all.push(...page);
  return all;
}

/**
 * The shipments of a trip (or the unassociated ones, `tripId` null) a page at a time, in
 * order: the repository's largest page, each read when the last was taken.
 */
export async function* shipmentPages(
  repos: Repositories,
  companyId: string,
  tripId: string | null,
): AsyncGenerator<readonly ShipmentRecord[]> {
  let cursor: string | undefined;
  do {
    const page = await repos.shipments.list(
      companyId,
      { tripId },
      { cursor, limit: LIST_PAGE.max },
    );
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
