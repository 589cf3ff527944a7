import { parseArgs } from 'node:util';
import {
  findShipmentByScn,
  findTripByNumber,
  MAX_LABELS,
  renderDayLeadSheets,
  renderLeadSheet,
  renderPlacard,
  renderShipmentPapers,
  reserveScnLabels,
  type Actor,
  type PaperworkDeps,
} from '../app/index.js';
import { readDocumentFonts } from '../config/document-fonts.js';
import {
  isTripDocument,
  parseManifestDocument,
  type Issue,
  type ManifestDocument,
} from '../domain/index.js';
import { checkLogo, leadSheetPdf, placardPdf, shipmentPapersPdf } from '../documents/index.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';
import { readJsonFile } from './read-document-file.js';
import { checkOutputFile, reasonOf, writeOutputFile } from './output-file.js';
import { withServiceActor, type DatabaseUse } from './service-database.js';
import { textReport } from './text-report.js';

export const LEAD_SHEET_USAGE = `Usage: emanifest lead-sheet TRIPNUMBER -o OUT.pdf [--company SCAC] [options]
       emanifest lead-sheet --date YYYY-MM-DD -o OUT.pdf [--company SCAC] [options]
       emanifest lead-sheet --document FILE.json -o OUT.pdf [options]

Prints a trip's lead sheet (the cover sheet the driver hands over at the booth: trip number,
driver and plate in large type, Code 39 and CBP QR code, port and ETA in port-local time, the
shipments): a stored trip by its number, from the service's database (DATABASE_URL, or
SQLITE_PATH); every stored trip arriving on a day, in one PDF; or a trip document (ACE_TRIP)
without a database.

  TRIPNUMBER          the stored trip's number
  --date YYYY-MM-DD   the lead sheets of every trip whose ETA (port-local) is that day, by ETA
                      then trip number; cancelled trips are left out
  --company SCAC      the company (SCAC or id); needed when the database holds several
  --document FILE     a trip document (JSON) instead of a stored trip
  -o, --output FILE   where to write the PDF
  --variant VARIANT   standard (default: the shipment list) or detailed (equipment, crew and
                      every commodity too)
  --no-driver-name    leave the driver's name off
  --placard           print the one-page windshield placard (large QR code) instead (one trip)
  --logo FILE         a logo, PNG or JPEG; without it, a stored trip's sheet carries the
                      company's logo when one is set (PUT /api/v1/company/logo)
  --paper SIZE        letter (default) or a4

Exit status: 0 written, 1 the trip's data cannot make a readable QR code, the trip or company
is not found, no trip arrives that day, or the document is not a trip document, 2 a file or the
database could not be read or written, or the command line is wrong.`;

export const SHIPMENT_PAPERS_USAGE = `Usage: emanifest shipment-papers SCN -o OUT.pdf [--company SCAC] [--paper letter|a4]
       emanifest shipment-papers --document FILE.json -o OUT.pdf [--paper letter|a4]

Prints the papers of informal shipments (Section 321, intangibles, the CBP form types): shipper,
consignee, value, origin, commodities, SCN barcode. A stored shipment by its SCN, from the
service's database (DATABASE_URL, or SQLITE_PATH), with its trip's number, port and ETA when it
is on a trip; or every informal shipment of a trip document or shipment list.

  SCN                 the stored shipment's SCN
  --company SCAC      the company (SCAC or id); needed when the database holds several
  --document FILE     a trip document or shipment list (JSON) instead of a stored shipment
  -o, --output FILE   where to write the PDF
  --paper SIZE        letter (default) or a4

Exit status: 0 written, 1 the shipment is not informal (PAPS and in-bond shipments travel on the
lead sheet), not found, or the document has no informal shipment, 2 a file or the database
could not be read or written, or the command line is wrong.`;

export const LABELS_USAGE = `Usage: emanifest labels --count N -o OUT.pdf [--company SCAC] [--paper letter|a4]

Reserves the next N SCNs of the company's sequence in the service's database (DATABASE_URL, or
SQLITE_PATH), so they are never generated for a shipment, and prints them as PAPS labels:
30 a US Letter sheet (like Avery 5160) or 21 an A4 sheet (like Avery L7160). The reservation is
in the company's audit log.

  --count N           how many labels (1 to ${MAX_LABELS})
  -o, --output FILE   where to write the PDF
  --company SCAC      the company (SCAC or id); needed when the database holds several
  --paper SIZE        letter (default) or a4

Exit status: 0 written, 1 the company is not found or the count is refused, 2 the database or
the output file could not be used, or the command line is wrong.`;

type Paper = 'letter' | 'a4';

/** What every paperwork command ends with: the PDF, or an exit code already explained. */
type Produced =
  | { readonly ok: true; readonly pdf: Uint8Array; readonly pages: number; readonly what: string }
  | { readonly ok: false; readonly code: ExitCode };

