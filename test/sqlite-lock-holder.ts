import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Another process holding SQLite's write lock (`emanifest csv import`, `emanifest backup`): a
 * worker thread with a connection of its own takes BEGIN IMMEDIATE, writes a row to `scratch`
 * (a table it makes first), and holds the lock for `holdMs`, blocked in Atomics.wait so that
 * nothing of the test's event loop is needed to let it go, then commits.
 */
export interface LockHolder {
  /** Resolves once the lock is held. */
  readonly locked: Promise<void>;
  /** Resolves once it is committed and the connection closed. */
  readonly released: Promise<void>;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 10000');
db.exec('create table if not exists scratch (x text)');
db.exec('begin immediate');
db.prepare('insert into scratch values (?)').run('held');
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
db.exec('commit');
db.close();
parentPort.postMessage('released');
`;

export function holdSqliteWriteLock(path: string, holdMs: number): LockHolder {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, path, holdMs } });
  const said = (what: string) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', (message) => {
        if (message === what) resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`The lock holder exited with ${String(code)}.`));
      });
    });
  return { locked: said('locked'), released: said('released') };
}
