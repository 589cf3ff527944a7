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
import { idParams } from '../schemas/common.js';
import {
  profileInputSchema,
  profileKindSchema,
  profileRecordSchema,
} from '../schemas/master-data.js';
import { responses } from '../schemas/responses.js';
import { expectedVersion, ifMatchHeader, tagVersion } from '../versions.js';

export const profileRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.get(
    '/profiles',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Saved trucks, trailers, drivers and passengers',
        querystring: z.object({ kind: profileKindSchema.optional() }),
        response: responses({ 200: z.object({ items: z.array(profileRecordSchema) }) }),
      },
    },
    async (request) => ({
      items: [...(await listProfiles(deps.app, actorOf(request), request.query))],
    }),
  );

  app.get(
    '/profiles/:id',
    {
      schema: {
        tags: ['profiles'],
        summary: 'One profile',
        params: idParams,
        response: responses({ 200: profileRecordSchema }),
      },
    },
    async (request, reply) => {
      const profile = await getProfile(deps.app, actorOf(request), {
        profileId: request.params.id,
      });
      tagVersion(reply, profile.version);
      return profile;
    },
  );

  app.post(
    '/profiles',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Save a profile (dispatcher)',
        body: profileInputSchema,
        response: responses({ 201: profileRecordSchema }),
      },
    },
    async (request, reply) => {
      const profile = await createProfile(deps.app, actorOf(request), request.body);
      tagVersion(reply, profile.version);
      return reply.code(201).send(profile);
    },
  );

  app.put(
    '/profiles/:id',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Replace a profile (dispatcher; If-Match)',
        params: idParams,
        headers: ifMatchHeader,
        body: profileInputSchema,
        response: responses({ 200: profileRecordSchema }),
      },
    },
    async (request, reply) => {
      const profile = await updateProfile(deps.app, actorOf(request), {
        ...request.body,
        profileId: request.params.id,
        expectedVersion: expectedVersion(request),
      });
      tagVersion(reply, profile.version);
      return profile;
    },
  );

  app.delete(
    '/profiles/:id',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Delete a profile (dispatcher; If-Match)',
        params: idParams,
        headers: ifMatchHeader,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await deleteProfile(deps.app, actorOf(request), {
        profileId: request.params.id,
        expectedVersion: expectedVersion(request),
      });
      return reply.code(204).send(null);
    },
  );

  done();
};
