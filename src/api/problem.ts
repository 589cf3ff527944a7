/**
 * Every failure leaves the API as `application/problem+json` (RFC 9457) with the issues list.
 * This is the ONE place where an application failure becomes an HTTP status
 * (docs/architecture.md: no HTTP status appears below src/api).
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type AppErrorKind } from '../app/shared/errors.js';
import type { Issue } from '../domain/index.js';
import { DATABASE_BUSY_MESSAGE, isDatabaseUnavailable, isSqliteBusy } from '../storage/index.js';
import { issueSchema } from './schemas/common.js';

/** Failures that exist only at the HTTP boundary: the request never reached a use case. */
export type HttpProblemKind =
  | 'MALFORMED_REQUEST'
  | 'REQUEST_INVALID'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'URI_TOO_LONG'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'ROUTE_NOT_FOUND'
  | 'CSRF_TOKEN_INVALID'
  | 'PRECONDITION_REQUIRED'
  | 'PAGE_CURSOR_INVALID'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export type ProblemKind = AppErrorKind | HttpProblemKind;

/** Only statuses this API really sends compile, so a typo like 490 cannot slip in. */
export type ProblemStatus =
  400 | 401 | 403 | 404 | 408 | 409 | 413 | 414 | 415 | 422 | 428 | 429 | 431 | 500 | 502 | 503;

interface ProblemEntry {
  readonly status: ProblemStatus;
  readonly title: string;
}

