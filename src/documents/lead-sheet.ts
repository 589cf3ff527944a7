import { nextTurn, type Issue, type Shipment, type TripDocument } from '../domain/index.js';
import { IIT_TYPES, isOneOf } from '../codes/index.js';
import { drawLinear, drawQr, linearWidth } from './barcodes.js';
import { cbpQrPayload } from './cbp-qr-payload.js';
import { finish, newPdf, numberPages, PAGE, text, type DocumentFonts, type Pdf } from './pdf.js';
import {
  commodityWeight,
  count,
  dollars,
  driverNames,
  etaText,
  partyLine,
  personName,
  pieces,
  plateText,
  portText,
  truckPlate,
  weight,
} from './trip-facts.js';

/**
 * The lead sheet (cover sheet) the driver hands over at the primary booth. CBP asks for
 * "ACE Electronic Manifest", the trip number (clearly labelled, not an SCN), the driver's name
 * and the truck plate transmitted to CBP in at least 22-point type; a Code 39 ("3 of 9") barcode
 * may be added, and the shipments in smaller type (CBP, ACE e-Manifest: Truck Carriers,
 * lead sheet guidance; 19 CFR 123.92 for the advance electronic manifest it stands for). Since
 * February 2020 the optional CBP QR code (cbp-qr-payload.ts) goes on it too.
 */

export type LeadSheetVariant = 'standard' | 'detailed';

export interface LeadSheetOptions {
  readonly fonts: DocumentFonts;
  /** Standard lists the shipments; Detailed adds equipment, crew and each commodity. */
  readonly variant?: LeadSheetVariant | undefined;
  /** Leave the driver's name off (a sheet printed before the driver is known). */
  readonly driverName?: boolean | undefined;
  /** The company's logo: PNG or JPEG bytes. */
  readonly logo?: Uint8Array | undefined;
  readonly size?: 'letter' | 'a4' | undefined;
  readonly createdAt?: Date | undefined;
  /** SCN → why CBP does not have it on file (rejected, deleted), printed under its barcode. */
  readonly notOnFile?: ReadonlyMap<string, string> | undefined;
}

export type PaperworkResult =
  | { readonly ok: true; readonly pdf: Uint8Array; readonly pages: number }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Type of at least 22 points for what CBP requires on the sheet. */
export const LARGE = 22;
const MARGIN = 36;
const FOOTER = 40;
const QR_SIDE = 150;

/** Table columns as fractions of the printable width. */
const COLUMNS = [
  { key: 'scn', title: 'SCN', share: 0.25 },
  { key: 'type', title: 'Type', share: 0.1 },
  { key: 'parties', title: 'Shipper / consignee', share: 0.33 },
  { key: 'pieces', title: 'Pieces', share: 0.07 },
  { key: 'weight', title: 'Weight', share: 0.11 },
  { key: 'broker', title: 'Broker', share: 0.15 },
] as const;

type ColumnKey = (typeof COLUMNS)[number]['key'];

interface Layout {
  readonly width: number;
  readonly height: number;
  readonly columns: Readonly<Record<ColumnKey, { x: number; width: number }>>;
}

function layoutOf(size: 'letter' | 'a4'): Layout {
  const { width, height } = PAGE[size];
  const printable = width - 2 * MARGIN;
  let x = MARGIN;
  const columns = {} as Record<ColumnKey, { x: number; width: number }>;
  for (const column of COLUMNS) {
    const columnWidth = printable * column.share;
    columns[column.key] = { x, width: columnWidth - 6 };
    x += columnWidth;
  }
  return { width, height, columns };
}

function logoOf(doc: Pdf, logo: Uint8Array, x: number, y: number): void {
  doc.image(Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength), x, y, {
    fit: [160, 48],
  });
}

