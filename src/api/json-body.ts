/**
 * JSON request bodies. Fastify's own parser (secure-json-parse: refuses `__proto__` poisoning)
 * does the work; when a body is not JSON, the answer says where it breaks — line and column —
 * like the CLI does, instead of V8's "Unexpected token" wording.
 */
import { parseJsonText } from '../domain/index.js';
import { HttpProblem } from './problem.js';
import type { Api } from './types.js';

export function useLocatedJsonErrors(app: Api): void {
  const secureParse = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    void secureParse(request, text, (error: Error | null, value?: unknown) => {
      if (error === null) {
        done(null, value);
        return;
      }
      const located = parseJsonText(text);
      if (located.ok) {
        done(error, undefined); // valid JSON refused for another reason (prototype poisoning)
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
