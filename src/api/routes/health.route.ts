/**
 * Probes for orchestrators: /healthz says the process serves HTTP (restart it if not);
 * /readyz says it can do useful work, i.e. the database answers (stop routing to it if not).
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { HttpProblem } from '../problem.js';
import { responses } from '../schemas/responses.js';

const statusSchema = z.object({ status: z.enum(['ok', 'ready']) });

export const healthRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is up',
        security: [],
        response: { 200: statusSchema },
      },
      logLevel: 'warn',
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database answers',
        security: [],
        response: responses({ 200: statusSchema }),
      },
      logLevel: 'warn',
    },
    async (request) => {
      try {
        await deps.checkReady();
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        throw new HttpProblem('UNAVAILABLE', 'The database does not answer.');
      }
      return { status: 'ready' as const };
    },
  );
  done();
};