/** The first page's head: everything CBP requires, large, with both codes. Returns its foot. */
function firstHeader(
  doc: Pdf,
  trip: TripDocument,
  payload: string,
  options: LeadSheetOptions,
  layout: Layout,
): number {
  let y = MARGIN;
  if (options.logo !== undefined) {
    logoOf(doc, options.logo, MARGIN, y);
    y += 56;
  }
  const tripNumber = trip.tripNumber?.trim() ?? '';
  const left = layout.width - 2 * MARGIN - QR_SIDE - 12;
  y += text(doc, 'ACE Electronic Manifest', MARGIN, y, { size: 26, bold: true, width: left });
  drawQr(doc, payload, layout.width - MARGIN - QR_SIDE, y - 8, QR_SIDE);
  text(doc, 'CBP QR code', layout.width - MARGIN - QR_SIDE, y + QR_SIDE - 10, {
    size: 8,
    width: QR_SIDE,
    align: 'center',
  });
  y += 4;
  y += text(doc, `Trip number: ${tripNumber}`, MARGIN, y, {
    size: LARGE,
    bold: true,
    width: left,
    lines: 2,
  });
  if (options.driverName !== false) {
    const drivers = driverNames(trip);
    const label = (trip.drivers?.length ?? 0) > 1 ? 'Drivers' : 'Driver';
    y += text(doc, `${label}: ${drivers}`, MARGIN, y, {
      size: LARGE,
      bold: true,
      width: left,
      lines: 2,
    });
  }
  y += text(doc, `Truck plate: ${truckPlate(trip)}`, MARGIN, y, {
    size: LARGE,
    bold: true,
    width: left,
  });
  y = Math.max(y + 6, MARGIN + (options.logo === undefined ? 0 : 56) + 40 + QR_SIDE - 30);
  if (tripNumber !== '') {
    const module = Math.min(1.2, (layout.width - 2 * MARGIN) / linearWidth('code39', tripNumber));
    drawLinear(doc, 'code39', tripNumber, { x: MARGIN, y, module, height: 42, caption: 10 });
    y += 62;
  }
  y += text(doc, `Port of arrival: ${portText(trip.usPortOfArrival)}`, MARGIN, y, {
    size: 12,
    width: layout.width - 2 * MARGIN,
  });
  y += text(doc, `Estimated arrival (port-local time): ${etaText(trip)}`, MARGIN, y, {
    size: 12,
    width: layout.width - 2 * MARGIN,
  });
  const unit = trip.truck?.number;
  const shipments = trip.shipments?.length ?? 0;
  y += text(
    doc,
    `${unit === undefined ? '' : `Truck unit ${unit} · `}${count(shipments)} shipment${shipments === 1 ? '' : 's'}`,
    MARGIN,
    y,
    { size: 12, width: layout.width - 2 * MARGIN },
  );
  if (options.variant === 'detailed') y = details(doc, trip, options, layout, y + 4);
  return y + 8;
}

/** The Detailed variant's equipment and crew lines. */
function details(
  doc: Pdf,
  trip: TripDocument,
  options: LeadSheetOptions,
  layout: Layout,
  top: number,
): number {
  const width = layout.width - 2 * MARGIN;
  const lines: string[] = [];
  const truck = trip.truck;
  if (truck !== undefined) {
    const plates = (truck.licensePlates ?? []).map(plateText).join(', ');
    const seals = (truck.sealNumbers ?? []).join(', ');
    lines.push(
      `Truck ${truck.number ?? ''}: VIN ${truck.vinNumber ?? ''}, plates ${plates}${seals === '' ? '' : `, seals ${seals}`}`,
    );
  }
  for (const trailer of trip.trailers ?? []) {
    const plates = (trailer.licensePlates ?? []).map(plateText).join(', ');
    const seals = (trailer.sealNumbers ?? []).join(', ');
    lines.push(
      `Trailer ${trailer.number ?? ''} (${trailer.type ?? ''}): plates ${plates}${seals === '' ? '' : `, seals ${seals}`}`,
    );
  }
  // Declared with the trip and sent in its 358 (19 CFR 10.41a): the officer sees what the
  // racks and pallets on board were declared as.
  for (const instrument of trip.instrumentsOfInternationalTraffic ?? []) {
    const type = instrument.type?.trim().toUpperCase() ?? '';
    const meaning = isOneOf(IIT_TYPES, type) ? ` (${IIT_TYPES[type].toLowerCase()})` : '';
    const what = instrument.description === undefined ? '' : ` ${instrument.description}`;
    lines.push(
      `Instruments of international traffic: ${count(instrument.quantity ?? 0)}${what}, ${type}${meaning}`,
    );
  }
  if (options.driverName !== false) {
    for (const driver of trip.drivers ?? []) {
      const fast = driver.fastCardNumber === undefined ? '' : `, FAST ${driver.fastCardNumber}`;
      lines.push(`Driver ${personName(driver)}${fast}`);
    }
  }
  for (const passenger of trip.passengers ?? []) lines.push(`Passenger ${personName(passenger)}`);
  let y = top;
  for (const line of lines) y += text(doc, line, MARGIN, y, { size: 10, width });
  return y;
}

