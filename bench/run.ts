/**
 * `npm run bench`: quick-assign search latency at 100,000 parties and create-shipment
 * throughput, importing 10,000 shipments through the API (and the rule engine on a
 * 10,000-shipment trip; a 30,000-row bulk CSV checked, and imported with 300,000 rows too; the
 * X12 309s of that trip, and the ingest of its 10,000 shipment statuses (350s); its lead sheet
 * PDF; the web app in Chromium on such a trip), each next to a baseline measured in the same
 * run. SQLite always; PostgreSQL too when BENCH_POSTGRES_URL is set. Numbers are printed, never
 * asserted (machines differ).
 *
 * `node dist/bench/run.js csv-import` runs only the sections whose names contain one of the
 * arguments (rule-engine, edi, csv-check, csv-import, web-app, paperwork, database).
 */
import { benchCreateShipment } from './create-shipment-throughput.js';
import { runCsvCheckBench } from './csv-check.bench.js';
import { runCsvImportBench } from './csv-import.bench.js';
import { runEdiWriteBench } from './edi-write.bench.js';
import { runIngest350Bench } from './ingest-350.bench.js';
import { openBenchDatabase } from './bench-support.js';
import { benchImportRequest } from './import-request.js';
import { benchQuickAssign } from './quick-assign-search.js';
import { runLeadSheetBench } from './lead-sheet.bench.js';
import { runValidationBench } from './validation.bench.js';
import { runWebAppBench } from './web-app.bench.js';

const PARTIES = Number(process.env['BENCH_PARTIES'] ?? 100_000);
const QUERIES = 200;
const SHIPMENTS = Number(process.env['BENCH_SHIPMENTS'] ?? 2_000);
const IMPORT_SHIPMENTS = Number(process.env['BENCH_IMPORT_SHIPMENTS'] ?? 10_000);
const LEAD_SHEET_SHIPMENTS = Number(process.env['BENCH_LEAD_SHEET_SHIPMENTS'] ?? 10_000);

const FILTERS = process.argv.slice(2);

/** Whether the section named runs: every one without arguments, else those named. */
function runs(section: string): boolean {
  return FILTERS.length === 0 || FILTERS.some((filter) => section.includes(filter));
}

async function main(): Promise<void> {
  const targets: (string | undefined)[] = [undefined];
  const postgresUrl = process.env['BENCH_POSTGRES_URL'];
  if (postgresUrl !== undefined && postgresUrl !== '') targets.push(postgresUrl);
  console.log(`ACE eManifest benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  if (runs('rule-engine')) {
    console.log('\nRule engine');
    for (const line of runValidationBench()) console.log(`  ${line}`);
  }
  if (runs('edi')) {
    console.log('\nEDI (X12) writer');
    for (const line of runEdiWriteBench()) console.log(`  ${line}`);
    const statuses = Number(process.env['BENCH_350_STATUSES'] ?? 10_000);
    for (const line of await runIngest350Bench(statuses)) console.log(`  ${line}`);
  }
  if (runs('csv-check')) {
    console.log('\nBulk CSV (read + map + rules, no database)');
    for (const line of await runCsvCheckBench()) console.log(`  ${line}`);
  }
  if (runs('csv-import')) {
    console.log(
      '\nBulk CSV import (read + rules + store in one transaction, vs raw parse + bare inserts)',
    );
    const csvSizes = (process.env['BENCH_CSV_SHIPMENTS'] ?? '10000,100000').split(',').map(Number);
    for (const line of runCsvImportBench(csvSizes, postgresUrl === '' ? undefined : postgresUrl))
      console.log(`  ${line}`);
  }
  if (runs('web-app')) {
    console.log('\nWeb app in Chromium (a 10,000-shipment trip)');
    for (const line of await runWebAppBench()) console.log(`  ${line}`);
  }
  if (runs('paperwork')) {
    console.log('\nPaperwork');
    for (const line of await runLeadSheetBench(LEAD_SHEET_SHIPMENTS)) console.log(`  ${line}`);
  }
  for (const url of runs('database') ? targets : []) {
    const target = await openBenchDatabase(url);
    try {
      console.log(`\n${target.label}`);
      console.log(
        `Quick-assign search, ${PARTIES.toLocaleString('en-US')} parties in one address book`,
      );
      await benchQuickAssign(target, PARTIES, QUERIES);
      console.log('Create shipment');
      await benchCreateShipment(target, SHIPMENTS);
      console.log('Import through the API');
      await benchImportRequest(target, IMPORT_SHIPMENTS);
    } finally {
      await target.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
