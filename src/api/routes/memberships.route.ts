/**
 * Membership without leaks: admins invite by e-mail and get the same answer whether
 * or not the address has an account; the invitee accepts with the token; members leave;
 * admins remove members; a service provider's admin creates client companies.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitation,
  createClientCompany,
  inviteMember,
  leaveCompany,
  removeMember,
} from '../../app/accounts/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { companySchema, roleSchema } from '../schemas/accounts.js';
import { idParams } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import { SECRET_IN_ANSWER } from '../compression.js';

export const invitationBody = z.strictObject({
  email: z.string().min(3).max(254),
  role: roleSchema,
});

export const invitationSchema = z
  .object({
    invitation: z.object({
      id: z.string(),
      email: z.string(),
      role: roleSchema,
      expiresAt: z.string(),
    }),
    token: z
      .string()
      .describe(
        'Pass it to the invitee, who accepts with POST /invitations/accept. Shown only now.',
      ),
  })
  .meta({ id: 'Invitation' });

/**
 * Answers an invitation the same way whichever route took it (POST /invitations, and the older
 * POST /users): the invitation and its token, shown only now.
 */
export function inviteHandler(deps: ApiDeps) {
  return async (
    request: FastifyRequest<{ Body: z.infer<typeof invitationBody> }>,
    reply: FastifyReply,
  ) => {
    const { invitation, token } = await inviteMember(deps.app, actorOf(request), request.body);
    const { id, email, role, expiresAt } = invitation;
    return reply.code(201).send({ invitation: { id, email, role, expiresAt }, token });
  };
}

export const membershipRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  app.post(
    '/invitations',
    {
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['users'],
        summary: 'Invite an e-mail address to the company (admin)',
        description:
          'The same answer whether or not the address already has an account; nobody joins without accepting.',
        body: invitationBody,
        response: responses({ 201: invitationSchema }),
      },
    },
    inviteHandler(deps),
  );

  app.post(
    '/invitations/accept',
    {
      schema: {
        tags: ['users'],
        summary: 'Accept an invitation',
        description:
          'Someone with an account signs in as the invited address first; someone new sends a password (and a display name) and gets an account.',
        security: [],
        body: z.strictObject({
          token: z.string().min(1).max(200),
          displayName: z.string().max(200).optional(),
          password: z.string().max(1024).optional(),
        }),
        response: responses({ 200: z.object({ companyId: z.string(), userId: z.string() }) }),
      },
    },
    async (request) => {
      const signedIn =
        request.auth?.kind === 'rejected' || request.auth === null ? null : actorOf(request);
      return acceptInvitation(deps.app, signedIn, request.body);
    },
  );

  app.delete(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Remove a member from the company (admin; not the last admin)',
        params: idParams,
        response: responses({ 204: z.null().describe('Removed.') }),
      },
    },
    async (request, reply) => {
      await removeMember(deps.app, actorOf(request), { userId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/company/membership',
    {
      schema: {
        tags: ['users'],
        summary: 'Leave the current company (not as its last admin)',
        response: responses({ 204: z.null().describe('Left; sign in to another company.') }),
      },
    },
    async (request, reply) => {
      await leaveCompany(deps.app, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/companies',
    {
      schema: {
        tags: ['company'],
        summary: 'Create a client company and become its admin (signed-in admin)',
        description:
          'For service providers filing for several carriers: switch to it with PUT /session/company.',
        body: z.strictObject({
          name: z.string().min(1).max(200),
          scac: z.string().min(1).max(4),
        }),
        response: responses({ 201: companySchema }),
      },
    },
    async (request, reply) => {
      const company = await createClientCompany(deps.app, actorOf(request), request.body);
      return reply.code(201).send(company);
    },
  );

  done();
};