function paperOf(value: string | undefined): Paper {
  const paper = value ?? 'letter';
  if (paper !== 'letter' && paper !== 'a4') {
    throw new UsageError(`--paper must be letter or a4, not "${paper}".`);
  }
  return paper;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new UsageError(`${what} is required.`);
  return value;
}

function refused(io: CliIo, file: string, issues: readonly Issue[]): Produced {
  io.stderr(textReport([{ file, document: undefined, issues, unusable: false }]));
  return { ok: false, code: EXIT.invalid };
}

/**
 * The one path every paperwork command shares: check the PDF can be written (before `labels`
 * reserves any SCN), produce it, write it, say what was written.
 */
async function writePaperwork(
  io: CliIo,
  output: string,
  produce: () => Promise<Produced>,
): Promise<ExitCode> {
  await checkOutputFile(io, output);
  const produced = await produce();
  if (!produced.ok) return produced.code;
  await writeOutputFile(io, output, produced.pdf);
  const pages = `${produced.pages} page${produced.pages === 1 ? '' : 's'}`;
  io.stdout(`Wrote ${output}: ${produced.what}, ${pages}.\n`);
  return EXIT.ok;
}

/** A document file, parsed; reports like `validate` and gives the exit code when it cannot. */
async function fromDocumentFile(
  io: CliIo,
  file: string,
  render: (document: ManifestDocument) => Promise<Produced>,
): Promise<Produced> {
  const reading = await readJsonFile(io, file);
  if (!reading.ok) {
    io.stderr(textReport([{ file, document: undefined, issues: [reading.issue], unusable: true }]));
    return { ok: false, code: EXIT.unusable };
  }
  const result = parseManifestDocument(reading.json);
  if (!result.ok) return refused(io, file, result.issues);
  return render(result.document);
}

/**
 * The service's database, acting for the company named (docs/cli.md); a refusal of the use case
 * (not found, unreadable QR code, a count out of range) is exit 1 with its issues (main.ts).
 */
async function fromDatabase(
  io: CliIo,
  company: string | undefined,
  render: (deps: PaperworkDeps, actor: Actor) => Promise<Produced>,
  use: DatabaseUse = 'read',
): Promise<Produced> {
  const fonts = await readDocumentFonts();
  return await withServiceActor(io, { company, use }, (deps, actor) =>
    render({ ...deps, fonts }, actor),
  );
}

/** The --logo picture, checked as the company logo upload checks it (PNG or JPEG, its size). */
async function readLogo(io: CliIo, file: string | undefined): Promise<Uint8Array | undefined> {
  if (file === undefined) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(file);
  } catch (error) {
    throw new UnusableError(`--logo ${file} cannot be read (${reasonOf(error)}).`);
  }
  const checked = await checkLogo(bytes);
  if (!checked.ok) {
    const issue = checked.issues[0];
    throw new UnusableError(
      `--logo ${file}: ${issue?.message ?? 'not a logo'} [${issue?.code ?? ''}]`,
    );
  }
  return bytes;
}

