/**
 * findShipmentByScn(deps, actor, { scn }) → ShipmentRecord — the actor's company's shipment
 * with that SCN (case-insensitive, as SCNs are written in capitals; any role); NOT_FOUND
 * otherwise. For people who know a shipment by the number on its label (the CLI).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import type { ShipmentRecord } from '../shared/records.js';

export async function findShipmentByScn(
  deps: AppDeps,
  actor: Actor,
  input: { readonly scn: string },
): Promise<ShipmentRecord> {
  const scn = input.scn.trim().toUpperCase();
  const found = await deps.store.transaction(
    (repos) => repos.shipments.findByScn(actor.companyId, scn),
    { readOnly: true },
  );
  if (found === undefined) throw notFound(`Shipment ${input.scn.trim()}`);
  return found;
}
