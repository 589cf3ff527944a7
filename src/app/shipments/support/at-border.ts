import { STATUSES_AT_BORDER, statusWords } from '../../../domain/index.js';
import { AppError } from '../../shared/errors.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { ShipmentRecord } from '../../shared/records.js';

/**
 * Refuses to delete or move off its trip a shipment CBP reported at the border, itself or its
 * trip (FILING_SHIPMENT_AT_BORDER). Before arrival both may go: the trip's next sync sends CBP
 * the shipment's delete (docs/edi.md, Sync with CBP).
 */
export async function refuseIfAtBorder(
  repos: Repositories,
  shipment: ShipmentRecord,
  action: 'deleted' | 'moved off its trip',
): Promise<void> {
  const scn = shipment.shipment.shipmentControlNumber ?? '';
  const own = scn === '' ? [] : await repos.filing.statusesOfScns(shipment.companyId, [scn]);
  const ownStatus = own.find((state) => STATUSES_AT_BORDER.has(state.status))?.status;
  const tripStatus =
    shipment.tripId === null
      ? undefined
      : (await repos.filing.standing(shipment.companyId, shipment.tripId)).trip;
  const status =
    ownStatus ??
    (tripStatus !== undefined && STATUSES_AT_BORDER.has(tripStatus) ? tripStatus : undefined);
  if (status === undefined) return;
  const whose = ownStatus === undefined ? 'its trip' : `shipment ${scn}`;
  throw new AppError(
    'INVALID_STATE',
    `CBP has this shipment at the border: it can no longer be ${action}.`,
    [
      {
        code: 'FILING_SHIPMENT_AT_BORDER',
        severity: 'error',
        path: '',
        message: `CBP reported ${whose} ${statusWords(status)}: a delete can no longer withdraw the shipment at CBP, so it stays where it is, as the record of what crossed.`,
      },
    ],
  );
}
