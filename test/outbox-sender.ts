/**
 * A sending process for the crash and two-instance tests: delivers the outbox of the database
 * named by the environment to the CBP simulator, prints a JSON report and exits.
 *   SQLITE_PATH, or DATABASE_URL + DATABASE_SCHEMA   the database
 *   SIMULATOR_URL                                     the simulator's mailbox
 *   CLAIM_LIMIT          rows claimed per round (default 5)
 *   HANG_AFTER_SENDS=N   after the Nth interchange is handed over, and before it is recorded,
 *                        print "SENT <control number>" and hang (to be SIGKILLed)
 *   NOW_OFFSET_MS        shifts the sender's clock (past a dead sender's lease)
 *   WAIT_FOR_GO=1        print "READY" and start only when a line arrives on stdin, so that
 *                        two senders start together
 * Run with `node --import tsx test/outbox-sender.ts` (the tests run it bundled by esbuild).
 */
import { deliverOutbox, randomIds } from '../src/app/index.js';
import { simulatorTransport } from '../src/cbp/index.js';
import { createSqlStore, openDatabase } from '../src/storage/index.js';

const env = process.env;
const db = openDatabase({
  url: env['DATABASE_URL'],
  sqlitePath: env['SQLITE_PATH'] ?? ':memory:',
  postgresSchema: env['DATABASE_SCHEMA'],
  postgresPoolSize: 2,
});
const offset = Number(env['NOW_OFFSET_MS'] ?? '0');
const hangAfter = Number(env['HANG_AFTER_SENDS'] ?? '0');
let sends = 0;
if (env['WAIT_FOR_GO'] === '1') {
  process.stdout.write('READY\n');
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => {
      resolve();
    });
  });
  process.stdin.pause();
}
const report = await deliverOutbox(
  {
    store: createSqlStore(db),
    clock: { now: () => new Date(Date.now() + offset) },
    ids: randomIds,
  },
  simulatorTransport(env['SIMULATOR_URL'] ?? ''),
  {
    limit: Number(env['CLAIM_LIMIT'] ?? '5'),
    afterSend: async (transmission) => {
      sends += 1;
      if (sends === hangAfter) {
        process.stdout.write(`SENT ${transmission.controlNumber}\n`);
        await new Promise(() => undefined);
      }
    },
  },
);
process.stdout.write(`${JSON.stringify(report)}\n`);
await db.destroy();
