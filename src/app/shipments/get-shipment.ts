/** getShipment(deps, actor, { shipmentId }) → ShipmentRecord (any role). */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { shipmentOf } from '../shared/lookups.js';
import type { ShipmentRecord } from '../shared/records.js';

export async function getShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly shipmentId: string },
): Promise<ShipmentRecord> {
  return deps.store.transaction((repos) => shipmentOf(repos, actor, input.shipmentId), {
    readOnly: true,
  });
}
