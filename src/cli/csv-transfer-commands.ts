import { parseArgs } from 'node:util';
import {
  CsvImportCancelled,
  exportShipmentsCsv,
  importShipmentsCsv,
  type Actor,
  type AppDeps,
  type CsvImportReport,
} from '../app/index.js';
import { failedRowsCsv } from '../csv/index.js';
import { parsedInWorker, startParserThreadAhead } from '../csv/csv-records-worker.js';
import { csvIssueJson, csvIssueLines, plural } from './csv-issue-lines.js';
import { EXIT, fileChunks, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';
import { checkOutputFile, reasonOf, writeOutputFile } from './output-file.js';
import { progressReporter } from './progress.js';
import { withServiceActor } from './service-database.js';
import { tripIdOf } from './trip-by-number.js';
import { reportFormat } from './option-values.js';

/**
 * `emanifest csv import` and `emanifest csv export`: the bulk upload against the service's own
 * database, acting as the API token in EMANIFEST_TOKEN (docs/cli.md), through the same use
 * cases as the API.
 */

interface Target {
  readonly tripNumber: string | null;
}

function target(values: { trip?: string | undefined; unassociated?: boolean | undefined }): Target {
  if ((values.trip === undefined) === (values.unassociated !== true)) {
    throw new UsageError('give either --trip TRIPNUMBER or --unassociated.');
  }
  return { tripNumber: values.trip ?? null };
}

/** The trip named, or null for the unassociated shipments. */
async function tripOrUnassociated(
  deps: AppDeps,
  actor: Actor,
  tripNumber: string | null,
): Promise<string | null> {
  return tripNumber === null ? null : await tripIdOf(deps, actor, tripNumber);
}

/** The file's chunks; failing to read the file (and only that) is the user's to fix: exit 2. */
async function* chunksOf(io: CliIo, file: string): AsyncGenerator<Uint8Array> {
  try {
    yield* fileChunks(io, file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UnusableError(`${file} cannot be read (${reason}).`);
  }
}

export async function csvImportCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      trip: { type: 'string' },
      unassociated: { type: 'boolean' },
      company: { type: 'string' },
      partial: { type: 'boolean' },
      'failed-rows': { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) throw new UsageError('csv import needs one FILE.');
  const where = target(values);
  const format = reportFormat(values.format);
  const size = await io.fileSize?.(file).catch(() => undefined);
  if (io.fileSize !== undefined && size === undefined) {
    throw new UnusableError(`${file} cannot be read.`);
  }
  // A large file's parser thread starts while the database opens.
  if (size !== undefined && parsedInWorker(size)) startParserThreadAhead();
  // Before anything is stored: with --partial the valid shipments commit before the failed
  // rows are written, and exit 2 says nothing was stored.
  const failedRowsFile = values['failed-rows'];
  if (failedRowsFile !== undefined) await checkOutputFile(io, failedRowsFile, '--failed-rows ');
  // Ctrl-C cancels the import: the transaction rolls back, so nothing is stored.
  const interrupt = new AbortController();
  const stopListening =
    io.onInterrupt?.(() => {
      interrupt.abort();
    }) ?? ((): void => undefined);
  let report: CsvImportReport;
  try {
    const database = { company: values.company, use: 'write' } as const;
    report = await withServiceActor(io, database, async (deps, actor) => {
      const tripId = await tripOrUnassociated(deps, actor, where.tripNumber);
      const progress = progressReporter(io, size);
      try {
        return await importShipmentsCsv(deps, actor, {
          tripId,
          // A file of known size is read in place (read again if its rows are not grouped).
          // A pipe (`<(…)`, /dev/stdin) has no size and cannot be read twice: it is copied to a
          // spool first, as an upload is.
          csv:
            size === undefined || size === 0
              ? chunksOf(io, file)
              : { kind: 'file', bytes: size, read: () => chunksOf(io, file) },
          mode: values.partial === true ? 'partial' : 'all-or-nothing',
          onProgress: progress.update,
          signal: interrupt.signal,
        });
      } finally {
        progress.done();
      }
    });
  } catch (error) {
    if (!(error instanceof CsvImportCancelled)) throw error;
    io.stderr('Cancelled; nothing was stored.\n');
    return EXIT.interrupted;
  } finally {
    stopListening();
  }
  if (failedRowsFile !== undefined && report.failedRows.length > 0) {
    if (report.created === 0) {
      // Nothing was stored: exit 2 is true, and the import can simply be run again.
      await writeOutputFile(io, failedRowsFile, failedRowsCsv(report.failedRows));
    } else {
      const reason = await writeFailure(io, failedRowsFile, failedRowsCsv(report.failedRows));
      if (reason !== undefined) {
        // The shipments are committed: exit 2 ("nothing stored") would be false. The report
        // still goes out, and exit 1 is what a partial import is (docs/cli.md).
        io.stdout(
          format === 'json'
            ? jsonReport(file, report)
            : textReport(file, where, report, failedRowsFile, reason),
        );
        io.stderr(
          `emanifest csv: ${plural(report.created, 'shipment')} stored, but the failed rows could not be written to ${failedRowsFile} (${reason}); the report lists them by row number.\n`,
        );
        return EXIT.invalid;
      }
    }
  }
  io.stdout(
    format === 'json' ? jsonReport(file, report) : textReport(file, where, report, failedRowsFile),
  );
  const unreadable =
    report.outcome === 'rejected' &&
    report.shipmentCount === 0 &&
    report.issues.some(
      (issue) => issue.code === 'CSV_NOT_CSV' || issue.code === 'CSV_HEADER_INVALID',
    );
  if (unreadable) return EXIT.unusable;
  return report.outcome === 'imported' ? EXIT.ok : EXIT.invalid;
}

/** Writes `path`, answering why it could not be written instead of throwing. */
async function writeFailure(io: CliIo, path: string, data: string): Promise<string | undefined> {
  try {
    await io.writeFile(path, data);
    return undefined;
  } catch (error) {
    return reasonOf(error);
  }
}

function jsonReport(file: string, report: CsvImportReport): string {
  const { failedRows, issues, ...counts } = report;
  return (
    JSON.stringify(
      {
        file,
        ...counts,
        issues: issues.map(csvIssueJson),
        failedRows: failedRows.map((row) => row.row),
      },
      null,
      2,
    ) + '\n'
  );
}

function textReport(
  file: string,
  where: Target,
  report: CsvImportReport,
  failedRowsFile: string | undefined,
  /** Why failedRowsFile could not be written, when it could not. */
  unwritten?: string,
): string {
  const into =
    where.tripNumber === null ? 'the unassociated shipments' : `trip ${where.tripNumber}`;
  const counts = `${plural(report.rowCount, 'row')}, ${plural(report.shipmentCount, 'shipment')}`;
  const headline =
    report.outcome === 'imported'
      ? `✓ ${file} — ${counts}: ${plural(report.created, 'shipment')} imported into ${into}, ${report.unchanged.toLocaleString('en-US')} already there unchanged`
      : report.outcome === 'partial'
        ? `! ${file} — ${counts}: ${plural(report.created, 'shipment')} imported into ${into}, ${report.unchanged.toLocaleString('en-US')} unchanged, ${notImported(report)}`
        : report.failedRows.length === 0
          ? `✗ ${file} — ${counts}: NOTHING imported: the file was refused (below)`
          : `✗ ${file} — ${counts}: NOTHING imported: ${plural(report.failedRows.length, 'row')} with errors${report.mode === 'all-or-nothing' ? ' (all or nothing; --partial imports the valid shipments)' : ''}`;
  const lines = [headline, ...csvIssueLines(report.issues)];
  if (report.failedRows.length > 0) {
    lines.push(
      failedRowsFile === undefined
        ? 'Add --failed-rows FILE.csv to get the failed rows as CSV with an Errors column.'
        : unwritten === undefined
          ? `The failed rows are in ${failedRowsFile}, with an Errors column.`
          : `The failed rows could NOT be written to ${failedRowsFile} (${unwritten}).`,
    );
    // Re-importing only the failed rows would leave the valid shipments out.
    if (report.outcome === 'rejected' && report.mode === 'all-or-nothing') {
      lines.push(`Nothing was stored: correct ${file} and import it whole.`);
    }
  }
  return lines.join('\n') + '\n';
}

export async function csvExportCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      trip: { type: 'string' },
      unassociated: { type: 'boolean' },
      company: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length > 0) throw new UsageError('csv export takes no FILE; use -o FILE.');
  const where = target(values);
  const output = values.output;
  if (output !== undefined) await checkOutputFile(io, output);
  const database = { company: values.company, use: 'read' } as const;
  const exported = await withServiceActor(io, database, async (deps, actor) => {
    const tripId = await tripOrUnassociated(deps, actor, where.tripNumber);
    return (await exportShipmentsCsv(deps, actor, { tripId })).file;
  });
  // The export was written to a temporary file a page at a time; it is copied from there, and
  // the file goes when its stream closes, copied whole or not.
  const stream = exported.open();
  try {
    if (output === undefined) {
      stream.setEncoding('utf8');
      for await (const text of stream) io.stdout(text as string);
    } else {
      await writeOutputFile(io, output, stream);
      io.stderr(`Wrote ${output}.\n`);
    }
  } finally {
    stream.destroy();
  }
  return EXIT.ok;
}

/**
 * What a partial import left out: the failed shipments and their rows, or only rows when none
 * of them made a shipment (a row placed in no shipment, such as an SCN mixing typed and
 * AUTOFILL, fails alone).
 */
function notImported(report: CsvImportReport): string {
  const rows = plural(report.failedRows.length, 'row');
  return report.failed === 0
    ? `${rows} NOT imported`
    : `${plural(report.failed, 'shipment')} NOT imported (${rows})`;
}
