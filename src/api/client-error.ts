/**
 * A request Node's HTTP parser refused before Fastify saw it (a control character in a header,
 * a malformed request line): answered as problem+json like every other refusal, where Fastify's
 * default writes `{"error":"Bad Request","message":"Client Error"}`. There is no request, so no
 * request id or path: the problem says what it can.
 */
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, PROBLEMS } from './problem.js';

/** The two refusals that are not a bad request as such (RFC 9110 §15.5.9, RFC 6585 §5). */
const OTHER_STATUS: Readonly<
  Record<string, { code: string; status: number; title: string; detail: string }>
> = {
  HPE_HEADER_OVERFLOW: {
    code: 'HEADERS_TOO_LARGE',
    status: 431,
    title: 'Request header fields too large',
    detail: 'The request headers are larger than this service reads; send fewer or shorter ones.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    code: 'REQUEST_TIMEOUT',
    status: 408,
    title: 'Request timeout',
    detail: 'The request did not arrive in time; send it again.',
  },
};

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // The client went away, or an answer was already started: nothing can be said.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const other = OTHER_STATUS[error.code ?? ''];
  const entry = other ?? {
    code: 'MALFORMED_REQUEST',
    ...PROBLEMS.MALFORMED_REQUEST,
    detail:
      'The request is not valid HTTP: a header name or value with a control character, or a malformed request line.',
  };
  const { code } = entry;
  const body = JSON.stringify({
    type: `urn:ace-emanifest:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: entry.title,
    status: entry.status,
    detail: entry.detail,
    instance: '',
    code,
    requestId: '',
    issues: [],
  });
  socket.end(
    `HTTP/1.1 ${String(entry.status)} ${entry.title}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${String(Buffer.byteLength(body))}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
