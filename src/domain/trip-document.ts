import { z } from 'zod';
import { truckSchema } from './conveyance.js';
import { instrumentOfInternationalTrafficSchema, trailerSchema } from './equipment.js';
import { driverSchema, personSchema } from './crew.js';
import { shipmentSchema } from './shipment.js';
import { IGNORED_TRANSPORT_FIELDS, withoutFields } from './transport-fields.js';

/**
 * The trip document: the JSON users import, export and send to the API (docs/trip-document.md).
 *
 * The schema checks JSON types and field names only. Whether a field is present and well-formed
 * for CBP is the rule engine's job, so a draft with gaps still parses and can be saved.
 */

const dropTransportFields = withoutFields(IGNORED_TRANSPORT_FIELDS);

const tripShape = z.strictObject({
  data: z.literal('ACE_TRIP'),
  tripNumber: z.string().optional(),
  /** Schedule D code (4 digits) of the U.S. land port of arrival. */
  usPortOfArrival: z.string().optional(),
  /** Port-local wall-clock time, `YYYY-MM-DD HH:MM:SS`, no offset: the port's zone applies. */
  estimatedArrivalDateTime: z.string().optional(),
  truck: truckSchema.optional(),
  trailers: z.array(trailerSchema).optional(),
  drivers: z.array(driverSchema).optional(),
  passengers: z.array(personSchema).optional(),
  instrumentsOfInternationalTraffic: z.array(instrumentOfInternationalTrafficSchema).optional(),
  shipments: z.array(shipmentSchema).optional(),
});

const shipmentListShape = z.strictObject({
  data: z.literal('ACE_SHIPMENT'),
  shipments: z.array(shipmentSchema).optional(),
});

export const tripDocumentSchema = z.preprocess(dropTransportFields, tripShape);

/** A file holds one trip, or a list of shipments not yet associated with a trip. */
export const manifestDocumentSchema = z.preprocess(
  dropTransportFields,
  z.discriminatedUnion('data', [tripShape, shipmentListShape]),
);

export type TripDocument = z.infer<typeof tripShape>;
export type ShipmentDocument = z.infer<typeof shipmentListShape>;
export type ManifestDocument = TripDocument | ShipmentDocument;

export function isTripDocument(document: ManifestDocument): document is TripDocument {
  return document.data === 'ACE_TRIP';
}
