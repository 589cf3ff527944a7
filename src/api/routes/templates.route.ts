/** Templates for recurring runs: save a trip as one, list, apply (a new draft trip), delete. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyTemplate, deleteTemplate, listTemplates, saveTemplate } from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { idParams } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import { templateRecordSchema, tripResultSchema } from '../schemas/trips.js';
import { tagVersion } from '../versions.js';

export const templateRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  app.get(
    '/templates',
    {
      schema: {
        tags: ['templates'],
        summary: 'Saved trip templates',
        response: responses({ 200: z.object({ items: z.array(templateRecordSchema) }) }),
      },
    },
    async (request) => ({ items: [...(await listTemplates(deps.app, actorOf(request)))] }),
  );

  app.post(
    '/trips/:id/template',
    {
      schema: {
        tags: ['templates'],
        summary: 'Save a trip as a template (dispatcher); trip number, ETA and SCNs are left out',
        params: idParams,
        body: z.strictObject({ name: z.string().max(200) }),
        response: responses({ 201: templateRecordSchema }),
      },
    },
    async (request, reply) => {
      const template = await saveTemplate(deps.app, actorOf(request), {
        tripId: request.params.id,
        name: request.body.name,
      });
      return reply.code(201).send(template);
    },
  );

  app.post(
    '/templates/:id/trips',
    {
      schema: {
        tags: ['templates'],
        summary: 'Start a trip from a template (dispatcher): new trip number, new SCNs',
        params: idParams,
        body: z
          .strictObject({
            tripNumber: z.string().max(50).optional(),
            estimatedArrivalDateTime: z.string().max(30).optional(),
          })
          .nullish(),
        response: responses({ 201: tripResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await applyTemplate(deps.app, actorOf(request), {
        templateId: request.params.id,
        ...(request.body ?? {}),
      });
      tagVersion(reply, result.trip.version);
      return reply.code(201).send({ trip: result.trip, issues: [...result.issues] });
    },
  );

  app.delete(
    '/templates/:id',
    {
      schema: {
        tags: ['templates'],
        summary: 'Delete a template (dispatcher)',
        params: idParams,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await deleteTemplate(deps.app, actorOf(request), { templateId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  done();
};
