/** Trip, shipment, template and history shapes, built from the domain's own zod schemas. */
import { z } from 'zod';
import { shipmentSchema, tripDocumentSchema } from '../../domain/index.js';
import { issueSchema } from './common.js';
import { filingStatusSchema } from './filing.js';

const versioned = {
  id: z.string(),
  version: z.number().int().describe('Send it back in If-Match when you change the record.'),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const tripStatusSchema = z
  .enum(['draft', 'filed', 'cancelled'])
  .describe(
    "The trip's own status: draft until its first Sync with CBP, filed from then on, cancelled once its cancel is sent (filed again if it is synced after). Where CBP stands is GET /trips/{id}/filing.",
  );

export const tripRecordSchema = z
  .object({
    ...versioned,
    tripNumber: z.string(),
    status: tripStatusSchema,
    document: tripDocumentSchema.describe(
      'The trip document without its shipments: GET /trips/{id}/shipments lists them (the shipmentCount of a trips list item counts them); a `shipments` key here is an empty placeholder (it keeps the key where an imported document had it, for a lossless export).',
    ),
  })
  .meta({ id: 'TripRecord' });

export const tripListItemSchema = tripRecordSchema
  .extend({
    shipmentCount: z.number().int().describe('Shipments on the trip.'),
    errorCount: z
      .number()
      .int()
      .nullable()
      .describe(
        "The rule engine's errors for the whole trip, now (warnings not counted). A trip of 1,000 shipments or more is counted in the background, so that the list answers at once: its count is the last one made while nothing in the trip changed (the rules' clock may have moved since), or null while it is first counted; ask again in a few seconds. GET /trips/{id}/validation always checks the trip now.",
      ),
    cbp: z
      .object({
        status: filingStatusSchema.describe(
          "The trip's own status at CBP; `draft` while nothing of it was sent.",
        ),
        rejectedShipments: z
          .number()
          .int()
          .describe('Shipments of the trip CBP rejected (GET /trips/{id}/filing says why).'),
      })
      .describe('Where CBP stands on the trip, as its answers came in.'),
  })
  .meta({ id: 'TripListItem' });

export const shipmentRecordSchema = z
  .object({
    ...versioned,
    tripId: z.string().nullable().describe('null: unassociated, to be attached to a trip later.'),
    position: z.number().int(),
    shipment: shipmentSchema,
  })
  .meta({ id: 'ShipmentRecord' });

export const templateRecordSchema = z
  .object({ ...versioned, name: z.string(), document: tripDocumentSchema })
  .meta({ id: 'TemplateRecord' });

export const tripResultSchema = z.object({
  trip: tripRecordSchema,
  issues: z
    .array(issueSchema)
    .describe("The rule engine's findings; a draft with errors is saved."),
});

export const shipmentResultSchema = z.object({
  shipment: shipmentRecordSchema,
  issues: z.array(issueSchema).describe('Findings for the shipment, paths relative to it.'),
});

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorTokenId: z.string().nullable(),
    entityType: z.string(),
    entityId: z.string(),
    tripId: z.string().nullable(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

/**
 * An exported document is sent as stored: a loose schema keeps every field in its stored
 * order, so import → export gives back the same JSON (docs/storage.md: lossless round trip).
 */
export const exportedDocumentSchema = z
  .looseObject({ data: z.literal('ACE_TRIP') })
  .describe('A trip document (docs/trip-document.md), shipments included.');
