/**
 * Optimistic concurrency over HTTP. Every editable record carries `version`; responses send it
 * as a strong ETag (`"3"`) and writes must send it back in If-Match. A stale version is a 409
 * from the use case and nothing is overwritten (docs/api.md).
 *
 * Why a header and not a body field: DELETE has no body, and If-Match is what HTTP caches,
 * proxies and client libraries already understand.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpProblem, IF_MATCH_REQUIRED } from './problem.js';

const VERSION_TAG = /^"?(\d{1,15})"?$/;

/** The version the client last saw, from If-Match; 428 when it is missing or not a version. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  // RFC 9110 §13.1.1: If-Match uses the strong comparison, under which a weak tag never
  // matches. Accepting W/"3" would let a client that only knows "semantically equivalent"
  // overwrite a record it has not read byte for byte.
  if (typeof header === 'string' && header.trim().startsWith('W/')) {
    throw new HttpProblem(
      'PRECONDITION_REQUIRED',
      'If-Match needs the strong ETag ("3"): a weak tag (W/"3") never matches (RFC 9110 §13.1.1).',
      [
        {
          code: 'IF_MATCH_WEAK',
          severity: 'error',
          path: '',
          message: 'Weak entity tags are not accepted in If-Match; send the ETag as given.',
        },
      ],
    );
  }
  const match = typeof header === 'string' ? VERSION_TAG.exec(header.trim()) : null;
  if (!match?.[1]) {
    throw new HttpProblem(
      'PRECONDITION_REQUIRED',
      IF_MATCH_REQUIRED.detail,
      IF_MATCH_REQUIRED.issues,
    );
  }
  return Number(match[1]);
}

/** Sets the ETag for a record so a client can echo it in If-Match. */
export function tagVersion(reply: FastifyReply, version: number): void {
  void reply.header('etag', `"${version}"`);
}

/**
 * If-Match, required in OpenAPI so generated clients send it. A request without it is still a
 * 428 IF_MATCH_REQUIRED, not a schema 400 (problem.ts), and expectedVersion() reads the value.
 */
export const ifMatchHeader = z.object({
  'if-match': z
    .string()
    .describe('The version you edited, as its ETag: "3". A stale one gets 409; none, 428.'),
});
