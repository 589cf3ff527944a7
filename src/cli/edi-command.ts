import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors, isTripDocument, parseManifestDocument, type Issue } from '../domain/index.js';
import {
  defaultEdiProfile,
  sequentialControlNumbers,
  writeFiling,
  type EdiProfile,
} from '../edi/index.js';
import { validateDocument } from '../rules/index.js';
import { readEdiProfileFile } from '../config/setting-file.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';
import { nowOption } from './option-values.js';
import { makeOutputFolder, writeOutputFile } from './output-file.js';
import { readJsonFile } from './read-document-file.js';
import { textReport } from './text-report.js';

export const EDI_USAGE = `Usage: emanifest edi --document TRIP.json [--profile FILE] [--out DIR] [--now ISO-8601]

Writes, without any database, the X12 interchanges a complete filing of the trip would send to
CBP: the shipments as preliminary 309s (at most 9,999 each), then the 358 with the trip. One
file per interchange, numbered in sending order (001-309.x12, 002-358.x12, …). See docs/edi.md.

  --document FILE  the trip document (ACE_TRIP JSON, docs/trip-document.md)
  --profile FILE   a replacement CBP trading-partner profile (JSON, docs/edi.md)
  --out DIR        where to write the files (default: the current folder)
  --now ISO-8601   the instant to validate against and stamp in ISA/GS (default: now)

Control numbers start at 1 in every run: the service keeps them per company.

Exit status: 0 written (warnings allowed), 1 the document has errors (nothing written),
2 a file or the profile could not be read.`;

interface EdiOptions {
  readonly document: string;
  readonly profile: string | undefined;
  readonly out: string;
  readonly now: Date | undefined;
}

function parseOptions(args: readonly string[]): EdiOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      document: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string', default: '.' },
      now: { type: 'string' },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0] ?? ''}".`);
  if (values.document === undefined) throw new UsageError('edi needs --document FILE.');
  const now = nowOption(values.now);
  return { document: values.document, profile: values.profile, out: values.out, now };
}

async function readProfile(io: CliIo, file: string | undefined): Promise<EdiProfile> {
  return file === undefined
    ? defaultEdiProfile()
    : await readEdiProfileFile('--profile', file, io.readFile);
}

function report(io: CliIo, file: string, issues: readonly Issue[], document?: unknown) {
  io.stdout(
    textReport([
      {
        file,
        document: document === undefined ? undefined : parseDocumentOrUndefined(document),
        issues,
        unusable: false,
      },
    ]),
  );
}

function parseDocumentOrUndefined(json: unknown) {
  const parsed = parseManifestDocument(json);
  return parsed.ok ? parsed.document : undefined;
}

export async function ediCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(args);
  const profile = await readProfile(io, options.profile);
  const reading = await readJsonFile(io, options.document);
  if (!reading.ok) {
    io.stdout(
      textReport([
        { file: options.document, document: undefined, issues: [reading.issue], unusable: true },
      ]),
    );
    return EXIT.unusable;
  }
  const parsed = parseManifestDocument(reading.json);
  if (!parsed.ok) {
    report(io, options.document, parsed.issues);
    return EXIT.invalid;
  }
  const document = parsed.document;
  if (!isTripDocument(document)) {
    throw new UnusableError(
      `${options.document} is a list of shipments (ACE_SHIPMENT); a filing needs a trip (ACE_TRIP).`,
    );
  }
  const now = options.now ?? io.clock();
  const validation = validateDocument(document, { now });
  if (hasErrors(validation)) {
    report(io, options.document, validation, reading.json);
    io.stdout('Nothing written: CBP would reject a filing with these errors.\n');
    return EXIT.invalid;
  }
  const written = writeFiling(document, {
    profile,
    controlNumbers: sequentialControlNumbers(),
    now,
  });
  const issues = [...validation, ...written.issues];
  if (issues.length > 0) report(io, options.document, issues, reading.json);
  if (hasErrors(written.issues)) {
    io.stdout('Nothing written: some values cannot be sent in X12 as they are.\n');
    return EXIT.invalid;
  }
  await makeOutputFolder(io, options.out);
  for (const [index, interchange] of written.interchanges.entries()) {
    const name = `${String(index + 1).padStart(3, '0')}-${interchange.setId}.x12`;
    const path = join(options.out, name);
    await writeOutputFile(io, path, interchange.text);
    const shipments = interchange.shipmentCount;
    io.stdout(
      `wrote ${path}: ${interchange.setId} ${interchange.purpose}, ${shipments} shipment${shipments === 1 ? '' : 's'}, ` +
        `${interchange.segmentCount} segments, ISA13 ${String(interchange.controlNumbers.interchange).padStart(9, '0')}\n`,
    );
  }
  return EXIT.ok;
}
