/**
 * Probes for orchestrators: /healthz says the process serves HTTP (restart it if not);
 * /readyz says it can do useful work, i.e. the database answers (stop routing to it if not).
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { HttpProblem } from '../problem.js';
import { responses } from '../schemas/responses.js';

/** /readyz answers 503 within this when the database does not */
export const READY_TIMEOUT_MS = 1_500;

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
      let timer: NodeJS.Timeout | undefined;
      try {
        // A database that accepts connections but never replies must not hang the probe:
        // orchestrators give up after a few seconds and would see a timeout, not a 503.
        await Promise.race([
          deps.checkReady(),
          new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => {
              reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`));
            }, deps.readyTimeoutMs ?? READY_TIMEOUT_MS);
          }),
        ]);
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        throw new HttpProblem('UNAVAILABLE', 'The database does not answer.');
      } finally {
        clearTimeout(timer);
      }
      return { status: 'ready' as const };
    },
  );
  done();
};
