/**
 * Text the service accepts: no control characters (src/domain/control-characters.ts says why).
 * They are refused here, at the edge, with the JSON Pointer of the offending field, the same on
 * both databases.
 *
 * Request bodies may carry tab, line feed and carriage return (free-text descriptions and
 * remarks are written in text areas); query strings and path parameters may not.
 */
import type { FastifyRequest } from 'fastify';
import type { Issue } from '../domain/index.js';
import { ANY_CONTROL, CONTROL_BUT_WHITESPACE, controlCodePoint, pointer } from '../domain/index.js';
import { HttpProblem } from './problem.js';
import type { Api } from './types.js';

/** The first string (value or field name) in `value` with a control character, as an issue. */
export function controlCharacterIssue(
  value: unknown,
  pattern: RegExp,
  describe: (path: string) => string,
): Issue | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      if (pattern.test(current)) {
        return {
          code: 'TEXT_CONTROL_CHARACTER',
          severity: 'error',
          path,
          message: `${describe(path)} contains the control character ${controlCodePoint(current, pattern)}; remove it.`,
        };
      }
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      const childPath = path + pointer(key);
      if (pattern.test(key)) {
        return {
          code: 'TEXT_CONTROL_CHARACTER',
          severity: 'error',
          path: childPath,
          message: `The field name at ${describe(childPath)} contains the control character ${controlCodePoint(key, pattern)}.`,
        };
      }
      stack.push({ value: child, path: childPath });
    }
  }
  return undefined;
}

function check(request: FastifyRequest): Issue | undefined {
  return (
    controlCharacterIssue(request.params, ANY_CONTROL, (path) => `path parameter ${path}`) ??
    controlCharacterIssue(request.query, ANY_CONTROL, (path) => `query parameter ${path}`) ??
    controlCharacterIssue(request.body, CONTROL_BUT_WHITESPACE, (path) => path || '(root)')
  );
}

/** Refuses control characters in every route's params, query and body before validation. */
export function refuseControlCharacters(app: Api): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const issue = check(request);
    done(
      issue === undefined
        ? undefined
        : new HttpProblem(
            'REQUEST_INVALID',
            'The request contains a control character; see issues.',
            [issue],
          ),
    );
  });
}