/** The typed table. A new AppErrorKind fails to compile until it has a row here. */
export const PROBLEMS: { readonly [K in ProblemKind]: ProblemEntry } = {
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflict' },
  // 409 rather than 412: the issue asks for it, and clients treat both "reload and retry" alike.
  STALE_VERSION: { status: 409, title: 'Stale version' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  // The record exists and the data is fine, but its current state forbids the action.
  INVALID_STATE: { status: 409, title: 'Invalid state' },
  VALIDATION_FAILED: { status: 422, title: 'Validation failed' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  // 502: the service is fine, the mail server behind it is not.
  DELIVERY_FAILED: { status: 502, title: 'Delivery failed' },
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
  REQUEST_INVALID: { status: 400, title: 'Request does not match the schema' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  URI_TOO_LONG: { status: 414, title: 'URI too long' },
  // Refused by Node's HTTP parser before any route (client-error.ts).
  HEADERS_TOO_LARGE: { status: 431, title: 'Request header fields too large' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  ROUTE_NOT_FOUND: { status: 404, title: 'Not found' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'CSRF token missing or invalid' },
  PRECONDITION_REQUIRED: { status: 428, title: 'Precondition required' },
  // 400, not 422: a cursor is not data the client wrote, it is a forged or corrupted one.
  PAGE_CURSOR_INVALID: { status: 400, title: 'Invalid page cursor' },
  UNAVAILABLE: { status: 503, title: 'Service unavailable' },
  INTERNAL: { status: 500, title: 'Internal server error' },
};

/** Thrown by API code for HTTP-only failures; use cases throw AppError instead. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly kind: HttpProblemKind,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

export const problemSchema = z
  .object({
    type: z
      .string()
      .describe('Stable identifier of the kind of problem: urn:ace-emanifest:problem:<kind>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().describe('The request path the problem occurred on.'),
    code: z.string().describe('The problem kind, e.g. STALE_VERSION.'),
    requestId: z.string().describe('Quote it when reporting a problem; every log line carries it.'),
    issues: z.array(issueSchema),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

function problem(
  kind: ProblemKind,
  detail: string,
  issues: readonly Issue[],
  request: FastifyRequest,
): Problem {
  return problemDocument(kind, detail, issues, {
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
  });
}

/**
 * The problem document of `kind`; `at` is the request's path and id, both empty when Node's
 * HTTP parser refused the request before there was one (client-error.ts).
 */
export function problemDocument(
  kind: ProblemKind,
  detail: string,
  issues: readonly Issue[],
  at: { readonly instance: string; readonly requestId: string },
): Problem {
  const entry = PROBLEMS[kind];
  return {
    type: `urn:ace-emanifest:problem:${kind.toLowerCase().replaceAll('_', '-')}`,
    title: entry.title,
    status: entry.status,
    detail,
    instance: at.instance,
    code: kind,
    requestId: at.requestId,
    issues: [...issues],
  };
}

/** Fastify's own failures (body parsing, limits, schemas) carry a code and statusCode. */
function isFastifyError(error: unknown): error is FastifyError {
  return (
    error instanceof Error && ('statusCode' in error || 'code' in error || 'validation' in error)
  );
}

/** A write without the version it was made on (versions.ts). */
export const IF_MATCH_REQUIRED = {
  detail:
    'Send the version you edited in the If-Match header (If-Match: "3"); GET the record to learn it.',
  issues: [
    {
      code: 'IF_MATCH_REQUIRED',
      severity: 'error',
      path: '',
      message: 'If-Match header missing.',
    },
  ],
} as const satisfies { detail: string; issues: readonly Issue[] };

/**
 * SQLite's write lock held by another process (busy.ts) past the store's wait: 503 with
 * Retry-After, since the lock is usually let go within seconds.
 */
const DATABASE_BUSY_ISSUE: Issue = {
  code: 'DATABASE_BUSY',
  severity: 'error',
  path: '',
  message: DATABASE_BUSY_MESSAGE,
};

/** Seconds to wait before trying again, for the Retry-After header; undefined: no header. */
export function retryAfterSeconds(problem: Problem): number | undefined {
  return problem.issues.some((issue) => issue.code === DATABASE_BUSY_ISSUE.code) ? 5 : undefined;
}

/** Where in the request a schema failure is, in the API's words rather than Fastify's. */
const REQUEST_PARTS: Record<string, { readonly code: string; readonly name: string }> = {
  querystring: { code: 'QUERY_PARAMETER_INVALID', name: 'query parameter' },
  params: { code: 'PATH_PARAMETER_INVALID', name: 'path parameter' },
};

/**
 * Schema failures become issues (see validation.ts). A body gets the domain's own issues, so a
 * bad trip document reads the same from POST /trips, POST /imports and POST /validate.
 */
function validationIssues(error: FastifyError): Issue[] {
  const part = REQUEST_PARTS[error.validationContext ?? 'body'];
  return (error.validation ?? []).map((failure) => {
    const issue = failure.params['issue'] as Issue | undefined;
    const message = failure.message ?? 'invalid';
    if (part === undefined) {
      return (
        issue ?? {
          code: 'DOCUMENT_WRONG_TYPE',
          severity: 'error',
          path: failure.instancePath,
          message,
        }
      );
    }
    return {
      code: part.code,
      severity: 'error',
      path: failure.instancePath,
      message: `${part.name} ${failure.instancePath || '(root)'}: ${issue?.message ?? message}`,
    };
  });
}

/** The media types the route takes, as its schema says (`consumes`), or JSON by default. */
function acceptedTypes(request: FastifyRequest): string {
  const consumes = request.routeOptions.schema?.consumes;
  const types = consumes !== undefined && consumes.length > 0 ? consumes : ['application/json'];
  return types.length === 1
    ? (types[0] ?? '')
    : `${types.slice(0, -1).join(', ')} or ${types.at(-1) ?? ''}`;
}

function classify(
  error: unknown,
  request: FastifyRequest,
): { kind: ProblemKind; detail: string; issues: readonly Issue[] } {
  if (error instanceof AppError && error.issues[0]?.code === 'PAGE_CURSOR_INVALID') {
    return { kind: 'PAGE_CURSOR_INVALID', detail: error.message, issues: error.issues };
  }
  if (error instanceof AppError || error instanceof HttpProblem) {
    return { kind: error.kind, detail: error.message, issues: error.issues };
  }
  // Before the general case: the cause is known, and the client can do something about it.
  if (isSqliteBusy(error)) {
    return { kind: 'UNAVAILABLE', detail: DATABASE_BUSY_MESSAGE, issues: [DATABASE_BUSY_ISSUE] };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      kind: 'UNAVAILABLE',
      detail: 'The database does not answer; try again shortly.',
      issues: [],
    };
  }
  if (!isFastifyError(error)) return internal;
  if (error.validation && error.validationContext === 'headers') {
    // The one header a route's schema names is If-Match (versions.ts), required there so the
    // OpenAPI description says so; its absence is a missing precondition (RFC 6585 §3),
    // answered as expectedVersion() answers it.
    return { kind: 'PRECONDITION_REQUIRED', ...IF_MATCH_REQUIRED };
  }
  if (error.validation) {
    return {
      kind: 'REQUEST_INVALID',
      detail: `The request ${error.validationContext ?? 'body'} does not match the schema; see issues.`,
      issues: validationIssues(error),
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        kind: 'UNSUPPORTED_MEDIA_TYPE',
        detail: `Send the body as ${acceptedTypes(request)}.`,
        issues: [],
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        kind: 'PAYLOAD_TOO_LARGE',
        detail: 'The request body is larger than this route accepts.',
        issues: [],
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        kind: 'MALFORMED_REQUEST',
        detail: 'The body is not as long as its Content-Length header says.',
        issues: [],
      };
    default:
      break;
  }
  if (error instanceof SyntaxError) {
    // The parser's message says where the JSON breaks ("Unexpected token } at position 12"):
    // useful, and it contains nothing but the client's own input.
    return { kind: 'MALFORMED_REQUEST', detail: error.message, issues: [] };
  }
  // Any other refusal of the framework's own is said in the API's words: its messages name
  // its internals (FST_ERR_…, "content type parser") rather than what the client should do.
  // Not every such error has a code (isFastifyError), whatever FastifyError's type says.
  const code = (error as { code?: unknown }).code;
  const own = typeof code === 'string' && code.startsWith('FST_') ? undefined : error.message;
  const refusal = FRAMEWORK_REFUSALS[error.statusCode ?? 0];
  if (refusal === undefined) return internal;
  return { kind: refusal.kind, detail: own ?? refusal.detail(request), issues: [] };
}

/** The framework's own refusals by status, in the API's words when its message is internal. */
const FRAMEWORK_REFUSALS: Readonly<
  Record<number, { kind: ProblemKind; detail: (request: FastifyRequest) => string }>
> = {
  400: {
    kind: 'MALFORMED_REQUEST',
    detail: () => 'The request is malformed; see the API reference (/api/docs).',
  },
  404: { kind: 'ROUTE_NOT_FOUND', detail: () => 'No such route.' },
  413: {
    kind: 'PAYLOAD_TOO_LARGE',
    detail: () => 'The request body is larger than this route accepts.',
  },
  415: {
    kind: 'UNSUPPORTED_MEDIA_TYPE',
    detail: (request) => `Send the body as ${acceptedTypes(request)}.`,
  },
};

const internal = {
  kind: 'INTERNAL',
  // Never the message or stack of an unexpected error: it may carry SQL, paths or secrets.
  detail: 'Something went wrong on our side. The request id identifies it in the logs.',
  issues: [],
} as const satisfies { kind: ProblemKind; detail: string; issues: readonly Issue[] };

/** Maps anything thrown while handling a request to a problem document. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const { kind, detail, issues } = classify(error, request);
  return problem(kind, detail, issues, request);
}

export function problemFor(
  kind: ProblemKind,
  detail: string,
  request: FastifyRequest,
  issues: readonly Issue[] = [],
): Problem {
  return problem(kind, detail, issues, request);
}
