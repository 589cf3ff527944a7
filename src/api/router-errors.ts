/**
 * Refusals that come from Fastify's router before any route runs: a path whose %-escapes do
 * not decode (`/trips/%`) and a path parameter longer than the router accepts. They become
 * HttpProblems so that they leave as problem+json with the request id.
 */
import type { Issue } from '../domain/index.js';
import { HttpProblem } from './problem.js';

export function routerError(error: unknown): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'FST_ERR_BAD_URL':
      return new HttpProblem(
        'MALFORMED_REQUEST',
        'The path is not a valid URL: a % must start an escape such as %20.',
        [pathIssue('A % in the path must start an escape such as %20 (RFC 3986 §2.1).')],
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new HttpProblem(
        'URI_TOO_LONG',
        'A path segment is longer than any id this service gives out.',
        [pathIssue('A path segment is longer than 1,000 characters; ids are at most 100.')],
      );
    default:
      return error;
  }
}

/** The router cannot say which parameter: the issue is about the path as a whole. */
function pathIssue(message: string): Issue {
  return { code: 'PATH_PARAMETER_INVALID', severity: 'error', path: '', message };
}
