/**
 * The address book: shippers, consignees and brokers, plus quick-assign search as the user
 * types. Writes need the dispatcher role (enforced by the use cases) and If-Match.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createParty,
  deleteParty,
  getParty,
  listParties,
  searchParties,
  updateParty,
} from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { idParams, pageOf, pageQuery } from '../schemas/common.js';
import { partyInputSchema, partyKindSchema, partyRecordSchema } from '../schemas/master-data.js';
import { responses } from '../schemas/responses.js';
import { expectedVersion, ifMatchHeader, tagVersion } from '../versions.js';

const searchQuery = z.object({
  q: z.string().max(200).describe('Words the name, city or postal code start with: "tor mil".'),
  kind: partyKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const partyRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.get(
    '/parties',
    {
      schema: {
        tags: ['parties'],
        summary: 'The address book, by name, a page at a time',
        querystring: pageQuery.extend({ kind: partyKindSchema.optional() }),
        response: responses({ 200: pageOf(partyRecordSchema) }),
      },
    },
    async (request) => {
      const page = await listParties(deps.app, actorOf(request), request.query);
      return { items: [...page.items], nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/parties/search',
    {
      schema: {
        tags: ['parties'],
        summary: 'Quick-assign: parties matching what the user typed',
        querystring: searchQuery,
        response: responses({ 200: z.object({ items: z.array(partyRecordSchema) }) }),
      },
    },
    async (request) => {
      const { q, kind, limit } = request.query;
      return {
        items: [...(await searchParties(deps.app, actorOf(request), { query: q, kind, limit }))],
      };
    },
  );

  app.get(
    '/parties/:id',
    {
      schema: {
        tags: ['parties'],
        summary: 'One party',
        params: idParams,
        response: responses({ 200: partyRecordSchema }),
      },
    },
    async (request, reply) => {
      const party = await getParty(deps.app, actorOf(request), { partyId: request.params.id });
      tagVersion(reply, party.version);
      return party;
    },
  );

  app.post(
    '/parties',
    {
      schema: {
        tags: ['parties'],
        summary: 'Add a party (dispatcher)',
        body: partyInputSchema,
        response: responses({ 201: partyRecordSchema }),
      },
    },
    async (request, reply) => {
      const party = await createParty(deps.app, actorOf(request), request.body);
      tagVersion(reply, party.version);
      return reply.code(201).send(party);
    },
  );

  app.put(
    '/parties/:id',
    {
      schema: {
        tags: ['parties'],
        summary: 'Replace a party (dispatcher; If-Match)',
        params: idParams,
        headers: ifMatchHeader,
        body: partyInputSchema,
        response: responses({ 200: partyRecordSchema }),
      },
    },
    async (request, reply) => {
      const party = await updateParty(deps.app, actorOf(request), {
        ...request.body,
        partyId: request.params.id,
        expectedVersion: expectedVersion(request),
      });
      tagVersion(reply, party.version);
      return party;
    },
  );

  app.delete(
    '/parties/:id',
    {
      schema: {
        tags: ['parties'],
        summary: 'Remove a party from the address book (dispatcher; If-Match)',
        params: idParams,
        headers: ifMatchHeader,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await deleteParty(deps.app, actorOf(request), {
        partyId: request.params.id,
        expectedVersion: expectedVersion(request),
      });
      return reply.code(204).send(null);
    },
  );

  done();
};