/** The head of every later page: the trip number and its Code 39 again, smaller. */
function continuationHeader(doc: Pdf, trip: TripDocument, layout: Layout): number {
  const tripNumber = trip.tripNumber?.trim() ?? '';
  let y = MARGIN;
  text(doc, `ACE Electronic Manifest — Trip number: ${tripNumber} (continued)`, MARGIN, y, {
    size: 12,
    bold: true,
    width: layout.width - 2 * MARGIN,
  });
  y += 20;
  if (tripNumber !== '') {
    const module = Math.min(0.9, (layout.width - 2 * MARGIN) / linearWidth('code39', tripNumber));
    drawLinear(doc, 'code39', tripNumber, { x: MARGIN, y, module, height: 24 });
    y += 30;
  }
  return y;
}

function tableHeader(doc: Pdf, layout: Layout, top: number): number {
  for (const column of COLUMNS) {
    const at = layout.columns[column.key];
    text(doc, column.title, at.x, top, { size: 9, bold: true, width: at.width });
  }
  const y = top + 14;
  doc
    .moveTo(MARGIN, y)
    .lineTo(layout.width - MARGIN, y)
    .lineWidth(0.75)
    .strokeColor('black')
    .stroke();
  return y + 4;
}

function commodityLines(shipment: Shipment): string[] {
  return (shipment.commodities ?? []).map((commodity) =>
    [
      commodity.description ?? '',
      commodity.quantity === undefined
        ? ''
        : `${count(commodity.quantity)} ${commodity.packagingUnit ?? ''}`.trim(),
      commodityWeight(commodity),
      dollars(commodity.value),
      commodity.countryOfOrigin === undefined ? '' : `origin ${commodity.countryOfOrigin}`,
      commodity.harmonizedCode === undefined ? '' : `HTS ${commodity.harmonizedCode}`,
      commodity.hazmat === undefined ? '' : `hazmat UN${commodity.hazmat.unNumber ?? ''}`,
    ]
      .filter((part) => part !== '')
      .join(' · '),
  );
}

const ROW = 50;
const COMMODITY_LINE = 11;

function rowHeight(shipment: Shipment, variant: LeadSheetVariant): number {
  return variant === 'detailed' ? ROW + COMMODITY_LINE * (shipment.commodities?.length ?? 0) : ROW;
}

