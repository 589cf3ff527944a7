/**
 * Get, create, replace and delete of one kind of address-book record (parties, profiles): the
 * same four routes with the same versioning (ETag out, If-Match in), written once. Each kind
 * names its path, schemas, words and use cases; its list and search routes stay its own.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor, AppDeps, Versioned } from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { idParams } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import type { Api } from '../types.js';
import { expectedVersion, ifMatchHeader, tagVersion } from '../versions.js';

export interface BookRecordRoutes<R extends Versioned, I> {
  /** `/parties` */
  readonly path: string;
  readonly tag: string;
  readonly summaries: {
    readonly get: string;
    readonly create: string;
    readonly replace: string;
    readonly remove: string;
  };
  readonly record: z.ZodType;
  readonly input: z.ZodType<I>;
  readonly get: (deps: AppDeps, actor: Actor, id: string) => Promise<R>;
  readonly create: (deps: AppDeps, actor: Actor, input: I) => Promise<R>;
  readonly replace: (
    deps: AppDeps,
    actor: Actor,
    target: { readonly id: string; readonly expectedVersion: number },
    input: I,
  ) => Promise<R>;
  readonly remove: (
    deps: AppDeps,
    actor: Actor,
    target: { readonly id: string; readonly expectedVersion: number },
  ) => Promise<void>;
}

const idOf = (request: FastifyRequest): string => (request.params as { id: string }).id;

export function registerBookRecordRoutes<R extends Versioned, I>(
  app: Api,
  deps: ApiDeps,
  kind: BookRecordRoutes<R, I>,
): void {
  const one = `${kind.path}/:id`;
  const tags = [kind.tag];

  app.get(
    one,
    {
      schema: {
        tags,
        summary: kind.summaries.get,
        params: idParams,
        response: responses({ 200: kind.record }),
      },
    },
    async (request, reply) => {
      const record = await kind.get(deps.app, actorOf(request), idOf(request));
      tagVersion(reply, record.version);
      return record;
    },
  );

  app.post(
    kind.path,
    {
      schema: {
        tags,
        summary: kind.summaries.create,
        body: kind.input,
        response: responses({ 201: kind.record }),
      },
    },
    async (request, reply) => {
      const record = await kind.create(deps.app, actorOf(request), request.body as I);
      tagVersion(reply, record.version);
      return reply.code(201).send(record);
    },
  );

  app.put(
    one,
    {
      schema: {
        tags,
        summary: kind.summaries.replace,
        params: idParams,
        headers: ifMatchHeader,
        body: kind.input,
        response: responses({ 200: kind.record }),
      },
    },
    async (request, reply) => {
      const target = { id: idOf(request), expectedVersion: expectedVersion(request) };
      const record = await kind.replace(deps.app, actorOf(request), target, request.body as I);
      tagVersion(reply, record.version);
      return record;
    },
  );

  app.delete(
    one,
    {
      schema: {
        tags,
        summary: kind.summaries.remove,
        params: idParams,
        headers: ifMatchHeader,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      const target = { id: idOf(request), expectedVersion: expectedVersion(request) };
      await kind.remove(deps.app, actorOf(request), target);
      return reply.code(204).send(null);
    },
  );
}
