/**
 * Links to a trip's driver's page (src/api/driver-page): a dispatcher makes one and sends it to
 * the driver, who opens it on a phone without an account; revoking it stops it at once.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  createDriverLink,
  listDriverLinks,
  MAX_LINK_HOURS,
  revokeDriverLink,
  type DriverLink,
} from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { idParams } from '../schemas/common.js';
import { HttpProblem } from '../problem.js';
import { responses } from '../schemas/responses.js';
import { SECRET_IN_ANSWER } from '../compression.js';

const driverLinkSchema = z
  .object({
    id: z.string(),
    tripId: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    url: z.string().describe("The driver's page: send it to the driver."),
  })
  .meta({ id: 'DriverLink' });

/** A host name, IPv4 address or bracketed IPv6 address, and an optional port (RFC 3986 §3.2). */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export const driverLinkRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  const withUrl = (request: FastifyRequest, link: DriverLink, token: string) => {
    // Without PUBLIC_URL the link names the host the request came to. The Host header is the
    // client's to write, and the link is e-mailed to a driver: only a host name or address,
    // with its port, goes into it.
    if (deps.publicUrl === undefined && !HOST.test(request.host)) {
      throw new HttpProblem(
        'MALFORMED_REQUEST',
        'The Host header is not a host name or address; the link could not name this service. The operator sets PUBLIC_URL to name it.',
      );
    }
    const origin = deps.publicUrl ?? `${request.protocol}://${request.host}`;
    return {
      id: link.id,
      tripId: link.tripId,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
      url: `${origin}/driver/${token}`,
    };
  };

  app.post(
    '/trips/:id/driver-links',
    {
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['paperwork'],
        summary: "Make a link to the trip's driver's page (dispatcher)",
        description:
          'A signed link that opens a read-only, phone-sized page of the trip (QR code, Code 39, port and ETA, shipments, the lead sheet PDF) without an account, until it expires or is revoked. Audited as driver_link_created.',
        params: idParams,
        body: z
          .strictObject({
            validForHours: z
              .number()
              .int()
              .min(1)
              .max(MAX_LINK_HOURS)
              .optional()
              .describe('How long the link works; 72 hours when left out.'),
          })
          .nullish(),
        response: responses({ 201: driverLinkSchema }),
      },
    },
    async (request, reply) => {
      const { link, token } = await createDriverLink(deps.app, actorOf(request), {
        tripId: request.params.id,
        validForHours: request.body?.validForHours,
      });
      return reply.code(201).send(withUrl(request, link, token));
    },
  );

  app.get(
    '/trips/:id/driver-links',
    {
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['paperwork'],
        summary: "The trip's driver's-page links, newest first, revoked ones included",
        params: idParams,
        response: responses({ 200: z.object({ items: z.array(driverLinkSchema) }) }),
      },
    },
    async (request) => {
      const links = await listDriverLinks(deps.app, actorOf(request), {
        tripId: request.params.id,
      });
      return { items: links.map(({ link, token }) => withUrl(request, link, token)) };
    },
  );

  app.delete(
    '/trips/:id/driver-links/:linkId',
    {
      schema: {
        tags: ['paperwork'],
        summary: "Revoke a driver's-page link: it stops working at once (dispatcher)",
        params: idParams.extend({ linkId: z.string().min(1).max(100) }),
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await revokeDriverLink(deps.app, actorOf(request), {
        tripId: request.params.id,
        linkId: request.params.linkId,
      });
      return reply.code(204).send(null);
    },
  );

  done();
};
