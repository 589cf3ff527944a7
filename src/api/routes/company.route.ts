/** The signed-in company's settings: read (any role), change (admin, If-Match). */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCompany, updateCompany } from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { companySchema } from '../schemas/accounts.js';
import { responses } from '../schemas/responses.js';
import { expectedVersion, ifMatchHeader, tagVersion } from '../versions.js';

const companyChanges = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  defaultPortOfArrival: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .optional()
    .describe('Schedule D code of the usual U.S. port of arrival; null clears it.'),
  tripNumberPrefix: z.string().max(19).optional(),
});

export const companyRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.get(
    '/company',
    {
      schema: {
        tags: ['company'],
        summary: 'The company the caller acts for',
        response: responses({ 200: companySchema }),
      },
    },
    async (request, reply) => {
      const company = await getCompany(deps.app, actorOf(request));
      tagVersion(reply, company.version);
      return company;
    },
  );

  app.patch(
    '/company',
    {
      schema: {
        tags: ['company'],
        summary: 'Change company settings (admin)',
        headers: ifMatchHeader,
        body: companyChanges,
        response: responses({ 200: companySchema }),
      },
    },
    async (request, reply) => {
      const company = await updateCompany(deps.app, actorOf(request), {
        ...request.body,
        expectedVersion: expectedVersion(request),
      });
      tagVersion(reply, company.version);
      return company;
    },
  );

  done();
};
