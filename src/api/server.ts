/**
 * Builds the HTTP service: Fastify with zod schemas (types, validation and OpenAPI from one
 * source), problem+json errors, request ids on every log line, health probes and docs.
 * It does not listen or read the environment: start.ts does, so tests use inject() on it.
 */
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerCompression } from './compression.js';
import { registerOpenApi } from './openapi.js';
import { PROBLEM_CONTENT_TYPE, problemFor, retryAfterSeconds, toProblem } from './problem.js';
import { driverPageRoutes } from './driver-page/driver-page.route.js';
import { healthRoutes } from './routes/health.route.js';
import { v1Routes } from './routes/v1.js';
import type { Api } from './types.js';
import { serializerCompiler, validatorCompiler } from './validation.js';
import type { ApiDeps } from './deps.js';
import { useLocatedJsonErrors } from './json-body.js';
import { refuseControlCharacters } from './plain-text.js';
import { answerClientError, refuseMissingHost } from './client-error.js';
import { routerError } from './router-errors.js';
import { parseQueryString, refuseUndecodableQuery } from './query-string.js';
import { isAppPath, registerWebApp, sendApp } from './web-app.js';

export type { ApiDeps } from './deps.js';

/** Default request body limit; trip imports get their own, larger one. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Socket and request timeouts, set deliberately (Fastify leaves requestTimeout off). A client
 * that trickles a body or never finishes its request cannot hold a socket and its buffers for
 * ever (slowloris); ADR 0007 explains the values.
 */
export const SERVER_TIMEOUTS = {
  /** Whole request, headers and body: a 32 MiB import at ~300 KiB/s still fits. */
  requestTimeout: 120_000,
  /** An idle socket (no bytes either way) is closed after this. */
  connectionTimeout: 130_000,
  /** Longer than the 60 s idle timeout of common load balancers, so they close first. */
  keepAliveTimeout: 72_000,
} as const;

// A caller-supplied id is echoed only if it is short and plain: it ends up in every log line.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

function loggerOptions(deps: ApiDeps): FastifyServerOptions['logger'] {
  if (deps.logger === false) return false;
  return {
    level: deps.logger?.level ?? 'info',
    ...(deps.logger?.stream ? { stream: deps.logger.stream } : {}),
    // Defence in depth: the default serializers log no headers, but a debug serializer might.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  };
}

/** proxy-addr semantics: a number trusts that many hops, a list trusts those addresses. */
function trustProxyOption(
  trust: ApiDeps['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === undefined || trust === false || trust === 0) return false;
  // `true` would trust the leftmost, client-written X-Forwarded-For entry; one hop is what a
  // single reverse proxy in front of the service means.
  const hops = trust === true ? 1 : trust;
  // A hop count, as a function because Fastify's types omit the number form proxy-addr has.
  return typeof hops === 'number' ? (_address, hop) => hop < hops : [...hops];
}

export async function buildServer(deps: ApiDeps): Promise<Api> {
  const app = Fastify({
    logger: loggerOptions(deps),
    genReqId: requestId,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyOption(deps.trustProxy),
    // Lets in-flight requests finish on close while idle keep-alive sockets are dropped.
    forceCloseConnections: 'idle',
    // A path parameter longer than the router's limit (100) would get Fastify's own 414 body;
    // up to this length the route schema answers, as a PATH_PARAMETER_INVALID issue.
    // A query escape that does not decode is refused by name, as one in the path is
    // (query-string.ts), rather than passed on as its raw characters.
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: 1000,
      querystringParser: parseQueryString,
    },
    ...SERVER_TIMEOUTS,
    clientErrorHandler: answerClientError,
    // Node answers an HTTP/1.1 request without Host with an empty 400 of its own; the
    // onRequest hook below answers it as problem+json instead (refuseMissingHost).
    http: { requireHostHeader: false },
    // The router's own refusals (a malformed %-escape, an over-long id) get problem+json and
    // the request id like every other answer.
    frameworkErrors: (error, request, reply) => {
      const problem = toProblem(routerError(error), request);
      void (reply as unknown as FastifyReply)
        .header('x-request-id', request.id)
        .code(problem.status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problem);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is a client bug, better a clear 415 than a confusing 400.
  app.removeContentTypeParser(['text/plain']);
  useLocatedJsonErrors(app);
  refuseControlCharacters(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  refuseMissingHost(app);
  refuseUndecodableQuery(app);

  app.setErrorHandler(async (error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ problem: problem.code, detail: problem.detail }, 'request rejected');
    const retryAfter = retryAfterSeconds(problem);
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
  });

  app.setNotFoundHandler(async (request: FastifyRequest, reply) => {
    // The web app routes its own paths in the browser: a reload of /sign-in gets the app.
    if (deps.webRoot !== undefined && isAppPath(request)) return sendApp(reply);
    const problem = problemFor(
      'ROUTE_NOT_FOUND',
      `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`,
      request,
    );
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
  });

  // Before the routes and the web app's files, whose answers it compresses.
  await registerCompression(app);
  await app.register(fastifyCookie);
  await registerOpenApi(app);
  await app.register(healthRoutes, { deps });
  await app.register(v1Routes, { prefix: '/api/v1', deps });
  await app.register(driverPageRoutes, { deps });
  if (deps.webRoot !== undefined) await registerWebApp(app, deps.webRoot);
  return app;
}
