/**
 * Reusable trucks, trailers, drivers and passengers. A trip gets a copy when one is picked
 * (POST /trips/{id}/profiles), so editing a profile never rewrites a filed trip.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createProfile,
  deleteProfile,
  getProfile,
  listProfiles,
  updateProfile,
} from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { pageOf, pageQuery } from '../schemas/common.js';
import {
  profileInputSchema,
  profileKindSchema,
  profileRecordSchema,
} from '../schemas/master-data.js';
import { responses } from '../schemas/responses.js';
import { registerBookRecordRoutes } from './book-record-routes.js';

export const profileRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.get(
    '/profiles',
    {
      schema: {
        tags: ['profiles'],
        summary:
          'Saved trucks, trailers, drivers and passengers, by kind and name, a page at a time',
        querystring: pageQuery.extend({
          kind: profileKindSchema.optional(),
          q: z
            .string()
            .max(200)
            .optional()
            .describe(
              'Words every profile found holds (any part of a word, any case): its name; a ' +
                "truck or trailer's unit number, plates or VIN; a person's names, FAST card, " +
                'ACE ID or travel document numbers. "smi 4821".',
            ),
        }),
        response: responses({ 200: pageOf(profileRecordSchema) }),
      },
    },
    async (request) => {
      const { q, ...rest } = request.query;
      const page = await listProfiles(deps.app, actorOf(request), { ...rest, query: q });
      return { items: [...page.items], nextCursor: page.nextCursor };
    },
  );

  registerBookRecordRoutes(app, deps, {
    path: '/profiles',
    tag: 'profiles',
    summaries: {
      get: 'One profile',
      create: 'Save a profile (dispatcher)',
      replace: 'Replace a profile (dispatcher; If-Match)',
      remove: 'Delete a profile (dispatcher; If-Match)',
    },
    record: profileRecordSchema,
    input: profileInputSchema,
    get: (appDeps, actor, profileId) => getProfile(appDeps, actor, { profileId }),
    create: createProfile,
    replace: (appDeps, actor, target, input) =>
      updateProfile(appDeps, actor, {
        ...input,
        profileId: target.id,
        expectedVersion: target.expectedVersion,
      }),
    remove: (appDeps, actor, target) =>
      deleteProfile(appDeps, actor, {
        profileId: target.id,
        expectedVersion: target.expectedVersion,
      }),
  });

  done();
};
