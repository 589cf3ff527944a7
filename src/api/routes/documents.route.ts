/**
 * Import and export of the trip document (docs/trip-document.md): the same JSON the CLI
 * validates. Import is all or nothing; export gives back what was imported (lossless), and
 * optionally the trip's full change history.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportTrip, importDocument, type ExportFile } from '../../app/index.js';
import { manifestDocumentSchema, type Shipment } from '../../domain/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { bodyCheckedByUseCase, serializeStatusWith } from '../validation.js';
import { idParams, issueSchema } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import {
  auditEntrySchema,
  exportedDocumentSchema,
  shipmentRecordSchema,
  tripRecordSchema,
} from '../schemas/trips.js';

/**
 * An export is sent from the file the use case wrote, as it is: the response schema documents
 * it (OpenAPI) but a stream is not serialised again.
 */
function sendExport(reply: FastifyReply, file: ExportFile): FastifyReply {
  return reply
    .type('application/json; charset=utf-8')
    .header('content-length', file.bytes)
    .send(file.open());
}

/** A trip of 10,000 shipments is several megabytes of JSON. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

const importResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('trip'),
    trip: tripRecordSchema,
    shipments: z.array(shipmentRecordSchema),
    issues: z.array(issueSchema),
  }),
  z.object({
    kind: z.literal('shipments'),
    shipments: z.array(shipmentRecordSchema),
    issues: z.array(issueSchema),
  }),
]);

/**
 * The response without re-checking each shipment against the domain schema: importDocument
 * returns exactly what it parsed and stored. Records are still cut to their public fields.
 */
const shipmentOut = shipmentRecordSchema.extend({ shipment: z.custom<Shipment>() });
const importResultOut = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('trip'),
    trip: tripRecordSchema,
    shipments: z.array(shipmentOut),
    issues: z.array(issueSchema),
  }),
  z.object({
    kind: z.literal('shipments'),
    shipments: z.array(shipmentOut),
    issues: z.array(issueSchema),
  }),
]);

export const documentRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  app.post(
    '/imports',
    {
      schema: {
        tags: ['import and export'],
        summary: 'Import a trip document or a shipment list (dispatcher)',
        description:
          'ACE_TRIP creates a trip with its shipments; ACE_SHIPMENT creates unassociated shipments, or appends them to `tripId`. All or nothing: a wrong shape is 422, a used trip number or SCN 409, each with located issues, and nothing is written.',
        querystring: z.object({ tripId: z.string().min(1).optional() }),
        body: manifestDocumentSchema,
        response: responses({ 201: importResult }),
      },
      bodyLimit: IMPORT_BODY_LIMIT,
      // The use case checks the document once and reports shape problems as located issues
      // (422); the response's shipments were checked on the way in, so they are not re-parsed.
      validatorCompiler: bodyCheckedByUseCase,
      serializerCompiler: serializeStatusWith('201', importResultOut),
    },
    async (request, reply) => {
      const json: unknown = request.body;
      const result = await importDocument(deps.app, actorOf(request), {
        json,
        tripId: request.query.tripId,
      });
      return reply
        .code(201)
        .send({ ...result, shipments: [...result.shipments], issues: [...result.issues] });
    },
  );

  app.get(
    '/trips/:id/export',
    {
      schema: {
        tags: ['import and export'],
        summary: 'The trip document, shipments included, as imported or edited',
        params: idParams,
        response: responses({ 200: exportedDocumentSchema }),
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        await exportTrip(deps.app, actorOf(request), { tripId: request.params.id }),
      ),
  );

  app.get(
    '/trips/:id/export-with-history',
    {
      schema: {
        tags: ['import and export'],
        summary: 'The trip document and every change to the trip and its shipments',
        params: idParams,
        response: responses({
          200: z.object({ document: exportedDocumentSchema, history: z.array(auditEntrySchema) }),
        }),
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        await exportTrip(deps.app, actorOf(request), {
          tripId: request.params.id,
          includeHistory: true,
        }),
      ),
  );

  done();
};
