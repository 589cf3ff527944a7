/**
 * The signed-in company's settings: read (any role), change (admin, If-Match); and its EDI
 * identity, the sender ID its interchanges carry: read (any role), set (admin).
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  getCompany,
  getEdiIdentity,
  setFilingMode,
  setSenderId,
  updateCompany,
} from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { companySchema } from '../schemas/accounts.js';
import {
  ediIdentitySchema,
  filingModeBodySchema,
  senderIdBodySchema,
  senderIdResultSchema,
} from '../schemas/filing.js';
import { responses } from '../schemas/responses.js';
import { expectedVersion, ifMatchHeader, tagVersion } from '../versions.js';

const companyChanges = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  defaultPortOfArrival: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .optional()
    .describe(
      'Schedule D code of the usual U.S. port of arrival, a land-border port of GET /code-lists/ports (else 422 COMPANY_PORT_UNKNOWN); null clears it. New trips start with it.',
    ),
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

  app.get(
    '/company/edi-identity',
    {
      schema: {
        tags: ['company'],
        summary: "The company's interchange sender ID (ISA06, GS02)",
        description:
          'Until an admin sets the ID CBP assigned, or the company first files, it is the SCAC.',
        response: responses({ 200: ediIdentitySchema }),
      },
    },
    async (request, reply) => {
      const identity = await getEdiIdentity(deps.app, actorOf(request));
      tagVersion(reply, identity.version);
      return identity;
    },
  );

  app.put(
    '/company/edi-identity',
    {
      schema: {
        tags: ['company'],
        summary: 'Set the sender ID CBP assigned (admin)',
        description:
          "Used from the next sync on. A company setting: If-Match names the company's version it was read at (the ETag of GET /company/edi-identity or GET /company; 428 without it, 409 STALE_VERSION when the settings changed since), and the change makes the next version. 422 EDI_SENDER_ID_FORMAT when X12 cannot carry it; 409 EDI_SENDER_ID_TAKEN when it is another company's sender ID or SCAC. After the company has filed, the change is made and the answer carries the warning EDI_SENDER_ID_CHANGED_AFTER_FILING: interchanges already sent keep the old ID, and CBP must be told.",
        headers: ifMatchHeader,
        body: senderIdBodySchema,
        response: responses({ 200: senderIdResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await setSenderId(deps.app, actorOf(request), {
        ...request.body,
        expectedVersion: expectedVersion(request),
      });
      tagVersion(reply, result.identity.version);
      return { identity: result.identity, issues: [...result.issues] };
    },
  );

  app.put(
    '/company/filing-mode',
    {
      schema: {
        tags: ['company'],
        summary: 'File with CBP as tests or for real (admin)',
        description:
          "ISA15 of every interchange from the next sync on: test (T) while the filer certifies in CBP's test environment, production (P) once CBP has certified it. Every company starts in test. A company setting: If-Match names the company's version (428 without it, 409 STALE_VERSION when the settings changed since); the change makes the next version and is audited.",
        headers: ifMatchHeader,
        body: filingModeBodySchema,
        response: responses({ 200: ediIdentitySchema }),
      },
    },
    async (request, reply) => {
      const identity = await setFilingMode(deps.app, actorOf(request), {
        mode: request.body.mode,
        expectedVersion: expectedVersion(request),
      });
      tagVersion(reply, identity.version);
      return identity;
    },
  );

  done();
};
