/**
 * The bulk CSV import, end to end: a courier truck's file of 10,000 shipments × 3 commodities
 * (30,000 rows) and a full trip of 100,000 shipments (300,000 rows), streamed from disk
 * through the reader, the rule engine and the one batch path that stores shipments (SCN
 * registry, audit log) in one transaction.
 *
 * The floor, measured in the same run on the same file: the fastest CSV parser's raw parse of
 * the bytes (raw-csv-records.ts) plus bare prepared-statement inserts of the same rows, as they
 * are parsed, into one table of 31 text columns in one transaction, with the service's own
 * SQLite pragmas. On
 * PostgreSQL the floor is a bare `COPY … FROM STDIN` of the file (psql's \copy) into such a
 * table. Each measurement runs in a child process of its own, so its peak RSS is its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  createReadStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createTrip, importShipmentsCsv, type Actor, type CsvFile } from '../src/app/index.js';
import { csvLine, TEMPLATE_HEADERS } from '../src/csv/index.js';
import { startParserThreadAhead } from '../src/csv/csv-records-worker.js';
import { templateRow } from '../src/csv/test-csv.js';
import { openSqliteFile } from '../src/storage/open-database.js';
import { sqliteHandleOf } from '../src/storage/table-batch.js';
import { benchCompany, openBenchDatabase, type BenchDatabase } from './bench-support.js';
import { ms, timeOnce, timeOnceAsync } from './measure.js';
import { rawCsvRecords } from './raw-csv-records.js';

/** Writes the bench file row by row: the whole text is never held, like a real export. */
export function writeBenchCsv(path: string, shipments: number, commoditiesEach: number): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let buffer = csvLine(TEMPLATE_HEADERS);
  const flush = (): void => {
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  for (let s = 0; s < shipments; s += 1) {
    for (let c = 0; c < commoditiesEach; c += 1) {
      buffer += csvLine(
        templateRow({
          SCN: `ABCD${String(s).padStart(10, '0')}`,
          'Consignee Name': `Consignee ${s}`,
          Description: `Parcel ${s}-${c}, assorted goods`,
          Weight: String(10 + c),
        }),
      );
    }
    if (buffer.length > 1 << 20) flush();
  }
  flush();
  closeSync(fd);
  return bytes;
}

interface Measured {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly detail: string;
}

/** A fresh company and trip in `target` for the bench file (its trailer is the file's). */
async function benchTrip(target: BenchDatabase): Promise<{ actor: Actor; tripId: string }> {
  const actor = await benchCompany(target.deps, 'ABCD');
  const { trip } = await createTrip(target.deps, actor, {
    document: {
      data: 'ACE_TRIP',
      usPortOfArrival: '0901',
      trailers: [{ number: 'TR-5501', type: 'TL' }],
      shipments: [],
    },
  });
  return { actor, tripId: trip.id };
}

/** `emanifest csv import FILE`'s local file: read in place, not spooled. */
function localFile(file: string): CsvFile {
  return {
    kind: 'file',
    bytes: statSync(file).size,
    read: () => createReadStream(file, { highWaterMark: 1 << 16 }),
  };
}

/** Child: the full import into a fresh trip of a fresh database. */
async function measureImport(file: string, postgresUrl: string | undefined): Promise<Measured> {
  // As `emanifest csv import` does at its start: the parser thread starts while the database
  // opens.
  startParserThreadAhead();
  const target = await openBenchDatabase(postgresUrl);
  try {
    const { actor, tripId } = await benchTrip(target);
    let report: Awaited<ReturnType<typeof importShipmentsCsv>> | undefined;
    const started = performance.now();
    const phaseStart = new Map<string, number>();
    const took = await timeOnceAsync(async () => {
      report = await importShipmentsCsv(target.deps, actor, {
        tripId,
        csv: localFile(file),
        onProgress: (progress) => {
          if (!phaseStart.has(progress.phase)) phaseStart.set(progress.phase, performance.now());
        },
      });
    });
    const checking = phaseStart.get('checking') ?? started;
    // A grouped file is read, checked and stored in steps of 100 shipments (checking until the
    // first step is stored, storing after); an upload would be spooled first (reading).
    const phases = `before reading ${ms(checking - started)}, read + check + store ${ms(started + took - checking)}`;
    if (report?.outcome !== 'imported') {
      throw new Error(
        `the bench import was ${report?.outcome}: ${JSON.stringify(report?.issues.slice(0, 3))}`,
      );
    }
    return {
      ms: took,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      detail: phases,
    };
  } finally {
    await target.close();
  }
}

