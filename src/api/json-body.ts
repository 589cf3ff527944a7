/**
 * JSON request bodies. Fastify's own parser (secure-json-parse: refuses `__proto__` poisoning)
 * does the work; when a body is refused, the answer says why and where — line and column, or
 * the JSON Pointer of a forbidden field — like the CLI does, instead of V8's wording.
 */
import { isUtf8 } from 'node:buffer';
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
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    // RFC 8259 §8.1: JSON between systems is UTF-8. Decoded as a string, a byte that is not
    // UTF-8 (a Latin-1 "é", say) became U+FFFD and was stored that way without a word.
    const charset = declaredCharset(request.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(
        new HttpProblem(
          'UNSUPPORTED_MEDIA_TYPE',
          `The body is declared as ${charset}; send JSON as UTF-8 (charset=utf-8, or no charset).`,
        ),
        undefined,
      );
      return;
    }
    const notUtf8 = firstNonUtf8Byte(bytes);
    if (notUtf8 >= 0) {
      const before = bytes.subarray(0, notUtf8).toString('utf8');
      const where = lineAndColumn(before, before.length);
      const message = `line ${where.line}, column ${where.column}: byte 0x${(bytes[notUtf8] ?? 0).toString(16).padStart(2, '0')} is not UTF-8`;
      done(
        new HttpProblem('MALFORMED_REQUEST', `The body is refused (${message}).`, [
          { code: 'DOCUMENT_NOT_UTF8', severity: 'error', path: '', message },
        ]),
        undefined,
      );
      return;
    }
    const text = bytes.toString('utf8');
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

/** The charset a Content-Type names, lower-cased; undefined when none. */
function declaredCharset(contentType: string | undefined): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  return charset?.toLowerCase();
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstNonUtf8Byte(bytes: Buffer): number {
  if (isUtf8(bytes)) return -1;
  // Decoding replaces each bad sequence with U+FFFD; the first one not written as EF BF BD in
  // the body itself is where the body stops being UTF-8.
  const text = bytes.toString('utf8');
  let offset = 0;
  for (const character of text) {
    const length = Buffer.byteLength(character);
    if (
      character === '\uFFFD' &&
      !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)
    ) {
      return offset;
    }
    offset += length;
  }
  return bytes.length - 1;
}
