/**
 * Stateless validation: a manifest document in, the rule engine's issues out. Nothing is stored,
 * so integrations can check a document before they import it.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asOfInstant, manifestDocumentSchema, scacOf } from '../../domain/index.js';
import { validateJson } from '../../rules/index.js';
import {
  ANONYMOUS_VALIDATION,
  anonymousBodyLimit,
  anonymousConcurrency,
  isAnonymous,
} from '../anonymous-limits.js';
import type { ApiDeps } from '../deps.js';
import { bodyCheckedByUseCase } from '../validation.js';
import { enforceRateLimit, memoryRateLimitCounter } from '../rate-limits.js';
import { asOfQuery, issuesResponseSchema } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';

const validateQuery = z.object({
  now: asOfQuery.optional(),
  scac: z
    .string()
    .regex(/^[A-Za-z]{4}$/)
    .optional()
    .describe('The filing carrier, in either case; SCN prefix rules use it.'),
});

export const validateRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  const limits = deps.anonymousValidation ?? ANONYMOUS_VALIDATION;
  const counter = deps.rateLimits ?? memoryRateLimitCounter();
  app.post(
    '/validate',
    {
      schema: {
        tags: ['validation'],
        summary: 'Validate a trip or shipment document without storing it',
        description:
          'Answers 200 with the issues of any JSON body: shape problems (wrong types, unknown fields) come back as issues too, located by JSON Pointer; a body that is not JSON at all is 400 MALFORMED_REQUEST. At most 1,000 issues per code are listed (ISSUES_TRUNCATED counts the rest). Without credentials: bodies up to 64 KiB, 30 validations a minute per client address (413, 429), and two in progress at a time from everyone (503 with retry-after).',
        security: [],
        querystring: validateQuery,
        body: manifestDocumentSchema,
        response: responses({ 200: issuesResponseSchema }),
      },
      // Shape errors are the answer here, not a 400: the rule engine reports them as issues,
      // and parses the document once.
      validatorCompiler: bodyCheckedByUseCase,
      onRequest: [
        async (request, reply) => {
          if (!isAnonymous(request)) return;
          await enforceRateLimit(
            counter,
            reply,
            `validate:${request.ip}`,
            limits,
            'Too many anonymous validations from this address (sign in for more)',
          );
        },
        anonymousConcurrency(limits.concurrent),
      ],
      preParsing: anonymousBodyLimit(limits.bodyLimit),
    },
    (request) => {
      const raw: unknown = request.body;
      const { now, scac } = request.query;
      return {
        issues: validateJson(raw, {
          now: (now === undefined ? undefined : asOfInstant(now)) ?? deps.app.clock.now(),
          scac: scac === undefined ? undefined : scacOf(scac),
          regulations: deps.regulations,
        }),
      };
    },
  );
  done();
};
