import type BetterSqlite3 from 'better-sqlite3';

/**
 * SQLite moves the write-ahead log back into the database file (a checkpoint) itself, by
 * default in the commit that takes the log past 1,000 pages. After a bulk CSV import that
 * commit copies tens of megabytes and syncs the file: 150 ms of a 10,000-shipment import that
 * the user waits for, though the rows were safe in the log already (https://sqlite.org/wal.html,
 * "Automatic Checkpoint").
 *
 * Instead each connection checkpoints on its own, at most once per `everyMs`, when it is idle
 * (no transaction open on it), after the answer has gone out. PASSIVE, as the automatic one:
 * it never waits for readers and copies what they no longer need. Closing the last connection
 * checkpoints what is left (SQLite does so on close), and a log left by a process that stopped
 * is read back by the next one to open the file: nothing committed is lost either way.
 */
export function checkpointWhenIdle(handle: BetterSqlite3.Database, everyMs = 1_000): void {
  handle.pragma('wal_autocheckpoint = 0');
  const timer = setInterval(() => {
    if (!handle.open) {
      clearInterval(timer);
      return;
    }
    if (handle.inTransaction) return;
    try {
      handle.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy with another process's checkpoint, or closed between the checks: the next turn,
      // or the next connection to close, does it.
    }
  }, everyMs);
  // The timer never keeps a command-line process alive.
  timer.unref();
}
