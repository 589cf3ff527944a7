import { parseArgs } from 'node:util';
import { parseManifestDocument } from '../domain/index.js';
import { readRegulationFile } from '../config/setting-file.js';
import { validateDocument, type RegulationTable } from '../rules/index.js';
import type { FileResult } from './file-result.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { nowOption, reportFormat, scacOption } from './option-values.js';
import { jsonReport } from './json-report.js';
import { readJsonFile } from './read-document-file.js';
import { textReport } from './text-report.js';

export const VALIDATE_USAGE = `Usage: emanifest validate FILE... [--now ISO-8601] [--scac ABCD] [--rules FILE] [--format text|json]

Checks trip documents (ACE_TRIP) and shipment lists (ACE_SHIPMENT) against CBP's rules as they
stand on each trip's arrival date.

  --now ISO-8601   the instant to check timing against (default: the current time)
  --scac ABCD      the carrier's SCAC (default: the first 4 letters of the trip number)
  --rules FILE     a replacement regulation table (docs/regulations.md)
  --format FORMAT  text (default, for people) or json (for programs)

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be read.`;

interface ValidateOptions {
  readonly files: readonly string[];
  readonly now: Date | undefined;
  readonly scac: string | undefined;
  readonly rulesFile: string | undefined;
  readonly format: 'text' | 'json';
}

function parseOptions(args: readonly string[]): ValidateOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      now: { type: 'string' },
      scac: { type: 'string' },
      rules: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE.');
  const format = reportFormat(values.format);
  const now = nowOption(values.now);
  return {
    files: positionals,
    now,
    scac: scacOption(values.scac),
    rulesFile: values.rules,
    format,
  };
}

async function validateFile(
  io: CliIo,
  file: string,
  options: ValidateOptions,
  regulations: RegulationTable | undefined,
  now: Date,
): Promise<FileResult> {
  const reading = await readJsonFile(io, file);
  if (!reading.ok) return { file, document: undefined, issues: [reading.issue], unusable: true };
  const parsed = parseManifestDocument(reading.json);
  if (!parsed.ok) return { file, document: undefined, issues: parsed.issues, unusable: false };
  const issues = validateDocument(parsed.document, { now, scac: options.scac, regulations });
  return { file, document: parsed.document, issues, unusable: false };
}

export async function validateCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(args);
  const regulations =
    options.rulesFile === undefined
      ? undefined
      : await readRegulationFile('--rules', options.rulesFile, io.readFile);
  const now = options.now ?? io.clock();
  const results: FileResult[] = [];
  for (const file of options.files)
    results.push(await validateFile(io, file, options, regulations, now));
  io.stdout(options.format === 'json' ? jsonReport(results) : textReport(results));
  if (results.some((result) => result.unusable)) return EXIT.unusable;
  return results.some((result) => result.issues.some((issue) => issue.severity === 'error'))
    ? EXIT.invalid
    : EXIT.ok;
}
