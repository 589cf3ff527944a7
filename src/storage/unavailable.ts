import { isSqliteBusy } from './busy.js';

/**
 * Whether a storage failure means "the database does not answer" (the service is unavailable,
 * HTTP 503, try again) rather than a bug (500). Covers the pg driver's own timeouts and the
 * socket errors of a server that is down or unreachable.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  // PostgreSQL: query_canceled (statement_timeout), admin_shutdown, cannot_connect_now,
  // too_many_connections (https://www.postgresql.org/docs/current/errcodes-appendix.html)
  '57014',
  '57P01',
  '57P03',
  '53300',
]);

const UNAVAILABLE_MESSAGES = [
  'Query read timeout',
  'timeout expired',
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error',
  'Connection terminated unexpectedly',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // SQLite: another process holds the write lock past the wait (busy.ts).
  if (isSqliteBusy(error)) return true;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return UNAVAILABLE_MESSAGES.some((message) => error.message.startsWith(message));
}
