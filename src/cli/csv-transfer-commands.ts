import { parseArgs } from 'node:util';
import {
  AppError,
  authenticateApiToken,
  exportShipmentsCsv,
  importShipmentsCsv,
  listTrips,
  randomIds,
  systemClock,
  type Actor,
  type AppDeps,
  type CsvImportReport,
} from '../app/index.js';
import { readRegulationFile } from '../config/regulation-file.js';
import { parseConfig } from '../config/service-config.js';
import { failedRowsCsv } from '../csv/index.js';
import { createSqlStore, migrateToLatest, openDatabase } from '../storage/index.js';
import { csvIssueJson, csvIssueLines, plural } from './csv-issue-lines.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';
import { progressReporter } from './progress.js';
import { reportFormat } from './option-values.js';

/**
 * `emanifest csv import` and `emanifest csv export`: the bulk upload against the service's own
 * database, acting as the API token in EMANIFEST_TOKEN (docs/cli.md), through the same use
 * cases as the API.
 */

const TOKEN_VARIABLE = 'EMANIFEST_TOKEN';

interface Target {
  readonly tripNumber: string | null;
}

function target(values: { trip?: string | undefined; unassociated?: boolean | undefined }): Target {
  if ((values.trip === undefined) === (values.unassociated !== true)) {
    throw new UsageError('give either --trip TRIPNUMBER or --unassociated.');
  }
  return { tripNumber: values.trip ?? null };
}

/** Opens the configured database, authenticates the token and runs `work`; closes after. */
async function withService<T>(
  io: CliIo,
  work: (deps: AppDeps, actor: Actor) => Promise<T>,
): Promise<T> {
  const secret = io.env[TOKEN_VARIABLE];
  if (secret === undefined || secret.trim() === '') {
    throw new UnusableError(
      `${TOKEN_VARIABLE} is not set: create an API token (POST /api/v1/api-tokens, or Settings → API tokens) and export it.`,
    );
  }
  const parsed = parseConfig(io.env);
  if (!parsed.ok) {
    throw new UnusableError(`configuration is invalid:\n  ${parsed.errors.join('\n  ')}`);
  }
  const { config } = parsed;
  const regulations =
    config.rulesFile === undefined
      ? undefined
      : await readRegulationFile('RULES_FILE', config.rulesFile, io.readFile);
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const deps: AppDeps = {
      store: createSqlStore(db),
      clock: systemClock,
      ids: randomIds,
      regulations,
    };
    const actor = await authenticateApiToken(deps, { secret: secret.trim() });
    return await work(deps, actor);
  } catch (error) {
    if (error instanceof AppError) {
      const where = error.issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join('');
      throw new UnusableError(`${error.message}${where}`);
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

/** The trip with exactly this number in the actor's company. */
async function tripIdOf(
  deps: AppDeps,
  actor: Actor,
  tripNumber: string | null,
): Promise<string | null> {
  if (tripNumber === null) return null;
  let cursor: string | undefined;
  do {
    const page = await listTrips(deps, actor, { text: tripNumber, cursor, limit: 100 });
    const found = page.items.find((trip) => trip.tripNumber === tripNumber);
    if (found !== undefined) return found.id;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  throw new UnusableError(`there is no trip ${tripNumber} in this company.`);
}

async function* chunksOf(io: CliIo, file: string): AsyncGenerator<Uint8Array> {
  if (io.readChunks !== undefined) {
    yield* io.readChunks(file);
    return;
  }
  const bytes = await io.readBytes(file);
  for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
}

export async function csvImportCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      trip: { type: 'string' },
      unassociated: { type: 'boolean' },
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
  const report = await withService(io, async (deps, actor) => {
    const tripId = await tripIdOf(deps, actor, where.tripNumber);
    const progress = progressReporter(io, size);
    try {
      return await importShipmentsCsv(deps, actor, {
        tripId,
        csv: chunksOf(io, file),
        mode: values.partial === true ? 'partial' : 'all-or-nothing',
        onProgress: progress.update,
      });
    } catch (error) {
      if (error instanceof Error && 'code' in error && String(error.code).startsWith('E')) {
        throw new UnusableError(`${file} cannot be read (${String(error.code)}).`);
      }
      throw error;
    } finally {
      progress.done();
    }
  });
  const failedRowsFile = values['failed-rows'];
  if (failedRowsFile !== undefined && report.failedRows.length > 0) {
    await io.writeFile(failedRowsFile, failedRowsCsv(report.failedRows));
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
): string {
  const into =
    where.tripNumber === null ? 'the unassociated shipments' : `trip ${where.tripNumber}`;
  const counts = `${plural(report.rowCount, 'row')}, ${plural(report.shipmentCount, 'shipment')}`;
  const headline =
    report.outcome === 'imported'
      ? `✓ ${file} — ${counts}: ${plural(report.created, 'shipment')} imported into ${into}, ${report.unchanged.toLocaleString('en-US')} already there unchanged`
      : report.outcome === 'partial'
        ? `! ${file} — ${counts}: ${plural(report.created, 'shipment')} imported into ${into}, ${report.unchanged.toLocaleString('en-US')} unchanged, ${plural(report.failed, 'shipment')} NOT imported (${plural(report.failedRows.length, 'row')})`
        : `✗ ${file} — ${counts}: NOTHING imported: ${plural(report.failedRows.length, 'row')} with errors (all or nothing; --partial imports the valid shipments)`;
  const lines = [headline, ...csvIssueLines(report.issues)];
  if (report.failedRows.length > 0) {
    lines.push(
      failedRowsFile === undefined
        ? 'Add --failed-rows FILE.csv to get the failed rows as CSV with an Errors column.'
        : `The failed rows are in ${failedRowsFile}, with an Errors column.`,
    );
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
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length > 0) throw new UsageError('csv export takes no FILE; use -o FILE.');
  const where = target(values);
  const text = await withService(io, async (deps, actor) => {
    const tripId = await tripIdOf(deps, actor, where.tripNumber);
    const exported = await exportShipmentsCsv(deps, actor, { tripId });
    return [...exported.lines].join('');
  });
  if (values.output === undefined) {
    io.stdout(text);
  } else {
    await io.writeFile(values.output, text);
    io.stderr(`Wrote ${values.output}.\n`);
  }
  return EXIT.ok;
}
