/**
 * The one way the web app talks to /api/v1: JSON in and out, the session cookie, the CSRF
 * token on every write, and failures turned into ApiError with words a dispatcher can read.
 * A 401 on anything but sign-in means the session ended: listeners (the session-expired
 * dialog) are told, and the page keeps what it shows.
 */

/** The parts of an RFC 9457 problem document the app uses (docs/api.md, Errors). */
interface Problem {
  readonly status?: number;
  readonly code?: string;
  readonly detail?: string;
  readonly title?: string;
  readonly issues?: readonly ProblemIssue[];
}

/** Where a refusal's problem lies (docs/api.md, Errors): `code` says which rule refused. */
export interface ProblemIssue {
  readonly code: string;
  readonly path?: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The problem's issues, for refusals a page answers differently by rule (a re-key). */
    readonly issues: readonly ProblemIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | undefined;
const expiryListeners = new Set<() => void>();

/** Set from the session answer; sent as x-csrf-token on every write (ADR 0006). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when a request made inside a session gets 401: the session has ended. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => {
    expiryListeners.delete(listener);
  };
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null;
}

/** Plain words for what went wrong, whatever the server or the network said. */
function messageFor(status: number, problem: Problem | undefined): string {
  if (status === 401) return 'Your session has ended. Sign in again to carry on.';
  if (status === 403) return 'Your role does not allow this. Ask an admin of your company.';
  if (status === 429) return problem?.detail ?? 'Too many attempts. Wait a minute and try again.';
  if (status >= 500) {
    return 'The service had a problem and nothing was changed. Try again in a moment.';
  }
  return problem?.detail ?? problem?.title ?? `The request failed (HTTP ${status}).`;
}

export interface RequestOptions {
  readonly body?: unknown;
  /** Sign-in and the session probe answer 401 as a normal outcome, not as an expiry. */
  readonly expectUnauthenticated?: boolean;
  readonly signal?: AbortSignal | undefined;
  /** The version the change was made on, sent as If-Match (docs/api.md, Versions). */
  readonly ifMatch?: number | undefined;
}

/** A file sent as the request body as it is (a File is streamed by the browser from disk). */
interface FileBody {
  readonly body: Blob;
  readonly contentType: string;
}

/**
 * Sends one request with the cookie, the CSRF token on a write and If-Match when given; the
 * body is `options.body` as JSON, or `file` as it is. The network failing is an ApiError in
 * words; an abort stays an abort.
 */
async function send(
  method: Method,
  path: string,
  options: RequestOptions,
  accept: string,
  file?: FileBody,
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (file !== undefined) headers['content-type'] = file.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${String(options.ifMatch)}"`;
  const json = options.body === undefined ? null : JSON.stringify(options.body);
  try {
    return await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: file?.body ?? json,
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The service cannot be reached. Check the connection.');
  }
}

/** The ApiError for an answer that is not ok; a 401 inside a session tells the listeners. */
function failure(response: Response, body: unknown, options: RequestOptions): ApiError {
  const problem = isProblem(body) ? body : undefined;
  if (response.status === 401 && options.expectUnauthenticated !== true) {
    for (const listener of expiryListeners) listener();
  }
  return new ApiError(
    response.status,
    problem?.code ?? 'HTTP_ERROR',
    messageFor(response.status, problem),
    Array.isArray(problem?.issues) ? problem.issues : [],
  );
}

export async function api<T>(method: Method, path: string, options: RequestOptions = {}) {
  const response = await send(method, path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(response, body, options);
  return body as T;
}

/**
 * A write whose answer is a file (a PDF), not JSON: the same cookie, CSRF token and failure
 * words as `api`. Resolves with the bytes and the answer's headers.
 */
export async function apiFile(
  method: Method,
  path: string,
  options: RequestOptions = {},
  accept = 'application/pdf',
): Promise<{ readonly blob: Blob; readonly headers: Headers }> {
  const response = await send(method, path, options, `${accept}, application/problem+json`);
  if (!response.ok) {
    throw failure(response, await response.json().catch(() => undefined), options);
  }
  return { blob: await response.blob(), headers: response.headers };
}

/**
 * A write whose body is a file (a picture) sent as it is, not JSON, with its content type; the
 * answer is JSON. The same cookie, CSRF token and failure words as `api`.
 */
export async function apiUpload<T>(
  method: Method,
  path: string,
  body: Blob,
  contentType: string,
): Promise<T> {
  const response = await send(method, path, {}, 'application/json', { body, contentType });
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(response, answer, {});
  return answer as T;
}

/** Splits a stream of text into its lines; the last, unterminated part is kept for later. */
export function splitLines(buffered: string): { readonly lines: string[]; readonly rest: string } {
  const parts = buffered.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.map((line) => line.trim()).filter((line) => line !== ''), rest };
}

export interface StreamOptions {
  /** Sent as is (a File is streamed by the browser from disk, never read whole by the page). */
  readonly body: Blob;
  readonly contentType: string;
  readonly signal?: AbortSignal | undefined;
}

/**
 * A write whose answer is NDJSON (`application/x-ndjson`, one JSON object per line): each line
 * is handed to `onLine` as it arrives, read from the response body with a TextDecoder, so
 * progress shows while the server still works. The same cookie, CSRF token and failure words as
 * `api`; a refusal before the stream starts (403, 404, 413, 415) is an ApiError.
 */
export async function apiNdjson(
  method: Method,
  path: string,
  options: StreamOptions,
  onLine: (value: unknown) => void,
): Promise<void> {
  const response = await send(
    method,
    path,
    { signal: options.signal },
    'application/x-ndjson, application/problem+json',
    options,
  );
  if (!response.ok || response.body === null) {
    throw failure(response, await response.json().catch(() => undefined), {});
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  const hand = (lines: readonly string[]) => {
    for (const line of lines) onLine(JSON.parse(line) as unknown);
  };
  const read = async () => {
    try {
      return await reader.read();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK', 'The connection was lost before the service answered.');
    }
  };
  for (;;) {
    const { done, value } = await read();
    if (done) break;
    const split = splitLines(rest + decoder.decode(value, { stream: true }));
    rest = split.rest;
    hand(split.lines);
  }
  hand(splitLines(rest + decoder.decode() + '\n').lines);
}

/** `?a=1&b=x` from the defined, non-empty values only. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
