/**
 * Refusals that come from Fastify's router before any route runs: a path whose %-escapes do
 * not decode (`/trips/%`) and a path parameter longer than the router accepts. They become
 * HttpProblems so that they leave as problem+json with the request id.
 */
import { HttpProblem } from './problem.js';

export function routerError(error: unknown): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'FST_ERR_BAD_URL':
      return new HttpProblem(
        'MALFORMED_REQUEST',
        'The path is not a valid URL: a % must start an escape such as %20.',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new HttpProblem(
        'URI_TOO_LONG',
        'A path segment is longer than any id this service gives out.',
      );
    default:
      return error;
  }
}