export async function leadSheetCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: {
      document: { type: 'string' },
      date: { type: 'string' },
      company: { type: 'string' },
      output: { type: 'string', short: 'o' },
      variant: { type: 'string', default: 'standard' },
      'no-driver-name': { type: 'boolean', default: false },
      placard: { type: 'boolean', default: false },
      logo: { type: 'string' },
      paper: { type: 'string' },
    },
  });
  const [tripNumber, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`one trip number at a time, not ${extra.join(' ')}.`);
  const sources = [tripNumber, values.date, values.document].filter((v) => v !== undefined);
  if (sources.length !== 1) {
    throw new UsageError(
      'give one of a TRIPNUMBER (a stored trip), --date YYYY-MM-DD (the trips of a day) or --document FILE.json.',
    );
  }
  if (values.date !== undefined && (values.placard || values.logo !== undefined)) {
    throw new UsageError(
      "--placard and --logo are for one trip; a day's lead sheets carry the company's logo.",
    );
  }
  if (values.document !== undefined && values.company !== undefined) {
    throw new UsageError('--company is for a stored trip; a document file needs none.');
  }
  const output = required(values.output, '-o OUT.pdf');
  const size = paperOf(values.paper);
  const variant = values.variant;
  if (variant !== 'standard' && variant !== 'detailed') {
    throw new UsageError(`--variant must be standard or detailed, not "${variant}".`);
  }
  const driverName = !values['no-driver-name'];
  const logo = await readLogo(io, values.logo);
  const placard = values.placard;
  const what = (number: string) =>
    `${placard ? 'QR placard' : `${variant} lead sheet`} of trip ${number}`;

  const date = values.date;
  if (date !== undefined) {
    return writePaperwork(io, output, () =>
      fromDatabase(io, values.company, async (deps, actor) => {
        const day = await renderDayLeadSheets(deps, actor, { date, variant, driverName, size });
        const count = day.tripNumbers.length;
        return {
          ok: true,
          ...day,
          what: `${variant} lead sheets of the ${count} trip${count === 1 ? '' : 's'} arriving ${date} (${day.tripNumbers.join(', ')})`,
        };
      }),
    );
  }
  if (tripNumber !== undefined) {
    return writePaperwork(io, output, () =>
      fromDatabase(io, values.company, async (deps, actor) => {
        const trip = await findTripByNumber(deps, actor, { tripNumber });
        const input = { tripId: trip.id, size };
        const rendered = placard
          ? await renderPlacard(deps, actor, input)
          : await renderLeadSheet(deps, actor, { ...input, variant, driverName, logo });
        return { ok: true, ...rendered, what: what(trip.tripNumber) };
      }),
    );
  }
  const file = values.document ?? '';
  return writePaperwork(io, output, () =>
    fromDocumentFile(io, file, async (document) => {
      if (!isTripDocument(document)) {
        io.stderr(
          `emanifest lead-sheet: ${file} is a shipment list (ACE_SHIPMENT); a lead sheet needs a trip (ACE_TRIP).\n`,
        );
        return { ok: false, code: EXIT.invalid };
      }
      const fonts = await readDocumentFonts();
      const result = placard
        ? await placardPdf(document, { fonts, size })
        : await leadSheetPdf(document, { fonts, variant, driverName, logo, size });
      if (!result.ok) return refused(io, file, result.issues);
      return { ...result, what: what(document.tripNumber ?? '') };
    }),
  );
}

export async function shipmentPapersCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: {
      document: { type: 'string' },
      company: { type: 'string' },
      output: { type: 'string', short: 'o' },
      paper: { type: 'string' },
    },
  });
  const [scn, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`one SCN at a time, not ${extra.join(' ')}.`);
  if ((scn === undefined) === (values.document === undefined)) {
    throw new UsageError('give an SCN (a stored shipment) or --document FILE.json, not both.');
  }
  if (values.document !== undefined && values.company !== undefined) {
    throw new UsageError('--company is for a stored shipment; a document file needs none.');
  }
  const output = required(values.output, '-o OUT.pdf');
  const size = paperOf(values.paper);
  if (scn !== undefined) {
    return writePaperwork(io, output, () =>
      fromDatabase(io, values.company, async (deps, actor) => {
        const { id, shipment } = await findShipmentByScn(deps, actor, { scn });
        const rendered = await renderShipmentPapers(deps, actor, { shipmentId: id, size });
        return {
          ok: true,
          ...rendered,
          what: `papers of shipment ${shipment.shipmentControlNumber ?? scn}`,
        };
      }),
    );
  }
  const file = values.document ?? '';
  return writePaperwork(io, output, () =>
    fromDocumentFile(io, file, async (document) => {
      const trip = isTripDocument(document) ? document : undefined;
      const fonts = await readDocumentFonts();
      const result = await shipmentPapersPdf(document.shipments ?? [], trip, { fonts, size });
      if (!result.ok) return refused(io, file, result.issues);
      if (result.pages === 0) {
        io.stderr(
          `emanifest shipment-papers: ${file} has no informal shipment (Section 321, intangibles or a CBP-form type); PAPS and in-bond shipments travel on the lead sheet.\n`,
        );
        return { ok: false, code: EXIT.invalid };
      }
      return { ...result, what: 'papers' };
    }),
  );
}

export async function labelsCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      count: { type: 'string' },
      company: { type: 'string' },
      output: { type: 'string', short: 'o' },
      paper: { type: 'string' },
    },
  });
  const countText = required(values.count, '--count N');
  if (!/^\d{1,6}$/.test(countText)) {
    throw new UsageError(`--count must be a whole number, not "${countText}".`);
  }
  const output = required(values.output, '-o OUT.pdf');
  const size = paperOf(values.paper);
  return writePaperwork(io, output, () =>
    fromDatabase(
      io,
      values.company,
      async (deps, actor) => {
        const labels = await reserveScnLabels(deps, actor, { count: Number(countText), size });
        const range =
          labels.scns.length === 1
            ? (labels.scns[0] ?? '')
            : `${labels.scns[0] ?? ''} to ${labels.scns.at(-1) ?? ''}`;
        return {
          ok: true,
          ...labels,
          what: `${labels.scns.length} PAPS label${labels.scns.length === 1 ? '' : 's'}, SCNs ${range} reserved`,
        };
      },
      'write',
    ),
  );
}
