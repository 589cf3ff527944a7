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
  SEARCH_RESULTS,
} from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { pageOf, pageQuery, queryCount } from '../schemas/common.js';
import { partyInputSchema, partyKindSchema, partyRecordSchema } from '../schemas/master-data.js';
import { responses } from '../schemas/responses.js';
import { registerBookRecordRoutes } from './book-record-routes.js';

const searchQuery = z.object({
  q: z.string().max(200).describe('Words the name, city or postal code start with: "tor mil".'),
  kind: partyKindSchema.optional(),
  limit: queryCount(1, SEARCH_RESULTS.max, SEARCH_RESULTS.default),
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

  registerBookRecordRoutes(app, deps, {
    path: '/parties',
    tag: 'parties',
    summaries: {
      get: 'One party',
      create: 'Add a party (dispatcher)',
      replace: 'Replace a party (dispatcher; If-Match)',
      remove: 'Remove a party from the address book (dispatcher; If-Match)',
    },
    record: partyRecordSchema,
    input: partyInputSchema,
    get: (appDeps, actor, partyId) => getParty(appDeps, actor, { partyId }),
    create: createParty,
    replace: (appDeps, actor, target, input) =>
      updateParty(appDeps, actor, {
        ...input,
        partyId: target.id,
        expectedVersion: target.expectedVersion,
      }),
    remove: (appDeps, actor, target) =>
      deleteParty(appDeps, actor, { partyId: target.id, expectedVersion: target.expectedVersion }),
  });

  done();
};
