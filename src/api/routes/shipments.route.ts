/**
 * Shipments on a trip or unassociated (to attach later): cursor-paginated lists for trips of
 * 10,000 shipments, CRUD with If-Match, attach/detach, validation. Writes answer with the
 * rule engine's issues for the shipment (paths relative to it).
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachShipment,
  createShipment,
  deleteShipment,
  getShipment,
  DESCRIPTION_SUGGESTIONS,
  listShipments,
  suggestDescriptions,
  suggestScn,
  updateShipment,
  validateShipment,
  validateTrip,
} from '../../app/index.js';
import { shipmentSchema } from '../../domain/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import {
  idParams,
  issuesResponseSchema,
  pageOf,
  pageQuery,
  queryCount,
} from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import { shipmentRecordSchema, shipmentResultSchema } from '../schemas/trips.js';
import { expectedVersion, ifMatchHeader, tagVersion } from '../versions.js';

const shipmentFilter = pageQuery.extend({
  text: z.string().max(100).optional().describe('Part of an SCN, shipper or consignee name.'),
});

export const shipmentRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  const page = async (
    actor: ReturnType<typeof actorOf>,
    tripId: string | null,
    query: z.infer<typeof shipmentFilter>,
  ) => {
    const result = await listShipments(deps.app, actor, { ...query, tripId });
    return { items: [...result.items], nextCursor: result.nextCursor };
  };

  app.get(
    '/trips/:id/shipments',
    {
      schema: {
        tags: ['shipments'],
        summary: "A trip's shipments in document order, a page at a time",
        params: idParams,
        querystring: shipmentFilter,
        response: responses({ 200: pageOf(shipmentRecordSchema) }),
      },
    },
    async (request) => page(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/shipments',
    {
      schema: {
        tags: ['shipments'],
        summary: 'Unassociated shipments (not on a trip yet), a page at a time',
        querystring: shipmentFilter,
        response: responses({ 200: pageOf(shipmentRecordSchema) }),
      },
    },
    async (request) => page(actorOf(request), null, request.query),
  );

  const create = async (
    actor: ReturnType<typeof actorOf>,
    tripId: string | null,
    shipment: unknown,
  ) => {
    const result = await createShipment(deps.app, actor, { tripId, shipment });
    return { shipment: result.shipment, issues: [...result.issues] };
  };

  app.post(
    '/trips/:id/shipments',
    {
      schema: {
        tags: ['shipments'],
        summary: 'Add a shipment to a trip (dispatcher); SCN generated when left out',
        params: idParams,
        body: shipmentSchema,
        response: responses({ 201: shipmentResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await create(actorOf(request), request.params.id, request.body);
      tagVersion(reply, result.shipment.version);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/shipments',
    {
      schema: {
        tags: ['shipments'],
        summary: 'Create an unassociated shipment, to attach to a trip later (dispatcher)',
        body: shipmentSchema,
        response: responses({ 201: shipmentResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await create(actorOf(request), null, request.body);
      tagVersion(reply, result.shipment.version);
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/shipments/next-scn',
    {
      schema: {
        tags: ['shipments'],
        summary: 'The SCN the next shipment saved without one will get (nothing is reserved)',
        response: responses({ 200: z.object({ shipmentControlNumber: z.string() }) }),
      },
    },
    async (request) => suggestScn(deps.app, actorOf(request)),
  );

  app.get(
    '/commodities/descriptions',
    {
      schema: {
        tags: ['shipments'],
        summary: 'Commodity descriptions the company used before, with the units they came with',
        description:
          'For auto-complete: descriptions holding every word of q, from the most recently changed shipments.',
        querystring: z.object({
          q: z.string().max(45),
          limit: queryCount(1, DESCRIPTION_SUGGESTIONS.max, DESCRIPTION_SUGGESTIONS.default),
        }),
        response: responses({
          200: z.object({
            items: z.array(
              z.object({
                description: z.string(),
                packagingUnit: z.string().optional(),
                weightUnit: z.string().optional(),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => ({
      items: await suggestDescriptions(deps.app, actorOf(request), {
        text: request.query.q,
        limit: request.query.limit,
      }),
    }),
  );

  app.get(
    '/shipments/:id',
    {
      schema: {
        tags: ['shipments'],
        summary: 'One shipment',
        params: idParams,
        response: responses({ 200: shipmentRecordSchema }),
      },
    },
    async (request, reply) => {
      const shipment = await getShipment(deps.app, actorOf(request), {
        shipmentId: request.params.id,
      });
      tagVersion(reply, shipment.version);
      return shipment;
    },
  );

  app.put(
    '/shipments/:id',
    {
      schema: {
        tags: ['shipments'],
        summary: 'Replace a shipment, commodities included (dispatcher; If-Match)',
        params: idParams,
        headers: ifMatchHeader,
        body: shipmentSchema,
        response: responses({ 200: shipmentResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await updateShipment(deps.app, actorOf(request), {
        shipmentId: request.params.id,
        expectedVersion: expectedVersion(request),
        shipment: request.body,
      });
      tagVersion(reply, result.shipment.version);
      return { shipment: result.shipment, issues: [...result.issues] };
    },
  );

  app.put(
    '/shipments/:id/trip',
    {
      schema: {
        tags: ['shipments'],
        summary: 'Attach to a trip, or detach with tripId null (dispatcher; If-Match)',
        params: idParams,
        headers: ifMatchHeader,
        body: z.strictObject({ tripId: z.string().min(1).nullable() }),
        response: responses({ 200: shipmentResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await attachShipment(deps.app, actorOf(request), {
        shipmentId: request.params.id,
        expectedVersion: expectedVersion(request),
        tripId: request.body.tripId,
      });
      tagVersion(reply, result.shipment.version);
      return { shipment: result.shipment, issues: [...result.issues] };
    },
  );

  app.delete(
    '/shipments/:id',
    {
      schema: {
        tags: ['shipments'],
        summary: 'Delete a shipment (dispatcher; If-Match); its SCN stays used',
        description: 'Answers with the issues of the trip it was on (none if unassociated).',
        params: idParams,
        headers: ifMatchHeader,
        response: responses({ 200: issuesResponseSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const version = expectedVersion(request);
      const { tripId } = await getShipment(deps.app, actor, { shipmentId: request.params.id });
      await deleteShipment(deps.app, actor, {
        shipmentId: request.params.id,
        expectedVersion: version,
      });
      if (tripId === null) return { issues: [] };
      return { issues: [...(await validateTrip(deps.app, actor, { tripId })).issues] };
    },
  );

  app.get(
    '/shipments/:id/validation',
    {
      schema: {
        tags: ['shipments', 'validation'],
        summary: 'The shipment through the rule engine, inside its trip',
        params: idParams,
        response: responses({ 200: issuesResponseSchema }),
      },
    },
    async (request) => {
      const result = await validateShipment(deps.app, actorOf(request), {
        shipmentId: request.params.id,
      });
      return { issues: [...result.issues] };
    },
  );

  done();
};
