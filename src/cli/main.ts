import { dropOutputOfClosedPipes, writeUnlessClosed } from './closed-output.js';
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { AppError } from '../app/index.js';
import { SettingFileError } from '../config/setting-file.js';
import { DATABASE_BUSY_MESSAGE, isDatabaseUnavailable, isSqliteBusy } from '../storage/index.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';
import { MAX_INPUT_FILE_BYTES, readCapped, readCappedText } from '../files/read-capped.js';
import { checkWritable, makeDirectory } from './process-files.js';
import { BACKUP_USAGE, backupCommand } from './backup-command.js';
import { CBP_SIMULATOR_USAGE, cbpSimulatorCommand } from './cbp-simulator-command.js';
import { COMPANY_USAGE, companyCommand } from './company-command.js';
import { CSV_USAGE, csvCommand } from './csv-command.js';
import { SERVE_USAGE, serveCommand } from './serve-command.js';
import { FILING_USAGE, filingCommand } from './filing-command.js';
import { SYNC_USAGE, syncCommand } from './sync-command.js';
import { TRIPS_USAGE, tripsCommand } from './trips-command.js';
import { EDI_USAGE, ediCommand } from './edi-command.js';
import { VALIDATE_USAGE, validateCommand } from './validate-command.js';
import {
  LABELS_USAGE,
  labelsCommand,
  LEAD_SHEET_USAGE,
  leadSheetCommand,
  SHIPMENT_PAPERS_USAGE,
  shipmentPapersCommand,
} from './paperwork-commands.js';

/**
 * `emanifest` — the command line. Every failure becomes a message and an exit code
 * (0 fine, 1 invalid data, 2 unusable input or usage); a stack trace never reaches the user.
 */
const USAGE = `Usage: emanifest <command> [options]

Commands:
  validate FILE...   check trip documents against CBP's rules (emanifest validate --help)
  csv check FILE     check a bulk-upload CSV of shipments (no database; docs/csv-template.md)
  csv import FILE    import a bulk-upload CSV into a trip (--trip) or unassociated
  csv export         write a trip's shipments as the CSV template (--trip)
  edi --document F   write the X12 interchanges a filing of a trip document would send
  serve              run the service (REST API) on SQLite, or PostgreSQL with DATABASE_URL
  trips              list the carrier's trips: ETA, port, where CBP stands, errors
  sync TRIPNUMBER    send CBP what it needs to match a trip (emanifest sync --help)
  filing TRIPNUMBER  where a trip and each of its shipments stand at CBP
  cbp-simulator      run a simulator of CBP's ACE truck manifest mailbox on loopback
  backup FILE        make a consistent copy of the live SQLite database
  company create     add a carrier and invite its first admin (emanifest company --help)
  company edi        show or set a carrier's sender ID and filing mode (test or production)
  lead-sheet         print a trip's or a day's lead sheets, or a QR placard, as PDF
  shipment-papers    print an informal shipment's papers as PDF (stored shipment or document)
  labels             reserve the next SCNs and print them as PAPS labels (PDF)

Run \`emanifest <command> --help\` for a command's options.`;

type Command = (io: CliIo, args: readonly string[]) => Promise<ExitCode>;

const COMMANDS: Readonly<Record<string, { run: Command; usage: string }>> = {
  validate: { run: validateCommand, usage: VALIDATE_USAGE },
  edi: { run: ediCommand, usage: EDI_USAGE },
  csv: { run: csvCommand, usage: CSV_USAGE },
  backup: { run: backupCommand, usage: BACKUP_USAGE },
  serve: { run: serveCommand, usage: SERVE_USAGE },
  sync: { run: syncCommand, usage: SYNC_USAGE },
  filing: { run: filingCommand, usage: FILING_USAGE },
  trips: { run: tripsCommand, usage: TRIPS_USAGE },
  'cbp-simulator': { run: cbpSimulatorCommand, usage: CBP_SIMULATOR_USAGE },
  company: { run: companyCommand, usage: COMPANY_USAGE },
  'lead-sheet': { run: leadSheetCommand, usage: LEAD_SHEET_USAGE },
  'shipment-papers': { run: shipmentPapersCommand, usage: SHIPMENT_PAPERS_USAGE },
  labels: { run: labelsCommand, usage: LABELS_USAGE },
};

export async function run(io: CliIo, argv: readonly string[]): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE + '\n');
    return name === undefined ? EXIT.unusable : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`emanifest: unknown command "${name}".\n\n${USAGE}\n`);
    return EXIT.unusable;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(io, args);
  } catch (error) {
    // A use case's refusal (not found, no right, invalid data, a conflict): its words and
    // issues, exit 1, as the API would answer them.
    if (error instanceof AppError) {
      const where = error.issues.map((i) => `\n  ${i.code} ${i.path || '/'}: ${i.message}`);
      io.stderr(`emanifest ${name}: ${error.message}${where.join('')}\n`);
      return EXIT.invalid;
    }
    if (error instanceof UnusableError || error instanceof SettingFileError) {
      io.stderr(`emanifest ${name}: ${error.message}\n`);
      return EXIT.unusable;
    }
    // Not the command line's fault: no usage text. SQLite takes one writer at a time, and a
    // large import in the running service or another command holds the lock for seconds; the
    // store waited for it (busy.ts) and gave up. The API's sentence, word for word.
    if (isSqliteBusy(error)) {
      io.stderr(`emanifest ${name}: ${DATABASE_BUSY_MESSAGE} Nothing was changed.\n`);
      return EXIT.unusable;
    }
    if (isDatabaseUnavailable(error)) {
      io.stderr(
        `emanifest ${name}: the database is busy or does not answer (${error instanceof Error ? error.message : String(error)}); nothing was changed. Another process may be writing to it, such as an import in the running service: try again in a moment.\n`,
      );
      return EXIT.unusable;
    }
    const message =
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
        ? error.message
        : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr(`emanifest ${name}: ${message}\n\n${command.usage}\n`);
    return EXIT.unusable;
  }
}

export const processIo: CliIo = {
  stdout: (text) => {
    writeUnlessClosed(process.stdout, text);
  },
  stderr: (text) => {
    writeUnlessClosed(process.stderr, text);
  },
  readFile: readCappedText,
  readBytes: (path) => readCapped(path, MAX_INPUT_FILE_BYTES),
  readChunks: (path) => createReadStream(path),
  fileSize: async (path) => (await stat(path)).size,
  stderrIsTty: process.stderr.isTTY,
  writeFile: (path, data) => writeFile(path, data),
  makeDirectory,
  checkWritable,
  clock: () => new Date(),
  env: process.env,
  onInterrupt: (cancel) => {
    process.once('SIGINT', cancel);
    return () => {
      process.off('SIGINT', cancel);
    };
  },
};

/** Entry point used by bin/emanifest.js. */
export async function main(): Promise<void> {
  dropOutputOfClosedPipes();
  process.exitCode = await run(processIo, process.argv.slice(2));
}
