/**
 * What the rule engine checks while a shipment is edited: the shipment inside its trip (the
 * trip's ETA decides, e.g., whether Section 321 is available), or alone when unassociated.
 * The shipment is always `/shipments/0`.
 */
import { useMemo } from 'react';
import type { Shipment, TripRecord } from '../../lib/api-types';

export function useShipmentValidationDocument(
  shipment: Shipment,
  tripId: string | null,
  trip: TripRecord | undefined,
): unknown {
  return useMemo(() => {
    if (tripId === null) return { data: 'ACE_SHIPMENT', shipments: [shipment] };
    if (trip === undefined) return undefined;
    return { ...trip.document, shipments: [shipment] };
  }, [shipment, tripId, trip]);
}
