/** People of the company and their roles (admin only; the use cases enforce it). */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeUserRole, listUsers } from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { memberSchema, roleSchema } from '../schemas/accounts.js';
import { idParams } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import { invitationBody, invitationSchema, inviteHandler } from './memberships.route.js';
import { SECRET_IN_ANSWER } from '../compression.js';

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
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['users'],
        summary: 'Invite a user to the company (admin); the same as POST /invitations',
        description:
          'It only invites: earlier versions added an existing account directly and answered with its id and name, which told any admin whether an address had an account.',
        body: invitationBody,
        response: responses({ 201: invitationSchema }),
      },
    },
    inviteHandler(deps),
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
