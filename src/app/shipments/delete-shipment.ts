/**
 * deleteShipment(deps, actor, { shipmentId, expectedVersion }) — dispatcher. The row goes; its
 * SCN stays in the registry (never reused) and the audit log keeps what it was.
 *
 * A shipment CBP has on file before arrival may go: the trip's next sync sends CBP its delete
 * (docs/edi.md, Sync with CBP). Once CBP reports the shipment or its trip arrived, released or
 * on hold, a delete can no longer withdraw it, and deleting it here would only lose the record
 * of what crossed: refused (FILING_SHIPMENT_AT_BORDER).
 */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError, staleVersion } from '../shared/errors.js';
import type { FilingStatus, Repositories } from '../shared/ports/index.js';
import type { ShipmentRecord } from '../shared/records.js';
import { shipmentOf } from '../shared/lookups.js';
import { shipmentSnapshot } from '../shared/trip-documents.js';

export async function deleteShipment(
  deps: AppDeps,
  actor: Actor,
  input: { readonly shipmentId: string; readonly expectedVersion: number },
): Promise<void> {
  requireEditor(actor);
  await deps.store.transaction(async (repos) => {
    const before = await shipmentOf(repos, actor, input.shipmentId);
    await refuseIfAtBorder(repos, before);
    if (
      before.version !== input.expectedVersion ||
      !(await repos.shipments.delete(actor.companyId, before.id, input.expectedVersion))
    ) {
      throw staleVersion('The shipment', input.expectedVersion, before.version);
    }
    await recordChange(repos, deps, actor, {
      entityType: 'shipment',
      entityId: before.id,
      tripId: before.tripId,
      action: 'delete',
      before: shipmentSnapshot(before),
    });
  });
}

/** Statuses after which CBP takes no delete of the shipment: it is at or past the border. */
const AT_BORDER: ReadonlySet<FilingStatus> = new Set<FilingStatus>([
  'arrived',
  'released',
  'on-hold',
]);

async function refuseIfAtBorder(repos: Repositories, shipment: ShipmentRecord): Promise<void> {
  const scn = shipment.shipment.shipmentControlNumber ?? '';
  const own = scn === '' ? [] : await repos.filing.statesOfScns(shipment.companyId, [scn]);
  const ownStatus = own.find((state) => AT_BORDER.has(state.status))?.status;
  const tripStatus =
    shipment.tripId === null
      ? undefined
      : (await repos.filing.standing(shipment.companyId, shipment.tripId)).trip;
  const status =
    ownStatus ?? (tripStatus !== undefined && AT_BORDER.has(tripStatus) ? tripStatus : undefined);
  if (status === undefined) return;
  const whose = ownStatus === undefined ? 'its trip' : `shipment ${scn}`;
  throw new AppError(
    'INVALID_STATE',
    'CBP has this shipment at the border: it can no longer be deleted.',
    [
      {
        code: 'FILING_SHIPMENT_AT_BORDER',
        severity: 'error',
        path: '',
        message: `CBP reported ${whose} ${status === 'on-hold' ? 'on hold' : status}: a delete can no longer withdraw the shipment, so it stays, as the record of what crossed.`,
      },
    ],
  );
}
