/**
 * API tokens for integrations (admin). The secret is in the creation answer only: it is stored
 * hashed and cannot be shown again.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { apiTokenSchema, roleSchema } from '../schemas/accounts.js';
import { idParams } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import { SECRET_IN_ANSWER } from '../compression.js';

const createdToken = z.object({
  token: apiTokenSchema,
  secret: z.string().describe('Send as "Authorization: Bearer <secret>". Shown this once.'),
});

export const apiTokenRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  app.get(
    '/api-tokens',
    {
      schema: {
        tags: ['api tokens'],
        summary: 'Tokens of the company, revoked ones included (admin)',
        response: responses({ 200: z.object({ items: z.array(apiTokenSchema) }) }),
      },
    },
    async (request) => ({ items: [...(await listApiTokens(deps.app, actorOf(request)))] }),
  );

  app.post(
    '/api-tokens',
    {
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['api tokens'],
        summary: 'Create a token; the answer holds the secret, shown once (admin)',
        // The name's length is the use case's to check (API_TOKEN_NAME, as for an empty name).
        body: z.strictObject({ name: z.string(), role: roleSchema }),
        response: responses({ 201: createdToken }),
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps.app, actorOf(request), request.body);
      // The secret must not linger in shared caches or browser history.
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api-tokens/:id',
    {
      schema: {
        tags: ['api tokens'],
        summary: 'Revoke a token; it stops working at once (admin)',
        params: idParams,
        response: responses({ 200: apiTokenSchema }),
      },
    },
    async (request) => revokeApiToken(deps.app, actorOf(request), { tokenId: request.params.id }),
  );

  done();
};
