/**
 * The query string, decoded strictly. Fastify's default parser keeps an escape that does not
 * decode (`?text=%FF`, `?q=%E0%A4%A`) as its raw characters, so a search would silently run
 * for the text "%FF" while the same escape in the path is a 400. Here it is a 400 too, naming
 * the parameter (docs/api.md, Errors).
 *
 * The router calls the parser before any hook and cannot answer from it, so the parser only
 * notes what failed; refuseUndecodableQuery() answers from the first hook.
 */
import type { Issue } from '../domain/index.js';
import { HttpProblem } from './problem.js';
import type { Api } from './types.js';

type Query = Record<string, string | string[]>;

/** The parameters of each parsed query whose name or value did not decode. */
const undecodable = new WeakMap<object, readonly string[]>();

function decode(text: string): string | undefined {
  const spaced = text.includes('+') ? text.replaceAll('+', ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // URIError: a % not followed by two hex digits, or bytes that are not UTF-8.
    return undefined;
  }
}

/**
 * application/x-www-form-urlencoded as fast-querystring (Fastify's default) reads it: `&`
 * separates pairs, the first `=` the name from the value, `+` is a space, a repeated name
 * gives a list; but an escape that does not decode is recorded instead of kept raw.
 */
export function parseQueryString(text: string): Query {
  const query = Object.create(null) as Query;
  const failed: string[] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals === -1 ? pair : pair.slice(0, equals);
    const name = decode(rawName);
    const value = equals === -1 ? '' : decode(pair.slice(equals + 1));
    if (name === undefined || value === undefined) {
      failed.push(name ?? rawName);
      continue;
    }
    const current = query[name];
    if (current === undefined) query[name] = value;
    else if (Array.isArray(current)) current.push(value);
    else query[name] = [current, value];
  }
  if (failed.length > 0) undecodable.set(query, failed);
  return query;
}

/** A parameter name as the message quotes it: printable, and short enough for a log line. */
function shown(name: string): string {
  const printable = name.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

/** Located as a schema failure of the query is: a JSON Pointer to the parameter. */
function issue(name: string): Issue {
  const path = `/${shown(name).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  return {
    code: 'QUERY_PARAMETER_INVALID',
    severity: 'error',
    path,
    message: `query parameter ${path}: a % must start an escape of UTF-8 text such as %20 or %C3%A9 (RFC 3986 §2.1).`,
  };
}

/** Answers a request whose query did not decode with a 400 naming each such parameter. */
export function refuseUndecodableQuery(app: Api): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const failed = undecodable.get(request.query as object);
    done(
      failed === undefined
        ? undefined
        : new HttpProblem(
            'MALFORMED_REQUEST',
            `A query parameter does not decode (${failed.map(shown).join(', ')}); see issues.`,
            failed.map(issue),
          ),
    );
  });
}
