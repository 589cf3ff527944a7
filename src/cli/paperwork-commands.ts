import { parseArgs } from 'node:util';
import { readDocumentFonts } from '../config/document-fonts.js';
import {
  isTripDocument,
  parseManifestDocument,
  type Issue,
  type ManifestDocument,
} from '../domain/index.js';
import {
  leadSheetPdf,
  placardPdf,
  shipmentPapersPdf,
  type PaperworkResult,
} from '../documents/index.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';
import { readJsonFile } from './read-document-file.js';
import { textReport } from './text-report.js';

export const LEAD_SHEET_USAGE = `Usage: emanifest lead-sheet --document FILE.json -o OUT.pdf [options]

Prints a trip's lead sheet (the cover sheet the driver hands over at the booth: trip number,
driver and plate in large type, Code 39 and CBP QR code, port and ETA in port-local time, the
shipments) from a trip document (ACE_TRIP), without a database.

  --document FILE     the trip document (JSON)
  -o, --output FILE   where to write the PDF
  --variant VARIANT   standard (default: the shipment list) or detailed (equipment, crew and
                      every commodity too)
  --no-driver-name    leave the driver's name off
  --placard           print the one-page windshield placard (large QR code) instead
  --logo FILE         the company's logo, PNG or JPEG
  --paper SIZE        letter (default) or a4

Exit status: 0 written, 1 the trip's data cannot make a readable QR code or the document is not
a trip document, 2 a file could not be read or written, or the command line is wrong.`;

export const SHIPMENT_PAPERS_USAGE = `Usage: emanifest shipment-papers --document FILE.json -o OUT.pdf [--paper letter|a4]

Prints the papers of the informal shipments (Section 321, intangibles, the CBP form types) of a
trip document or shipment list: shipper, consignee, value, origin, commodities, SCN barcode.

Exit status: 0 written, 1 no informal shipment in the document or it is not a trip document,
2 a file could not be read or written, or the command line is wrong.`;

interface Common {
  readonly document: string;
  readonly output: string;
  readonly paper: 'letter' | 'a4';
}

function common(values: {
  document?: string | undefined;
  output?: string | undefined;
  paper?: string | undefined;
}): Common {
  if (values.document === undefined) throw new UsageError('--document FILE.json is required.');
  if (values.output === undefined) throw new UsageError('-o OUT.pdf is required.');
  const paper = values.paper ?? 'letter';
  if (paper !== 'letter' && paper !== 'a4') {
    throw new UsageError(`--paper must be letter or a4, not "${paper}".`);
  }
  return { document: values.document, output: values.output, paper };
}

type Loaded =
  | { readonly ok: true; readonly document: ManifestDocument }
  | { readonly ok: false; readonly code: ExitCode };

/** Reads and parses the document; reports like `validate` and gives the exit code when it cannot. */
async function load(io: CliIo, file: string): Promise<Loaded> {
  const reading = await readJsonFile(io, file);
  if (!reading.ok) {
    io.stderr(textReport([{ file, document: undefined, issues: [reading.issue], unusable: true }]));
    return { ok: false, code: EXIT.unusable };
  }
  const result = parseManifestDocument(reading.json);
  if (!result.ok) {
    io.stderr(textReport([{ file, document: undefined, issues: result.issues, unusable: false }]));
    return { ok: false, code: EXIT.invalid };
  }
  return { ok: true, document: result.document };
}

async function write(io: CliIo, file: string, pdf: Uint8Array): Promise<void> {
  try {
    await io.writeFile(file, pdf);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UnusableError(`${file} cannot be written (${reason}).`);
  }
}

function refused(io: CliIo, file: string, issues: readonly Issue[]): ExitCode {
  io.stderr(textReport([{ file, document: undefined, issues, unusable: false }]));
  return EXIT.invalid;
}

async function readLogo(io: CliIo, file: string | undefined): Promise<Uint8Array | undefined> {
  if (file === undefined) return undefined;
  try {
    return await io.readBytes(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UnusableError(`--logo ${file} cannot be read (${reason}).`);
  }
}

export async function leadSheetCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      document: { type: 'string' },
      output: { type: 'string', short: 'o' },
      variant: { type: 'string', default: 'standard' },
      'no-driver-name': { type: 'boolean', default: false },
      placard: { type: 'boolean', default: false },
      logo: { type: 'string' },
      paper: { type: 'string' },
    },
  });
  const options = common(values);
  if (values.variant !== 'standard' && values.variant !== 'detailed') {
    throw new UsageError(`--variant must be standard or detailed, not "${values.variant}".`);
  }
  const variant = values.variant;
  const logo = await readLogo(io, values.logo);
  const loaded = await load(io, options.document);
  if (!loaded.ok) return loaded.code;
  const trip = loaded.document;
  if (!isTripDocument(trip)) {
    io.stderr(
      `emanifest lead-sheet: ${options.document} is a shipment list (ACE_SHIPMENT); a lead sheet needs a trip (ACE_TRIP).\n`,
    );
    return EXIT.invalid;
  }
  const fonts = await readDocumentFonts();
  const result: PaperworkResult = values.placard
    ? await placardPdf(trip, { fonts, size: options.paper })
    : await leadSheetPdf(trip, {
        fonts,
        variant,
        driverName: !values['no-driver-name'],
        logo,
        size: options.paper,
      });
  if (!result.ok) return refused(io, options.document, result.issues);
  await write(io, options.output, result.pdf);
  const what = values.placard ? 'QR placard' : `${variant} lead sheet`;
  io.stdout(
    `Wrote ${options.output}: ${what} of trip ${trip.tripNumber ?? ''}, ${result.pages} page${result.pages === 1 ? '' : 's'}.\n`,
  );
  return EXIT.ok;
}

export async function shipmentPapersCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      document: { type: 'string' },
      output: { type: 'string', short: 'o' },
      paper: { type: 'string' },
    },
  });
  const options = common(values);
  const loaded = await load(io, options.document);
  if (!loaded.ok) return loaded.code;
  const document = loaded.document;
  const trip = isTripDocument(document) ? document : undefined;
  const fonts = await readDocumentFonts();
  const result = await shipmentPapersPdf(document.shipments ?? [], trip, {
    fonts,
    size: options.paper,
  });
  if (!result.ok) return refused(io, options.document, result.issues);
  if (result.pages === 0) {
    io.stderr(
      `emanifest shipment-papers: ${options.document} has no informal shipment (Section 321, intangibles or a CBP-form type); PAPS and in-bond shipments travel on the lead sheet.\n`,
    );
    return EXIT.invalid;
  }
  await write(io, options.output, result.pdf);
  io.stdout(
    `Wrote ${options.output}: papers of ${result.pages} page${result.pages === 1 ? '' : 's'}.\n`,
  );
  return EXIT.ok;
}
