import { setTimeout as sleep } from 'node:timers/promises';

/**
 * SQLite takes one writer at a time, across processes: while `emanifest csv import` or
 * `emanifest backup` holds the write lock, the service must wait for it without freezing.
 *
 * better-sqlite3 is synchronous, so SQLite's own busy handler (busy_timeout) sleeps inside the
 * call, with the whole event loop stopped. It is kept short, for the lock a statement outside
 * any transaction meets for an instant; the long wait is this module's, between tries, on a
 * timer, so other requests are served meanwhile (ADR 0005, "Waiting for the write lock").
 */
export const SQLITE_BUSY_TIMEOUT_MS = 50;

/**
 * How long a transaction waits in all for another process's write lock before the caller is
 * told the database is busy: longer than any use case of the service holds it (milliseconds),
 * short enough that a request still answers well inside a client's patience.
 */
export const SQLITE_BUSY_WAIT_MS = 8_000;

/** The pause after the first refused try; doubled after each, up to the cap. */
const FIRST_PAUSE_MS = 10;
const PAUSE_CAP_MS = 250;

/** What a caller is told when the wait runs out; the API and the CLI say it word for word. */
export const DATABASE_BUSY_MESSAGE =
  'The database is busy: another process (an import or a backup?) holds its write lock. Try again in a moment.';

/**
 * The wait ran out. Its code keeps it SQLITE_BUSY to anything that only knows that one
 * (isDatabaseUnavailable: 503, exit 2).
 */
export class DatabaseBusyError extends Error {
  override readonly name = 'DatabaseBusyError';
  readonly code = 'SQLITE_BUSY';
  constructor(cause: unknown) {
    super(DATABASE_BUSY_MESSAGE, { cause });
  }
}

/**
 * SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …), and SQLITE_LOCKED (a conflict
 * with another connection of this process): https://www.sqlite.org/rescode.html#busy
 */
export function isSqliteBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

export interface BusyWait {
  /** The total wait before DatabaseBusyError (SQLITE_BUSY_WAIT_MS unless a test says less). */
  readonly waitMs?: number | undefined;
}

/**
 * Runs `attempt` until it does not fail with a busy error it may be retried after, pausing on
 * a timer between tries with a doubling backoff; past `waitMs` in all, DatabaseBusyError.
 * `retriable` says whether this failure left nothing behind (the caller knows: for a
 * transaction, whether it failed before its work began).
 */
export async function retryWhileBusy<T>(
  attempt: () => Promise<T>,
  retriable: (error: unknown) => boolean,
  options: BusyWait = {},
): Promise<T> {
  const waitMs = options.waitMs ?? SQLITE_BUSY_WAIT_MS;
  const started = Date.now();
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || !retriable(error)) throw error;
      const left = waitMs - (Date.now() - started);
      if (left <= 0) throw new DatabaseBusyError(error);
      await sleep(Math.min(pause, left));
      pause = Math.min(pause * 2, PAUSE_CAP_MS);
    }
  }
}
