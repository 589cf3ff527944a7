/** People of the company and their roles (admin only; the use cases enforce it). */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeUserRole, createUser, listUsers } from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { memberSchema, roleSchema } from '../schemas/accounts.js';
import { idParams } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';

const newUser = z.strictObject({
  email: z.string().min(3).max(254),
  displayName: z.string().max(200),
  role: roleSchema,
  password: z
    .string()
    .max(1024)
    .optional()
    .describe('Needed for a new e-mail; an existing account keeps its own password.'),
});

export const userRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users of the company and their roles (admin)',
        response: responses({ 200: z.object({ items: z.array(memberSchema) }) }),
      },
    },
    async (request) => ({ items: [...(await listUsers(deps.app, actorOf(request)))] }),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a user to the company (admin)',
        body: newUser,
        response: responses({ 201: memberSchema }),
      },
    },
    async (request, reply) => {
      const member = await createUser(deps.app, actorOf(request), request.body);
      return reply.code(201).send(member);
    },
  );

  app.put(
    '/users/:id/role',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's role (admin; the last admin cannot be demoted)",
        params: idParams,
        body: z.strictObject({ role: roleSchema }),
        response: responses({ 200: memberSchema }),
      },
    },
    async (request) =>
      changeUserRole(deps.app, actorOf(request), {
        userId: request.params.id,
        role: request.body.role,
      }),
  );

  done();
};
