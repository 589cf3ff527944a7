import { parseArgs } from 'node:util';
import { hasErrors } from '../domain/index.js';
import { recordSourceFor } from '../csv/csv-records-worker.js';
import { checkShipmentCsv, type CsvCheckResult, type CsvIssue } from '../csv/index.js';
import { csvIssueJson, csvIssueLines, plural } from './csv-issue-lines.js';
import { csvExportCommand, csvImportCommand } from './csv-transfer-commands.js';
import { EXIT, fileChunks, UsageError, type CliIo, type ExitCode } from './io.js';
import { nowOption, reportFormat, scacOption } from './option-values.js';

export const CSV_USAGE = `Usage: emanifest csv check FILE --scac ABCD [--now ISO-8601] [--format text|json]
       emanifest csv import FILE (--trip TRIPNUMBER | --unassociated) [--company SCAC]
                                 [--partial] [--failed-rows OUT.csv] [--format text|json]
       emanifest csv export (--trip TRIPNUMBER | --unassociated) [--company SCAC] [-o FILE]

Checks a bulk-upload CSV of shipments (docs/csv-template.md) without any database: reads it
row by row, builds the shipments and runs CBP's rules on them. Every issue names its CSV row
(the header is row 1), column and value.

  --scac ABCD      the carrier's SCAC (SCN prefix; <SCAC>AUTOFILL SCNs are numbered from it)
  --now ISO-8601   the instant to check timing against (default: the current time)
  --format FORMAT  text (default, for people) or json (for programs)

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the file could not be read or
is not a CSV of the template.

import and export use the service's database (DATABASE_URL, or SQLITE_PATH), as its operator in
the company --company names (or the only one), or as the API token in EMANIFEST_TOKEN (a
dispatcher's to import; any role to export) so that the audit log names it. import streams the file, checks every shipment and stores them in one
transaction: all or nothing unless --partial, which stores the valid shipments and lists the
failed rows (--failed-rows writes them as CSV with an Errors column). Shipments already in the
trip with the same content are skipped, so running it twice stores no duplicates. Progress goes
to stderr: a bar on a terminal, plain lines otherwise. Ctrl-C cancels the import: nothing is
stored. Exit status: 0 imported, 1 rows failed (nothing stored, or only the valid shipments
with --partial, also when --failed-rows could not be written after them) or not allowed,
2 unusable file, trip or configuration (nothing stored), 130 cancelled. export writes the template CSV to FILE or stdout.`;

interface CsvCheckOptions {
  readonly file: string;
  readonly scac: string;
  readonly now: Date | undefined;
  readonly format: 'text' | 'json';
}

function parseOptions(args: readonly string[]): CsvCheckOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      now: { type: 'string' },
      scac: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  const [subcommand, file, ...rest] = positionals;
  if (subcommand !== 'check') {
    throw new UsageError(
      subcommand === undefined ? 'csv needs a subcommand.' : `unknown subcommand "${subcommand}".`,
    );
  }
  if (file === undefined || rest.length > 0) throw new UsageError('csv check needs one FILE.');
  const scac = scacOption(values.scac);
  if (scac === undefined) {
    throw new UsageError("csv check needs --scac: the carrier's 4-letter SCAC.");
  }
  const format = reportFormat(values.format);
  const now = nowOption(values.now);
  return { file, scac, now, format };
}

type Outcome = CsvCheckResult | { readonly kind: 'unreadable'; readonly issues: CsvIssue[] };

export async function csvCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  if (args[0] === 'import') return csvImportCommand(io, args.slice(1));
  if (args[0] === 'export') return csvExportCommand(io, args.slice(1));
  const options = parseOptions(args);
  let outcome: Outcome;
  try {
    // A large file is parsed in a worker thread while this one maps and checks it (ADR 0018).
    const size = await io.fileSize?.(options.file).catch(() => undefined);
    outcome = await checkShipmentCsv(fileChunks(io, options.file), {
      now: options.now ?? io.clock(),
      scac: options.scac,
      records: size === undefined ? undefined : recordSourceFor(size),
    });
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    outcome = {
      kind: 'unreadable',
      issues: [
        {
          code: 'FILE_UNREADABLE',
          severity: 'error',
          path: '',
          message: `${options.file} cannot be read (${reason}).`,
          row: null,
          column: null,
          value: null,
        },
      ],
    };
  }
  io.stdout(
    options.format === 'json'
      ? jsonReport(options.file, outcome)
      : textReport(options.file, outcome),
  );
  if (outcome.kind !== 'checked') return EXIT.unusable;
  return hasErrors(outcome.issues) ? EXIT.invalid : EXIT.ok;
}

function jsonReport(file: string, outcome: Outcome): string {
  const checked = outcome.kind === 'checked';
  return (
    JSON.stringify(
      {
        file,
        valid: checked && !hasErrors(outcome.issues),
        rows: checked ? outcome.rowCount : null,
        shipments: checked ? outcome.shipmentCount : null,
        issues: outcome.issues.map(csvIssueJson),
      },
      null,
      2,
    ) + '\n'
  );
}

function textReport(file: string, outcome: Outcome): string {
  const errors = outcome.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = outcome.issues.length - errors;
  const headline =
    outcome.kind !== 'checked'
      ? `✗ ${file}: cannot be checked`
      : `${errors > 0 ? '✗' : warnings > 0 ? '!' : '✓'} ${file} — ${plural(outcome.rowCount, 'row')}, ${plural(outcome.shipmentCount, 'shipment')}: ${
          errors > 0
            ? `REFUSED: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
            : warnings > 0
              ? `ready to import, ${plural(warnings, 'warning')}`
              : 'ready to import, no problems found'
        }`;
  const lines = [headline, ...csvIssueLines(outcome.issues)];
  return lines.join('\n') + '\n';
}