function shipmentRow(
  doc: Pdf,
  shipment: Shipment,
  layout: Layout,
  top: number,
  variant: LeadSheetVariant,
  notOnFile: ReadonlyMap<string, string> | undefined,
): void {
  const c = layout.columns;
  const scn = shipment.shipmentControlNumber?.trim() ?? '';
  text(doc, scn, c.scn.x, top, { size: 9, bold: true, width: c.scn.width });
  if (scn !== '') {
    const module = Math.min(0.85, c.scn.width / linearWidth('code128', scn));
    drawLinear(doc, 'code128', scn, { x: c.scn.x, y: top + 13, module, height: 24 });
    const why = notOnFile?.get(scn);
    if (why !== undefined) {
      text(doc, why.toUpperCase(), c.scn.x, top + 38, { size: 7, bold: true, width: c.scn.width });
    }
  }
  text(doc, shipment.type ?? '', c.type.x, top, { size: 8, width: c.type.width, lines: 3 });
  text(doc, `From: ${partyLine(shipment.shipper)}`, c.parties.x, top, {
    size: 8,
    width: c.parties.width,
    lines: 2,
  });
  text(doc, `To: ${partyLine(shipment.consignee)}`, c.parties.x, top + 22, {
    size: 8,
    width: c.parties.width,
    lines: 2,
  });
  const commodities = shipment.commodities ?? [];
  text(doc, pieces(commodities), c.pieces.x, top, {
    size: 9,
    width: c.pieces.width,
    align: 'right',
  });
  text(doc, weight(commodities), c.weight.x, top, {
    size: 9,
    width: c.weight.width,
    align: 'right',
    lines: 2,
  });
  const broker = shipment.broker;
  const brokerText =
    broker === undefined
      ? ''
      : [broker.name ?? '', broker.filerCode === undefined ? '' : `(${broker.filerCode})`]
          .join(' ')
          .trim();
  text(doc, brokerText, c.broker.x, top, { size: 8, width: c.broker.width, lines: 3 });
  if (variant === 'detailed') {
    let y = top + ROW - 4;
    for (const line of commodityLines(shipment)) {
      text(doc, line, c.type.x, y, { size: 7.5, width: layout.width - MARGIN - c.type.x });
      y += COMMODITY_LINE;
    }
  }
  const bottom = top + rowHeight(shipment, variant) - 3;
  doc
    .moveTo(MARGIN, bottom)
    .lineTo(layout.width - MARGIN, bottom)
    .lineWidth(0.25)
    .strokeColor('#999999')
    .stroke();
}

/**
 * Shipments drawn between two turns of the event loop: a row with its barcode takes about a
 * sixth of a millisecond, so a 10,000-shipment sheet (seconds of drawing) lets the service
 * answer its other requests every few dozen milliseconds instead of stalling them all.
 */
const ROWS_PER_TURN = 200;

/** Draws one trip's sheet from the current (fresh) page on; the doc's later pages are its own. */
async function drawLeadSheet(
  doc: Pdf,
  trip: TripDocument,
  payload: string,
  options: LeadSheetOptions,
  layout: Layout,
): Promise<void> {
  const variant = options.variant ?? 'standard';
  let y = firstHeader(doc, trip, payload, options, layout);
  y = tableHeader(doc, layout, y);
  const bottom = layout.height - FOOTER;
  let drawn = 0;
  for (const shipment of trip.shipments ?? []) {
    const height = rowHeight(shipment, variant);
    if (y + height > bottom) {
      doc.addPage();
      y = tableHeader(doc, layout, continuationHeader(doc, trip, layout));
    }
    shipmentRow(doc, shipment, layout, y, variant, options.notOnFile);
    y += height;
    drawn += 1;
    if (drawn % ROWS_PER_TURN === 0) await nextTurn();
  }
  if ((trip.shipments?.length ?? 0) === 0) {
    text(doc, 'No shipments (empty truck).', MARGIN, y + 4, {
      size: 10,
      width: layout.width - 2 * MARGIN,
    });
  }
}

function footer(trip: TripDocument): (page: number, pages: number) => string {
  const tripNumber = trip.tripNumber?.trim() ?? '';
  return (page, pages) => `Trip ${tripNumber} · Page ${page} of ${pages}`;
}

/**
 * The most shipments one lead sheet (or one day's pile) lists. The PDF is built whole in memory
 * (its pages are numbered "Page N of M" once all exist): 10,000 shipments, about 1,000 pages,
 * take some 2.5–5 s and 500–560 MB of memory; 38,000 exhausted the 1 GiB heap `npm start` gives
 * the service (which renders the large ones one at a time: app/shared/large-work.ts).
 * The commercial service stops a manifest at 9,999 shipments.
 */
