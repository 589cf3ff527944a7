/**
 * Filing with CBP: sync a trip (the outbox sends what it queues), read its filing status and
 * history with CBP's reasons explained, and download any raw interchange sent or received.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  getFilingStatusIfChanged,
  getInterchange,
  listFilingHistory,
  listFilingShipments,
  syncTrip,
} from '../../app/index.js';
import { tagsOfIfNoneMatch, weakTag } from '../entity-tags.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { idParams, pageOf, pageQuery } from '../schemas/common.js';
import {
  filingHistoryEntrySchema,
  filingShipmentSchema,
  filingShipmentsQuery,
  filingViewSchema,
  syncBodySchema,
  syncResultSchema,
} from '../schemas/filing.js';
import { responses } from '../schemas/responses.js';

const interchangeParams = idParams.extend({ interchangeId: z.string().min(1).max(100) });

export const filingRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.post(
    '/trips/:id/sync',
    {
      schema: {
        tags: ['filing'],
        summary: 'Sync the trip with CBP (dispatcher)',
        description:
          'Queues exactly the X12 messages CBP needs to match the trip: the first filing, corrections, shipments added or removed, a confirmed re-key, a cancel, or (resend) what CBP never acknowledged. Nothing is queued when the trip has validation errors (422). The outbox delivers them; follow GET /trips/{id}/filing.',
        params: idParams,
        body: syncBodySchema,
        response: responses({ 202: syncResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await syncTrip(deps.app, actorOf(request), {
        tripId: request.params.id,
        rekey: request.body?.rekey,
        cancel: request.body?.cancel,
        resend: request.body?.resend,
      });
      return reply.code(202).send({
        transmissions: result.transmissions.map((t) => ({ ...t, scns: [...t.scns] })),
        issues: [...result.issues],
      });
    },
  );

  app.get(
    '/trips/:id/filing',
    {
      schema: {
        tags: ['filing'],
        summary: "The trip's filing status, history and interchanges",
        description:
          'Status per trip and shipment (draft → transmitted → accepted / rejected → entry-on-file → arrived → released; on-hold; cancelled, deleted), the latest history with CBP reasons in plain words and the fix (the whole history: GET /trips/{id}/filing/history), the outbox rows and every archived interchange.',
        params: idParams,
        response: responses({
          200: filingViewSchema,
          304: z
            .undefined()
            .describe(
              'Not modified: the view is the one whose ETag the request sent in If-None-Match (a client asking again while CBP answers gets this until something changed).',
            ),
        }),
      },
    },
    async (request, reply) => {
      const { tag, view } = await getFilingStatusIfChanged(deps.app, actorOf(request), {
        tripId: request.params.id,
        seen: tagsOfIfNoneMatch(request.headers['if-none-match']),
      });
      // Kept by the browser and asked again each time (no-cache): a 304 costs a few counts.
      void reply.header('etag', weakTag(tag)).header('cache-control', 'private, no-cache');
      if (view === undefined) return reply.code(304).send();
      return {
        trip: view.trip,
        shipments: [...view.shipments],
        shipmentsCursor: view.shipmentsCursor,
        shipmentTotal: view.shipmentTotal,
        shipmentCounts: [...view.shipmentCounts],
        history: view.history.map((h) => ({ ...h, reasons: [...h.reasons] })),
        historyTotal: view.historyTotal,
        historyCursor: view.historyCursor,
        transmissions: [...view.transmissions],
        resendFrom: view.resendFrom,
        interchanges: [...view.interchanges],
      };
    },
  );

  app.get(
    '/trips/:id/filing/shipments',
    {
      schema: {
        tags: ['filing'],
        summary: "Where the trip's shipments stand at CBP, a page at a time",
        description:
          "Each shipment on the trip in the trip's order (a draft until first sent), then those sent and since taken off it, by SCN; `status` keeps those in one status (the shipments CBP rejected, out of 100,000). GET /trips/{id}/filing carries the first 500 and the count in each status.",
        params: idParams,
        querystring: filingShipmentsQuery,
        response: responses({ 200: pageOf(filingShipmentSchema) }),
      },
    },
    async (request) => {
      const page = await listFilingShipments(deps.app, actorOf(request), {
        tripId: request.params.id,
        status: request.query.status,
        cursor: request.query.cursor,
        limit: request.query.limit,
      });
      return { items: [...page.items], nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/trips/:id/filing/history',
    {
      schema: {
        tags: ['filing'],
        summary: "The trip's filing history, newest first, a page at a time",
        description:
          "Every entry of the trip's filing history: what was sent, CBP's answers with their reasons explained, and this service's notes. A trip of 100,000 shipments gathers about half a million entries; GET /trips/{id}/filing carries the latest 500.",
        params: idParams,
        querystring: pageQuery,
        response: responses({ 200: pageOf(filingHistoryEntrySchema) }),
      },
    },
    async (request) => {
      const page = await listFilingHistory(deps.app, actorOf(request), {
        tripId: request.params.id,
        cursor: request.query.cursor,
        limit: request.query.limit,
      });
      return {
        items: page.items.map((h) => ({ ...h, reasons: [...h.reasons] })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/trips/:id/filing/interchanges/:interchangeId',
    {
      schema: {
        tags: ['filing'],
        summary: 'Download one raw X12 interchange sent or received for the trip',
        params: interchangeParams,
        produces: ['application/edi-x12'],
        response: responses({ 200: z.string().describe('The interchange, byte for byte.') }),
      },
    },
    async (request, reply) => {
      const found = await getInterchange(deps.app, actorOf(request), {
        tripId: request.params.id,
        interchangeId: request.params.interchangeId,
      });
      const name = `${found.direction}-${found.setId ?? 'unknown'}-${found.controlNumber ?? found.id}.x12`;
      return reply
        .type('application/edi-x12; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`)
        .send(found.text);
    },
  );
  done();
};
