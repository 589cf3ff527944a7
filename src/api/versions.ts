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

/**
 * The one form this API issues and accepts: a strong entity tag holding the version in
 * decimal, without leading zeros (`"3"`), as the ETag header gives it. Under the strong
 * comparison (RFC 9110 §8.8.3.2) `"03"` is another tag than `"3"`, so it is refused rather
 * than read as version 3.
 */
const VERSION_TAG = /^"(0|[1-9]\d{0,14})"$/;

function malformed(detail: string, message: string): HttpProblem {
  return new HttpProblem('MALFORMED_REQUEST', detail, [
    { code: 'IF_MATCH_MALFORMED', severity: 'error', path: '', message },
  ]);
}

/**
 * The version the client last saw, from If-Match (docs/api.md, Versions and If-Match).
 * Missing: 428 IF_MATCH_REQUIRED. Present but naming no version this API could have sent
 * (empty, a list, unquoted, not a number): 400 IF_MATCH_MALFORMED, so a client bug is not
 * mistaken for a missing header. `*` and a weak tag are well-formed HTTP that cannot guard
 * a change here: 428 with their own issue.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined) {
    throw new HttpProblem(
      'PRECONDITION_REQUIRED',
      IF_MATCH_REQUIRED.detail,
      IF_MATCH_REQUIRED.issues,
    );
  }
  const value = (Array.isArray(header) ? header.join(', ') : header).trim();
  if (value === '') {
    throw malformed(
      'If-Match is empty; send the version you edited as its ETag (If-Match: "3").',
      'If-Match is empty.',
    );
  }
  // Node joins repeated If-Match lines with ", ", so this also catches a header sent twice.
  if (value.includes(',')) {
    throw malformed(
      'If-Match names several entity tags; send the one version you edited (If-Match: "3").',
      'If-Match holds a list; this API takes exactly one version.',
    );
  }
  // RFC 9110 §13.1.1: `*` is true whenever the record exists, so it would let a client
  // overwrite changes it never read, which is what the version is there to prevent.
  if (value === '*') {
    throw new HttpProblem(
      'PRECONDITION_REQUIRED',
      'If-Match: * matches any version; send the version you edited (If-Match: "3"), GET the record to learn it.',
      [
        {
          code: 'IF_MATCH_WILDCARD',
          severity: 'error',
          path: '',
          message: 'If-Match: * is not accepted; a change must name the version it was made on.',
        },
      ],
    );
  }
  // RFC 9110 §13.1.1: If-Match uses the strong comparison, under which a weak tag never
  // matches. Accepting W/"3" would let a client that only knows "semantically equivalent"
  // overwrite a record it has not read byte for byte.
  if (value.startsWith('W/')) {
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
  const match = VERSION_TAG.exec(value);
  if (match?.[1] === undefined) {
    throw malformed(
      /^\d+$/.test(value)
        ? `If-Match is not quoted; an entity tag is sent in double quotes (If-Match: "${value.slice(0, 15)}").`
        : 'If-Match is not a version this API issued; send the ETag of the record as given (If-Match: "3").',
      'If-Match is not a version number in double quotes ("3").',
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
    .describe(
      'The version you edited, exactly as its ETag: "3" (double quotes included). A stale one gets 409 STALE_VERSION; none, *, or a weak tag (W/"3") gets 428; any other form (unquoted, a list, empty, not a number) gets 400 IF_MATCH_MALFORMED.',
    ),
});
