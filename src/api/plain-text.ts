/**
 * Text the service accepts: no control characters (src/domain/control-characters.ts says why)
 * and no half of a UTF-16 surrogate pair alone (src/domain/lone-surrogates.ts).
 * They are refused here, at the edge, with the JSON Pointer of the offending field, the same on
 * both databases.
 *
 * Request bodies may carry tab, line feed and carriage return (free-text descriptions and
 * remarks are written in text areas); query strings and path parameters may not.
 */
import type { FastifyRequest } from 'fastify';
import type { Issue } from '../domain/index.js';
import {
  ANY_CONTROL,
  CONTROL_BUT_WHITESPACE,
  controlCodePoint,
  loneSurrogateCodePoint,
  pointer,
} from '../domain/index.js';
import { HttpProblem } from './problem.js';
import type { Api } from './types.js';

/** Where the first string (value or field name) in `value` that `offence` names a character of is. */
function firstOffendingText(
  value: unknown,
  offence: (text: string) => string | undefined,
): { readonly path: string; readonly character: string; readonly fieldName: boolean } | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      const character = offence(current);
      if (character !== undefined) return { path, character, fieldName: false };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      const childPath = path + pointer(key);
      const character = offence(key);
      if (character !== undefined) return { path: childPath, character, fieldName: true };
      stack.push({ value: child, path: childPath });
    }
  }
  return undefined;
}

/** The first string (value or field name) in `value` with a control character, as an issue. */
export function controlCharacterIssue(
  value: unknown,
  pattern: RegExp,
  describe: (path: string) => string,
): Issue | undefined {
  const found = firstOffendingText(value, (text) =>
    pattern.test(text) ? controlCodePoint(text, pattern) : undefined,
  );
  if (found === undefined) return undefined;
  return {
    code: 'TEXT_CONTROL_CHARACTER',
    severity: 'error',
    path: found.path,
    message: found.fieldName
      ? `The field name at ${describe(found.path)} contains the control character ${found.character}.`
      : `${describe(found.path)} contains the control character ${found.character}; remove it.`,
  };
}

/**
 * The first string in `value` with half of a UTF-16 surrogate pair alone (domain/lone-surrogates.ts
 * says why none is kept), as an issue.
 */
export function loneSurrogateIssue(
  value: unknown,
  describe: (path: string) => string,
): Issue | undefined {
  const found = firstOffendingText(value, loneSurrogateCodePoint);
  if (found === undefined) return undefined;
  return {
    code: 'TEXT_LONE_SURROGATE',
    severity: 'error',
    path: found.path,
    message: `${found.fieldName ? `The field name at ${describe(found.path)}` : describe(found.path)} holds ${found.character}, half of a UTF-16 surrogate pair without its other half; send the whole character or remove it.`,
  };
}

function check(request: FastifyRequest): Issue | undefined {
  return (
    controlCharacterIssue(request.params, ANY_CONTROL, (path) => `path parameter ${path}`) ??
    controlCharacterIssue(request.query, ANY_CONTROL, (path) => `query parameter ${path}`) ??
    controlCharacterIssue(request.body, CONTROL_BUT_WHITESPACE, (path) => path || '(root)') ??
    loneSurrogateIssue(request.params, (path) => `path parameter ${path}`) ??
    loneSurrogateIssue(request.query, (path) => `query parameter ${path}`) ??
    loneSurrogateIssue(request.body, (path) => path || '(root)')
  );
}

/** Refuses such text in every route's params, query and body before validation. */
export function refuseControlCharacters(app: Api): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const issue = check(request);
    done(
      issue === undefined
        ? undefined
        : new HttpProblem(
            'REQUEST_INVALID',
            issue.code === 'TEXT_LONE_SURROGATE'
              ? 'The request contains half of a surrogate pair; see issues.'
              : 'The request contains a control character; see issues.',
            [issue],
          ),
    );
  });
}