const FLOOR_COLUMNS = TEMPLATE_HEADERS.map((_, i) => `c${i}`);

/** Child: raw parse + bare prepared inserts into one SQLite table in one transaction. */
function measureSqliteFloor(file: string): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-floor-'));
  try {
    const sqlite = openSqliteFile(join(dir, 'floor.sqlite'));
    sqlite.exec(`create table rows (${FLOOR_COLUMNS.map((c) => `${c} text`).join(', ')})`);
    const insert = sqlite.prepare(
      `insert into rows values (${FLOOR_COLUMNS.map(() => '?').join(', ')})`,
    );
    let count = 0;
    const took = timeOnce(() => {
      const bytes = readFileSync(file);
      sqlite.transaction(() => {
        count = rawCsvRecords(bytes, (record) => insert.run(record));
      })();
    });
    sqlite.close();
    return { ms: took, peakRssMb: process.resourceUsage().maxRSS / 1024, detail: `${count} rows` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The rows an import adds: every SCN claim and shipment, and of the audit log the entries it
 * wrote (`imported`: those rows, where the table holds others too).
 */
const STORED_ROWS: readonly { readonly table: string; readonly imported?: string }[] = [
  { table: 'scn_registry' },
  { table: 'shipments' },
  { table: 'audit_log', imported: "action = 'csv-import'" },
];

/** Rows read from the imported database per step, before their inserts are timed. */
const COPY_STEP = 1000;

/**
 * Child: the rows the import stores, inserted bare. The file is imported (not timed) into a
 * fresh database; every row it added (SCN claims, shipments, its audit entries) is then
 * inserted into a second fresh database of the same schema (its indexes and foreign keys), by
 * one prepared single-row statement per table, table after table, in one transaction. Only the
 * inserts and the commit are timed: what the import cannot go below while it stores what it
 * stores, however fast it reads and checks the file.
 */
async function measureStoredRowsFloor(file: string): Promise<Measured> {
  const source = await openBenchDatabase();
  const target = await openBenchDatabase();
  try {
    const { actor, tripId } = await benchTrip(source);
    const report = await importShipmentsCsv(source.deps, actor, { tripId, csv: localFile(file) });
    if (report.outcome !== 'imported') throw new Error(`the bench import was ${report.outcome}`);
    const from = sqliteHandleOf(source.db);
    const to = sqliteHandleOf(target.db);
    if (from === undefined || to === undefined) throw new Error('the bench databases are SQLite');
    // What the rows refer to (the company, its users, the trip) is copied first, untimed.
    to.prepare('attach database ? as source').run(from.name);
    to.pragma('foreign_keys = OFF');
    const tables = to
      .prepare(
        `select name from source.sqlite_master where type = 'table' and name not like 'sqlite%' and name not like 'kysely%'`,
      )
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const stored = STORED_ROWS.find((rows) => rows.table === table);
      if (stored !== undefined && stored.imported === undefined) continue;
      const others = stored?.imported === undefined ? '' : ` where not (${stored.imported})`;
      to.exec(`insert into main.${table} select * from source.${table}${others}`);
    }
    to.exec('detach database source');
    to.pragma('foreign_keys = ON');
    let took = 0;
    const counts: string[] = [];
    to.exec('begin');
    for (const { table, imported } of STORED_ROWS) {
      // The audit log's sequence is the database's to give, as it is in the import.
      const columns = (from.pragma(`table_info(${table})`) as { name: string }[])
        .map((column) => column.name)
        .filter((column) => column !== 'seq');
      const read = from
        .prepare(`select ${columns.join(', ')} from ${table} where ${imported ?? 'true'}`)
        .raw();
      const insert = to.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      let count = 0;
      let step: unknown[][] = [];
      const flush = (): void => {
        const started = performance.now();
        for (const row of step) insert.run(row);
        took += performance.now() - started;
        count += step.length;
        step = [];
      };
      for (const row of read.iterate() as Iterable<unknown[]>) {
        step.push(row);
        if (step.length === COPY_STEP) flush();
      }
      flush();
      counts.push(`${count} ${table}`);
    }
    const committing = performance.now();
    to.exec('commit');
    took += performance.now() - committing;
    return {
      ms: took,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      detail: counts.join(', '),
    };
  } finally {
    await target.close();
    await source.close();
  }
}

/** Child: a bare COPY of the file into one PostgreSQL table (psql \copy, one transaction). */
function measurePostgresFloor(file: string, url: string): Measured {
  const table = `floor_${process.pid}`;
  execFileSync('psql', [
    url,
    '-q',
    '-c',
    `create table ${table} (${FLOOR_COLUMNS.map((c) => `${c} text`).join(', ')})`,
  ]);
  try {
    const took = timeOnce(() => {
      execFileSync('psql', [
        url,
        '-q',
        '-c',
        `\\copy ${table} from '${file}' with (format csv, header true)`,
      ]);
    });
    return { ms: took, peakRssMb: process.resourceUsage().maxRSS / 1024, detail: 'psql \\copy' };
  } finally {
    execFileSync('psql', [url, '-q', '-c', `drop table ${table}`]);
  }
}

function inChild(args: readonly string[]): Measured {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`bench child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
}

function fastest(measured: readonly Measured[]): Measured {
  return measured.reduce((best, next) => (next.ms < best.ms ? next : best));
}

export function psqlAvailable(): boolean {
  return spawnSync('psql', ['--version']).status === 0;
}

/** Lines for `npm run bench`: figure, floor, ratio and peak RSS per size and database. */
export function runCsvImportBench(
  sizes: readonly number[] = [10_000, 100_000],
  postgresUrl?: string,
): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-csv-bench-'));
  const lines: string[] = [];
  try {
    for (const shipments of sizes) {
      const file = join(dir, `shipments-${shipments}.csv`);
      const bytes = writeBenchCsv(file, shipments, 3);
      const rows = (shipments * 3).toLocaleString('en-US');
      const size = `${rows} rows, ${shipments.toLocaleString('en-US')} shipments, ${(bytes / 1e6).toFixed(1)} MB`;
      const targets: [string, string | undefined][] = [['SQLite', undefined]];
      if (postgresUrl !== undefined && psqlAvailable()) targets.push(['PostgreSQL', postgresUrl]);
      for (const [label, url] of targets) {
        // The fastest of a few runs each, taken in turns: a single run of a one-second import
        // on a shared two-core machine varies by a fifth. The large file runs once.
        const runs = shipments <= 10_000 ? 3 : 1;
        const fulls: Measured[] = [];
        const floors: Measured[] = [];
        const stored: Measured[] = [];
        for (let run = 0; run < runs; run += 1) {
          fulls.push(inChild(['import', file, ...(url === undefined ? [] : [url])]));
          floors.push(
            inChild(url === undefined ? ['floor-sqlite', file] : ['floor-postgres', file, url]),
          );
          if (url === undefined) stored.push(inChild(['stored-rows', file]));
        }
        // Time of the fastest run, memory of the hungriest.
        const full = {
          ...fastest(fulls),
          peakRssMb: Math.max(...fulls.map((measured) => measured.peakRssMb)),
        };
        const floor = fastest(floors);
        // How much of the import is storing what it stores, and how much the rest.
        const storing =
          stored.length === 0
            ? ''
            : `; the rows it stores inserted bare (SCN claims, shipments, audit entries, with their indexes) ${ms(fastest(stored).ms)}, ${(fastest(stored).ms / floor.ms).toFixed(2)} × the floor`;
        lines.push(
          `${label}, ${size}${runs > 1 ? ` (fastest of ${runs} runs)` : ''}: import (parse + validate + store) ${ms(full.ms)}; floor (${url === undefined ? 'uDSV parse + prepared inserts, one table, one transaction' : 'bare COPY'}) ${ms(floor.ms)}; ratio ${(full.ms / floor.ms).toFixed(2)}${storing}; import peak RSS ${full.peakRssMb.toFixed(0)} MB (${full.detail})`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

async function child(argv: readonly string[]): Promise<void> {
  const [kind, file, url] = argv;
  if (file === undefined) throw new Error('usage: csv-import.bench.js KIND FILE [URL]');
  const measured =
    kind === 'import'
      ? await measureImport(file, url)
      : kind === 'floor-sqlite'
        ? measureSqliteFloor(file)
        : kind === 'stored-rows'
          ? await measureStoredRowsFloor(file)
          : measurePostgresFloor(file, url ?? '');
  console.log(JSON.stringify(measured));
}

// Run directly: `node dist/bench/csv-import.bench.js` prints the figures (sizes from
// BENCH_CSV_SHIPMENTS, comma-separated); with a KIND it is one measurement's child process.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  if (argv.length > 0) {
    child(argv).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  } else {
    const sizes = (process.env['BENCH_CSV_SHIPMENTS'] ?? '10000,100000').split(',').map(Number);
    for (const line of runCsvImportBench(sizes, process.env['BENCH_POSTGRES_URL']))
      console.log(line);
  }
}