export const MAX_LEAD_SHEET_SHIPMENTS = 10_000;

function tooLarge(shipments: number, batch: boolean): Issue {
  return {
    code: 'LEAD_SHEET_TOO_LARGE',
    severity: 'error',
    path: batch ? '' : '/shipments',
    message: `A lead sheet lists at most ${MAX_LEAD_SHEET_SHIPMENTS.toLocaleString('en-US')} shipments, each with its barcode; ${batch ? 'these trips have' : 'this trip has'} ${shipments.toLocaleString('en-US')}. Print each shipment's papers instead, or split the trip's shipments over trips.`,
  };
}

/**
 * Why the lead sheets of these trips cannot be printed: a QR code that would be unreadable, or
 * more than MAX_LEAD_SHEET_SHIPMENTS shipments in all (`shipments`). The trips' own fields and
 * the count are enough, so a caller that knows the count refuses a trip of 100,000 shipments
 * without reading them. In a batch (a day's pile) each issue names its trip.
 */
export function leadSheetRefusals(
  trips: readonly TripDocument[],
  shipments: number,
  batch: boolean,
): Issue[] {
  const issues: Issue[] = [];
  trips.forEach((trip, index) => {
    const qr = cbpQrPayload(trip);
    if (qr.ok) return;
    if (!batch) issues.push(...qr.issues);
    else {
      for (const issue of qr.issues) {
        issues.push({
          ...issue,
          path: `/${index}${issue.path}`,
          message: `Trip ${trip.tripNumber ?? ''}: ${issue.message}`,
        });
      }
    }
  });
  if (shipments > MAX_LEAD_SHEET_SHIPMENTS) issues.push(tooLarge(shipments, batch));
  return issues;
}

/** Renders the lead sheet, or says which trip data would make its QR code unreadable. */
export async function leadSheetPdf(
  trip: TripDocument,
  options: LeadSheetOptions,
): Promise<PaperworkResult> {
  const title = `ACE Electronic Manifest ${trip.tripNumber ?? ''}`.trim();
  return renderLeadSheets([trip], options, title, false);
}

/**
 * Several trips' lead sheets in one PDF (a day's trucks printed at once): each trip starts on a
 * new page and its pages are numbered on their own ("Trip X · Page 1 of 2"), so a sheet taken
 * out of the pile is still complete. Refused as a whole when any trip's QR code would be
 * unreadable; each issue's path then starts with `/<index of the trip>`, and its message with
 * `Trip <number>: `, for the person who has the pile and not the list.
 */
export async function leadSheetsPdf(
  trips: readonly TripDocument[],
  options: LeadSheetOptions,
  title: string,
): Promise<PaperworkResult> {
  return renderLeadSheets(trips, options, title, true);
}

async function renderLeadSheets(
  trips: readonly TripDocument[],
  options: LeadSheetOptions,
  title: string,
  batch: boolean,
): Promise<PaperworkResult> {
  const shipments = trips.reduce((sum, trip) => sum + (trip.shipments?.length ?? 0), 0);
  const issues = leadSheetRefusals(trips, shipments, batch);
  if (issues.length > 0) return { ok: false, issues };
  const payloads = trips.map((trip) => {
    const qr = cbpQrPayload(trip);
    return qr.ok ? qr.payload : '';
  });
  const size = options.size ?? 'letter';
  const layout = layoutOf(size);
  const doc = newPdf({ fonts: options.fonts, title, size, createdAt: options.createdAt });
  for (const [index, trip] of trips.entries()) {
    if (index > 0) doc.addPage();
    const start = doc.bufferedPageRange().count - 1;
    await drawLeadSheet(doc, trip, payloads[index] ?? '', options, layout);
    numberPages(doc, footer(trip), start);
    // Numbering visited earlier pages; the next trip's page goes after the last one.
    doc.switchToPage(doc.bufferedPageRange().count - 1);
  }
  const pages = doc.bufferedPageRange().count;
  return { ok: true, pdf: await finish(doc), pages };
}
