/**
 * Trips: create, read, list (cursor pages, server-side filters), replace, delete, copy, pick
 * profiles, validate. Every write answers with the trip and the rule engine's issues: saving
 * an invalid draft is allowed, filing it is not.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignProfiles,
  copyTrip,
  createTrip,
  deleteTrip,
  getTrip,
  listTrips,
  updateTrip,
  validateTrip,
} from '../../app/index.js';
import { asOfInstant, tripDocumentSchema } from '../../domain/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import {
  asOfQuery,
  idParams,
  pageOf,
  pageQuery,
  tripValidationResponseSchema,
} from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import {
  tripListItemSchema,
  tripRecordSchema,
  tripResultSchema,
  tripStatusSchema,
} from '../schemas/trips.js';
import { expectedVersion, ifMatchHeader, tagVersion } from '../versions.js';

const day = z.iso.date();

const tripFilter = pageQuery.extend({
  status: tripStatusSchema.optional(),
  text: z
    .string()
    .max(100)
    .optional()
    .describe('Part of a trip number, SCN, truck or trailer number or plate, or a name.'),
  arrivalFrom: day.optional().describe('Port-local arrival date, inclusive.'),
  arrivalTo: day.optional(),
  port: z.string().max(10).optional().describe('U.S. port of arrival code, e.g. 0901.'),
});

const profilePicks = z.strictObject({
  truckProfileId: z.string().optional(),
  trailerProfileIds: z.array(z.string()).max(10).optional(),
  driverProfileIds: z.array(z.string()).max(10).optional(),
  passengerProfileIds: z.array(z.string()).max(50).optional(),
});

export const tripRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.get(
    '/trips',
    {
      schema: {
        tags: ['trips'],
        summary: 'Trips, newest first, a page at a time, with shipment and error counts',
        querystring: tripFilter,
        response: responses({ 200: pageOf(tripListItemSchema) }),
      },
    },
    async (request) => {
      const page = await listTrips(deps.app, actorOf(request), {
        ...request.query,
        counting: 'background',
      });
      return { items: [...page.items], nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/trips',
    {
      schema: {
        tags: ['trips'],
        summary: 'Start a trip (dispatcher)',
        description:
          'Without a body: a blank draft with the next trip number. With a trip document: a trip with its shipments (SCNs generated where missing).',
        body: tripDocumentSchema.nullish(),
        response: responses({ 201: tripResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await createTrip(deps.app, actorOf(request), {
        document: request.body ?? undefined,
      });
      tagVersion(reply, result.trip.version);
      return reply.code(201).send({ trip: result.trip, issues: [...result.issues] });
    },
  );

  app.get(
    '/trips/:id',
    {
      schema: {
        tags: ['trips'],
        summary: 'One trip, without its shipments',
        params: idParams,
        response: responses({ 200: tripRecordSchema }),
      },
    },
    async (request, reply) => {
      const trip = await getTrip(deps.app, actorOf(request), { tripId: request.params.id });
      tagVersion(reply, trip.version);
      return trip;
    },
  );

  app.put(
    '/trips/:id',
    {
      schema: {
        tags: ['trips'],
        summary: "Replace the trip's own fields (dispatcher; If-Match)",
        description: 'Shipments are edited through /shipments; a shipments list here is refused.',
        params: idParams,
        headers: ifMatchHeader,
        body: tripDocumentSchema,
        response: responses({ 200: tripResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await updateTrip(deps.app, actorOf(request), {
        tripId: request.params.id,
        expectedVersion: expectedVersion(request),
        document: request.body,
      });
      tagVersion(reply, result.trip.version);
      return { trip: result.trip, issues: [...result.issues] };
    },
  );

  app.delete(
    '/trips/:id',
    {
      schema: {
        tags: ['trips'],
        summary:
          'Delete a trip (dispatcher; If-Match). Its number and SCNs stay used; its shipments become unassociated.',
        description:
          'Refused with 409 FILING_TRIP_ON_FILE while CBP holds the trip (sent, accepted, entry on file, on hold) or its interchanges wait in the outbox: cancel the filing first (POST /trips/{id}/sync with cancel).',
        params: idParams,
        headers: ifMatchHeader,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await deleteTrip(deps.app, actorOf(request), {
        tripId: request.params.id,
        expectedVersion: expectedVersion(request),
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/trips/:id/copy',
    {
      schema: {
        tags: ['trips'],
        summary: 'Copy a trip: new trip number, new SCNs (dispatcher)',
        params: idParams,
        body: z.strictObject({ tripNumber: z.string().max(50).optional() }).nullish(),
        response: responses({ 201: tripResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await copyTrip(deps.app, actorOf(request), {
        tripId: request.params.id,
        tripNumber: request.body?.tripNumber,
      });
      tagVersion(reply, result.trip.version);
      return reply.code(201).send({ trip: result.trip, issues: [...result.issues] });
    },
  );

  app.post(
    '/trips/:id/profiles',
    {
      schema: {
        tags: ['trips'],
        summary: 'Pick truck, trailers and crew from profiles; they are copied in (If-Match)',
        params: idParams,
        headers: ifMatchHeader,
        body: profilePicks,
        response: responses({ 200: tripResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await assignProfiles(deps.app, actorOf(request), {
        ...request.body,
        tripId: request.params.id,
        expectedVersion: expectedVersion(request),
      });
      tagVersion(reply, result.trip.version);
      return { trip: result.trip, issues: [...result.issues] };
    },
  );

  app.get(
    '/trips/:id/validation',
    {
      schema: {
        tags: ['trips', 'validation'],
        summary: 'The whole trip, shipments included, through the rule engine',
        params: idParams,
        querystring: z.object({ now: asOfQuery.optional() }),
        response: responses({ 200: tripValidationResponseSchema }),
      },
    },
    async (request) => {
      const { now } = request.query;
      const result = await validateTrip(deps.app, actorOf(request), {
        tripId: request.params.id,
        now: now === undefined ? undefined : asOfInstant(now),
      });
      return { issues: [...result.issues], shipmentIds: { ...result.shipmentIds } };
    },
  );

  done();
};
