/**
 * Limits for the one route that does work for anyone: POST /validate. It stays
 * public — integrations check a document before they have credentials, and it stores nothing —
 * but an anonymous caller gets a smaller body and a rate limit per client address, so eight
 * parallel worst-case bodies cannot exhaust the process. Signed-in callers keep the usual limits.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { HttpProblem } from './problem.js';

export interface AnonymousValidationLimits {
  /** Largest anonymous body in bytes (signed-in callers: the service's general limit). */
  readonly bodyLimit: number;
  /** Anonymous validations per client address per time window. */
  readonly max: number;
  readonly timeWindowMs: number;
  /** Anonymous validations in progress at once, from everyone; more get 503 at once. */
  readonly concurrent: number;
}

/**
 * 64 KiB holds a trip of about fifty ordinary shipments, more than a highway truck carries;
 * its worst case (21,000 empty commodity lines) takes about half a second of validation, which
 * runs on the event loop. At most two anonymous validations are in progress at a time; when
 * bodies arrive together (slow uploads), the rest wait outside with 503 instead of piling up
 * in memory. Figures: `npm run bench:load`, ADR 0007.
 */
export const ANONYMOUS_VALIDATION: AnonymousValidationLimits = {
  bodyLimit: 64 * 1024,
  max: 30,
  timeWindowMs: 60_000,
  concurrent: 2,
};

/**
 * An onRequest hook: refuses an anonymous validation with 503 while `max` are in progress.
 * The slot is released when the response is finished or the connection closes.
 */
export function anonymousConcurrency(max: number) {
  let inProgress = 0;
  return (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
    if (!isAnonymous(request)) {
      done();
      return;
    }
    if (inProgress >= max) {
      void reply.header('retry-after', '1');
      done(
        new HttpProblem(
          'UNAVAILABLE',
          'Too many anonymous validations in progress; retry in a second, or sign in.',
        ),
      );
      return;
    }
    inProgress++;
    reply.raw.once('close', () => {
      inProgress--;
    });
    done();
  };
}

export function isAnonymous(request: FastifyRequest): boolean {
  return request.auth === null || request.auth.kind === 'rejected';
}

class TooLarge extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
}

/** A preParsing hook: an anonymous body over `limit` bytes is refused while it streams in. */
export function anonymousBodyLimit(limit: number) {
  return (
    request: FastifyRequest,
    _reply: unknown,
    payload: RequestPayload,
    done: (error?: Error | null, payload?: RequestPayload) => void,
  ): void => {
    if (!isAnonymous(request)) {
      done(null, payload);
      return;
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      done(new TooLarge(`Anonymous validation takes at most ${limit} bytes; sign in for more.`));
      return;
    }
    let seen = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
        seen += chunk.length;
        if (seen > limit) callback(new TooLarge('Anonymous validation body too large.'));
        else callback(null, chunk);
      },
    });
    done(null, payload.pipe(counter));
  };
}
