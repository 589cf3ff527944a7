import type { Shipment, TripDocument } from '../../domain/index.js';
import type { ShipmentRecord, TripRecord } from './records.js';

/**
 * Splitting a trip document into the trip record and its shipments, and putting it back
 * together. Import → export must give the same document (docs/storage.md), key order included, so
 * an empty `shipments: []` placeholder remembers where the list was.
 */
export function tripPart(document: TripDocument): TripDocument {
  if (document.shipments === undefined) return document;
  return { ...document, shipments: [] };
}

export function assembleTripDocument(
  trip: TripRecord,
  shipments: readonly ShipmentRecord[],
): TripDocument {
  const list: Shipment[] = shipments.map((record) => record.shipment);
  if (trip.document.shipments !== undefined) return { ...trip.document, shipments: list };
  return list.length === 0 ? trip.document : { ...trip.document, shipments: list };
}

/** What the audit log keeps of a trip: the fields a person edits. */
export function tripSnapshot(trip: TripRecord): object {
  return { tripNumber: trip.tripNumber, status: trip.status, document: trip.document };
}

export function shipmentSnapshot(record: ShipmentRecord): object {
  return { tripId: record.tripId, position: record.position, shipment: record.shipment };
}
