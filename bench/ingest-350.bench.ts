/**
 * Ingesting CBP's shipment status messages (350s) for a courier-sized truck: 10,000 shipments
 * filed and accepted, then 10,000 X4 statuses ("02", entry on file) in 350 interchanges as the
 * CBP simulator writes them, read by `ingestResponses` from a transport into filing status and
 * history on SQLite, in one transaction.
 *
 * The floor, measured in the same run: a bare prepared insert of the same 10,000 status rows
 * (company, trip, SCN, status, time, detail) into one table of a fresh SQLite file in one
 * transaction, with the service's own pragmas — the least any ingest must write. The ratio
 * says what reading X12, finding each SCN's trip and state, and keeping the history cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrip, ingestResponses, type Actor, type AppDeps } from '../src/app/index.js';
import type { CbpTransport, InboundBatch } from '../src/app/shared/ports/index.js';
import { answerText, body350 } from '../src/cbp/simulator/write-answers.js';
import { openSqliteFile } from '../src/storage/open-database.js';
import { aShipment, aTrip } from '../test/builders.js';
import { benchCompany, openBenchDatabase } from './bench-support.js';
import { median, ms, timeOnce, timeOnceAsync } from './measure.js';

const CBP_ID = 'CBPSIM';
const FALLBACK_SENDER = 'DEMOBENCH';

const scnOf = (i: number) => `DEMO${String(i).padStart(10, '0')}`;

/** The trip stored with its shipments, and every shipment accepted by CBP (its 355 ingested). */
async function filedTrip(
  deps: AppDeps,
  actor: Actor,
  count: number,
): Promise<{ tripId: string; tripNumber: string; senderId: string }> {
  const document = aTrip({
    shipments: Array.from({ length: count }, (_, i) =>
      aShipment({ shipmentControlNumber: scnOf(i) }),
    ),
  });
  const { trip } = await createTrip(deps, actor, { document });
  const at = deps.clock.now().toISOString();
  const senderId = await deps.store.transaction(async (repos) => {
    const sender = await repos.filing.senderId(actor.companyId, FALLBACK_SENDER, at);
    await repos.filing.putStates(
      ['', ...Array.from({ length: count }, (_, i) => scnOf(i))].map((scn) => ({
        companyId: actor.companyId,
        tripId: trip.id,
        scn,
        status: 'accepted' as const,
        accepted: { scn },
        sent: null,
        updatedAt: at,
      })),
    );
    return sender;
  });
  return { tripId: trip.id, tripNumber: trip.tripNumber, senderId };
}

/** 350 interchanges of `perInterchange` statuses each, numbered from `firstControl`. */
function statusInterchanges(
  trip: { tripNumber: string; senderId: string },
  count: number,
  perInterchange: number,
  firstControl: number,
  at: Date,
): string[] {
  const texts: string[] = [];
  for (let start = 0, n = 0; start < count; start += perInterchange, n += 1) {
    const lines = Array.from({ length: Math.min(perInterchange, count - start) }, (_, i) => ({
      scn: scnOf(start + i),
      code: '02',
      at,
      entryType: '01',
      entryNumber: `N7B${String(start + i).padStart(8, '0')}`,
    }));
    const body = body350(
      { scac: 'DEMO', conveyance: 'T-101', tripNumber: trip.tripNumber, port: '0901' },
      lines,
    );
    texts.push(answerText('350', body, firstControl + n, { from: CBP_ID, to: trip.senderId }, at));
  }
  return texts;
}

/** A transport that hands over one batch of answers once. */
function oneBatch(name: string, texts: readonly string[]): CbpTransport {
  return {
    name,
    send: () => Promise.reject(new Error('the bench sends nothing')),
    receive: (cursor): Promise<InboundBatch> =>
      Promise.resolve(
        cursor === 'done'
          ? { messages: [], cursor }
          : { messages: texts.map((text, i) => ({ ref: String(i), text })), cursor: 'done' },
      ),
    settle: () => Promise.resolve(),
  };
}

/** The same status rows as bare prepared inserts into one table, in one transaction. */
function floorInsert(
  rows: readonly { trip: string; scn: string; detail: string }[],
  at: string,
): number {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-floor-'));
  try {
    const sqlite = openSqliteFile(join(dir, 'floor.sqlite'));
    sqlite.exec(
      'create table statuses (company_id text, trip_id text, scn text, status text, at text, detail_json text)',
    );
    const insert = sqlite.prepare('insert into statuses values (?, ?, ?, ?, ?, ?)');
    const took = timeOnce(() => {
      sqlite.transaction(() => {
        for (const row of rows)
          insert.run('company', row.trip, row.scn, 'entry-on-file', at, row.detail);
      })();
    });
    sqlite.close();
    return took;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runIngest350Bench(
  statusCount = 10_000,
  perInterchange = 1_000,
  runs = 3,
): Promise<string[]> {
  const target = await openBenchDatabase();
  try {
    const actor = await benchCompany(target.deps, 'DEMO');
    const trip = await filedTrip(target.deps, actor, statusCount);
    const at = new Date('2026-11-28T17:05:00Z');
    const times: number[] = [];
    let interchanges = 0;
    let bytes = 0;
    for (let run = 0; run < runs; run += 1) {
      // Fresh control numbers each run: an interchange seen before is skipped, not re-applied.
      const texts = statusInterchanges(trip, statusCount, perInterchange, 1000 + run * 1000, at);
      interchanges = texts.length;
      bytes = texts.reduce((sum, text) => sum + text.length, 0);
      let flagged = 0;
      times.push(
        await timeOnceAsync(async () => {
          ({ flagged } = await ingestResponses(target.deps, oneBatch(`bench-${run}`, texts)));
        }),
      );
      if (flagged > 0) throw new Error(`the bench 350s were flagged (${flagged})`);
    }
    const history = await target.db
      .selectFrom('filing_history')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('status', '=', 'entry-on-file')
      .executeTakeFirstOrThrow();
    if (Number(history.n) !== statusCount * runs) {
      throw new Error(`expected ${statusCount * runs} status entries, found ${history.n}`);
    }
    const detail = JSON.stringify({
      event: '350',
      dispositionCode: '02',
      meaning: 'Entry filed against the bill (entry on file)',
      entryNumber: 'N7B00000000',
      date: '20261128',
      time: '1705',
      remarks: [],
    });
    const rows = Array.from({ length: statusCount }, (_, i) => ({
      trip: trip.tripId,
      scn: scnOf(i),
      detail,
    }));
    const floor = median(Array.from({ length: 5 }, () => floorInsert(rows, at.toISOString())));
    const ingest = median(times);
    return [
      `350s for a ${statusCount.toLocaleString('en-US')}-shipment trip (SQLite): ${interchanges} interchanges of ${perInterchange.toLocaleString('en-US')} statuses, ${(bytes / 1e6).toFixed(1)} MB`,
      `  floor (bare prepared insert of the same rows, one table, one transaction): ${ms(floor)}`,
      `  ingestResponses (X12 → status + history):                               ${ms(ingest)}  ratio ${(ingest / floor).toFixed(1)}x`,
    ];
  } finally {
    await target.close();
  }
}

/** `node dist/bench/ingest-350.bench.js [statuses]`: this benchmark alone. */
if (/ingest-350\.bench\.[jt]s$/.test(process.argv[1] ?? '')) {
  const count = Number(process.argv[2] ?? 10_000);
  runIngest350Bench(count, 1_000, Number(process.argv[3] ?? 3))
    .then((lines) => {
      for (const line of lines) console.log(line);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
