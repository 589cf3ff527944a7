/**
 * JSON request bodies. Fastify's own parser (secure-json-parse: refuses `__proto__` poisoning)
 * does the work; when a body is refused, the answer says why and where — line and column, or
 * the JSON Pointer of a forbidden field — like the CLI does, instead of V8's wording.
 */
import {
  excessiveNesting,
  lineAndColumn,
  MAX_JSON_DEPTH,
  parseJsonText,
  pointer,
  repeatedField,
  repeatedFieldMessage,
} from '../domain/index.js';
import { HttpProblem } from './problem.js';
import type { Api } from './types.js';

/** Where the first `__proto__` key is; undefined when none. */
export function forbiddenKeyPath(value: unknown): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const current = next.value;
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      const path = next.path + pointer(key);
      if (key === '__proto__') return path;
      stack.push({ value: child, path });
    }
  }
  return undefined;
}

export function useLocatedJsonErrors(app: Api): void {
  const secureParse = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    // Checked before parsing: recursive code downstream would overflow the stack.
    const deep = excessiveNesting(text);
    if (deep >= 0) {
      const where = lineAndColumn(text, deep);
      const message = `line ${where.line}, column ${where.column}: lists and objects are nested deeper than ${MAX_JSON_DEPTH} levels`;
      done(
        new HttpProblem('MALFORMED_REQUEST', `The body is refused (${message}).`, [
          { code: 'DOCUMENT_TOO_DEEP', severity: 'error', path: '', message },
        ]),
        undefined,
      );
      return;
    }
    // Before JSON.parse, which would keep the last of the two values without a word.
    const repeated = repeatedField(text);
    if (repeated !== undefined) {
      const where = lineAndColumn(text, repeated.offset);
      const message = `line ${where.line}, column ${where.column}: ${repeatedFieldMessage(repeated.name)}`;
      done(
        new HttpProblem('MALFORMED_REQUEST', `The body is refused (${message}).`, [
          { code: 'DOCUMENT_REPEATED_FIELD', severity: 'error', path: repeated.path, message },
        ]),
        undefined,
      );
      return;
    }
    void secureParse(request, text, (error: Error | null, value?: unknown) => {
      if (error === null) {
        done(null, value);
        return;
      }
      const located = parseJsonText(text);
      if (located.ok) {
        // Valid JSON refused for prototype poisoning: say which field, not "not JSON".
        const path = forbiddenKeyPath(located.value) ?? '';
        const message = `the field name at ${path || '(root)'} is refused: __proto__ could alter object prototypes`;
        done(
          new HttpProblem('MALFORMED_REQUEST', `The body is valid JSON but ${message}.`, [
            { code: 'DOCUMENT_FORBIDDEN_FIELD', severity: 'error', path, message },
          ]),
          undefined,
        );
        return;
      }
      const message = `line ${located.line}, column ${located.column}: ${located.message}`;
      done(
        new HttpProblem('MALFORMED_REQUEST', `The body is not valid JSON (${message}).`, [
          { code: 'DOCUMENT_NOT_JSON', severity: 'error', path: '', message },
        ]),
        undefined,
      );
    });
  });
}
