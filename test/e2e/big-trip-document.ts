/**
 * A trip of many shipments for the big-trip browser test and the web app's benchmark: the
 * test builders' valid trip and shipment, each shipment with its own SCN (in order, so the
 * last one is known) and shipper, imported in one request through `POST /api/v1/imports`.
 */
import type { TripDocument } from '../../src/domain/index.js';
import { aShipment, aShipper, aTrip } from '../builders.js';

/** The SCN of the shipment at `index` (0-based): the demo company's SCAC, then a 10-digit number. */
export function bigTripScn(index: number): string {
  return `DEMO9${String(index + 1).padStart(9, '0')}`;
}

/** `first`: the index of the first shipment's SCN (trips of the same company need others). */
export function bigTripDocument(
  tripNumber: string,
  count: number,
  eta: string,
  first = 0,
): TripDocument {
  return aTrip({
    tripNumber,
    estimatedArrivalDateTime: eta,
    shipments: Array.from({ length: count }, (_, at) => first + at).map((index) =>
      aShipment({
        shipmentControlNumber: bigTripScn(index),
        shipper: aShipper({ name: `Big Trip Shipper ${String(index + 1).padStart(5, '0')}` }),
      }),
    ),
  });
}
