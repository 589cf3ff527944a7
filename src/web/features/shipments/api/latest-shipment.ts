/**
 * The shipment as saved now, read for a Save that goes over someone else's change (If-Match
 * with the newer version). When it cannot be read, a notice says the save did not happen.
 */
import { notifications } from '@mantine/notifications';
import { api } from '../../../lib/api-client';
import type { ShipmentRecord } from '../../../lib/api-types';

export function withLatestShipment(
  shipmentId: string,
  notSavedTitle: string,
  then: (latest: ShipmentRecord) => void,
): void {
  void api<ShipmentRecord>('GET', `/shipments/${shipmentId}`).then(then, (error: unknown) => {
    notifications.show({
      color: 'red',
      title: notSavedTitle,
      message: error instanceof Error ? error.message : String(error),
    });
  });
}
