/**
 * Limits for the one route that does work for anyone: POST /validate (issue 8). It stays
 * public — integrations check a document before they have credentials, and it stores nothing —
 * but an anonymous caller gets a smaller body and a rate limit per client address, so eight
 * parallel worst-case bodies cannot exhaust the process. Signed-in callers keep the usual limits.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyRequest, RequestPayload } from 'fastify';

export interface AnonymousValidationLimits {
  /** Largest anonymous body in bytes (signed-in callers: the service's general limit). */
  readonly bodyLimit: number;
  /** Anonymous validations per client address per time window. */
  readonly max: number;
  readonly timeWindowMs: number;
}

/**
 * 256 KiB holds a trip of several hundred shipments, more than a highway trip carries, and its
 * worst case (about 85,000 empty commodity lines) validates in well under a second.
 */
export const ANONYMOUS_VALIDATION: AnonymousValidationLimits = {
  bodyLimit: 256 * 1024,
  max: 30,
  timeWindowMs: 60_000,
};

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
