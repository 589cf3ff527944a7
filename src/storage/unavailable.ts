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

/**
 * SQLite: another connection holds the write lock past busy_timeout, or wrote since this one's
 * read began (SQLITE_BUSY_SNAPSHOT, answered at once): https://www.sqlite.org/rescode.html#busy
 */
const SQLITE_BUSY = /^SQLITE_BUSY/;

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
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || SQLITE_BUSY.test(code))) {
    return true;
  }
  return UNAVAILABLE_MESSAGES.some((message) => error.message.startsWith(message));
}
