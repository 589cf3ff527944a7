/**
 * Text the service accepts: no control characters. PostgreSQL cannot store U+0000 in text at
 * all (it answers with an error), SQLite stores it and then LIKE treats it oddly, and the X12
 * files CBP receives allow only printable characters. So control characters are refused here,
 * at the edge, with the JSON Pointer of the offending field, the same on both databases.
 *
 * Request bodies may carry tab, line feed and carriage return (free-text descriptions and
 * remarks are written in text areas); query strings and path parameters may not.
 */
import type { FastifyRequest } from 'fastify';
import type { Issue } from '../domain/index.js';
import { pointer } from '../domain/index.js';
import { HttpProblem } from './problem.js';
import type { Api } from './types.js';

// C0 controls, DEL and C1 controls (Unicode general category Cc).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- the same, with tab, LF and CR allowed
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function codePoint(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[0] ?? '';
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

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
          message: `${describe(path)} contains the control character ${codePoint(current, pattern)}; remove it.`,
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
          message: `The field name at ${describe(childPath)} contains the control character ${codePoint(key, pattern)}.`,
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
