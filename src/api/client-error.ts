/**
 * A request Node's HTTP parser refused before Fastify saw it (a control character in a header,
 * a malformed request line): answered as problem+json like every other refusal, where Fastify's
 * default writes `{"error":"Bad Request","message":"Client Error"}`. There is no request, so no
 * request id or path: the problem says what it can.
 */
import type { Socket } from 'node:net';
import {
  HttpProblem,
  PROBLEM_CONTENT_TYPE,
  PROBLEMS,
  problemDocument,
  type ProblemKind,
} from './problem.js';
import type { Api } from './types.js';

/** Node's code of each refusal that is not a bad request as such (RFC 9110 §15.5.9, RFC 6585 §5). */
const REFUSALS: Readonly<Record<string, { kind: ProblemKind; detail: string }>> = {
  HPE_HEADER_OVERFLOW: {
    kind: 'HEADERS_TOO_LARGE',
    detail: 'The request headers are larger than this service reads; send fewer or shorter ones.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    kind: 'REQUEST_TIMEOUT',
    detail: 'The request did not arrive in time; send it again.',
  },
};

const MALFORMED = {
  kind: 'MALFORMED_REQUEST',
  detail:
    'The request is not valid HTTP: a header name or value with a control character, or a malformed request line.',
} as const;

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // The client went away, or an answer was already started: nothing can be said.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { kind, detail } = REFUSALS[error.code ?? ''] ?? MALFORMED;
  const { status, title } = PROBLEMS[kind];
  const body = JSON.stringify(problemDocument(kind, detail, [], { instance: '', requestId: '' }));
  socket.end(
    `HTTP/1.1 ${String(status)} ${title}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${String(Buffer.byteLength(body))}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/**
 * RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without Host. Node would do
 * so with an empty body before Fastify sees the request (its requireHostHeader, turned off in
 * server.ts); this says why, as problem+json with the request id. HTTP/1.0 has no Host
 * requirement, and such a request is served.
 */
export function refuseMissingHost(app: Api): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const { httpVersionMajor, httpVersionMinor } = request.raw;
    const http11 = httpVersionMajor === 1 && httpVersionMinor >= 1;
    done(
      !http11 || request.headers.host !== undefined
        ? undefined
        : new HttpProblem(
            'MALFORMED_REQUEST',
            'The request has no Host header; HTTP/1.1 requires one (RFC 9112 §3.2).',
          ),
    );
  });
}
