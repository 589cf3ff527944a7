/** The benchmarks' trip and shipment: the test builders' valid ones, SCN left for the sequence. */
import type { Shipment, TripDocument } from '../src/domain/index.js';
import * as builders from '../test/builders.js';

export function aShipment(): Shipment {
  const { shipmentControlNumber: _generated, ...shipment } = builders.aShipment();
  return shipment;
}

export function aTrip(scac: string): TripDocument {
  const { shipments: _none, ...trip } = builders.aTrip({
    tripNumber: `${scac}000001`,
    estimatedArrivalDateTime: '2026-12-01 12:00:00',
  });
  return trip;
}
