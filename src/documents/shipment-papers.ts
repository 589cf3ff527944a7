import type { Shipment, TripDocument } from '../domain/index.js';
import { drawLinear, linearWidth } from './barcodes.js';
import type { PaperworkResult } from './lead-sheet.js';
import { finish, newPdf, numberPages, text, type DocumentFonts, type Pdf } from './pdf.js';
import {
  commodityWeight,
  count,
  dollars,
  etaText,
  isInformal,
  partyBlock,
  portText,
  typeName,
} from './trip-facts.js';

/**
 * Papers for shipments released without a broker's entry (Section 321, intangibles, the CBP
 * form types): the driver shows them when the officer asks for the shipment (19 CFR 10.151 and
 * 19 CFR 123.92 for what the officer checks against the manifest). One page per shipment, more
 * when its commodities do not fit: shipper, consignee, value, country of origin, commodities,
 * and the SCN as a Code 128 barcode.
 */
export interface ShipmentPapersOptions {
  readonly fonts: DocumentFonts;
  readonly size?: 'letter' | 'a4' | undefined;
  readonly createdAt?: Date | undefined;
}

const MARGIN = 36;

/** The trip's informal shipments, in order; what `shipmentPapersPdf` prints. */
export function informalShipments(shipments: readonly Shipment[]): Shipment[] {
  return shipments.filter(isInformal);
}

const COLUMNS = [
  { title: 'Description', share: 0.36, align: 'left' },
  { title: 'Quantity', share: 0.12, align: 'right' },
  { title: 'Weight', share: 0.12, align: 'right' },
  { title: 'Value (USD)', share: 0.14, align: 'right' },
  { title: 'Origin', share: 0.1, align: 'left' },
  { title: 'HTS', share: 0.16, align: 'left' },
] as const;

function columnsAt(width: number): { x: number; width: number }[] {
  let x = MARGIN;
  return COLUMNS.map((column) => {
    const at = { x, width: (width - 2 * MARGIN) * column.share - 6 };
    x += (width - 2 * MARGIN) * column.share;
    return at;
  });
}

function commodityHeader(doc: Pdf, width: number, y: number): number {
  columnsAt(width).forEach((at, index) => {
    const column = COLUMNS[index];
    if (column === undefined) return;
    text(doc, column.title, at.x, y, { size: 9, bold: true, width: at.width, align: column.align });
  });
  doc
    .moveTo(MARGIN, y + 14)
    .lineTo(width - MARGIN, y + 14)
    .lineWidth(0.75)
    .stroke();
  return y + 18;
}

function shipmentPages(doc: Pdf, trip: TripDocument | undefined, shipment: Shipment): void {
  const { width, height } = doc.page;
  const inner = width - 2 * MARGIN;
  let y = MARGIN;
  y += text(doc, `Shipment papers — ${typeName(shipment.type)}`, MARGIN, y, {
    size: 18,
    bold: true,
    width: inner,
  });
  const scn = shipment.shipmentControlNumber?.trim() ?? '';
  y += text(doc, `SCN ${scn}`, MARGIN, y + 4, { size: 16, bold: true, width: inner }) + 4;
  if (scn !== '') {
    const module = Math.min(1.4, inner / linearWidth('code128', scn));
    drawLinear(doc, 'code128', scn, { x: MARGIN, y, module, height: 44, caption: 10 });
    y += 64;
  }
  if (trip !== undefined) {
    const line = [
      trip.tripNumber === undefined ? '' : `Trip ${trip.tripNumber}`,
      portText(trip.usPortOfArrival),
      etaText(trip) === '' ? '' : `ETA ${etaText(trip)}`,
    ]
      .filter((part) => part !== '')
      .join(' · ');
    y += text(doc, line, MARGIN, y, { size: 10, width: inner, lines: 2 }) + 6;
  }
  const half = inner / 2 - 8;
  text(doc, 'Shipper', MARGIN, y, { size: 10, bold: true, width: half });
  text(doc, 'Consignee', MARGIN + inner / 2 + 8, y, { size: 10, bold: true, width: half });
  y += 14;
  const shipper = partyBlock(shipment.shipper).join('\n');
  const consignee = partyBlock(shipment.consignee).join('\n');
  const left = text(doc, shipper, MARGIN, y, { size: 10, width: half, lines: 6 });
  const right = text(doc, consignee, MARGIN + inner / 2 + 8, y, {
    size: 10,
    width: half,
    lines: 6,
  });
  y += Math.max(left, right) + 12;
  const commodities = shipment.commodities ?? [];
  const total = commodities.reduce((sum, commodity) => sum + (commodity.value ?? 0), 0);
  const origins = [
    ...new Set(commodities.map((c) => c.countryOfOrigin ?? '').filter((c) => c !== '')),
  ];
  y += text(
    doc,
    `Total value ${dollars(total)} · country of origin ${origins.join(', ') || '—'}`,
    MARGIN,
    y,
    { size: 12, bold: true, width: inner },
  );
  y = commodityHeader(doc, width, y + 8);
  const columns = columnsAt(width);
  for (const commodity of commodities) {
    if (y + 28 > height - 48) {
      doc.addPage();
      y = MARGIN;
      y += text(doc, `SCN ${scn} (continued)`, MARGIN, y, { size: 12, bold: true, width: inner });
      y = commodityHeader(doc, width, y + 4);
    }
    const cells = [
      commodity.description ?? '',
      commodity.quantity === undefined
        ? ''
        : `${count(commodity.quantity)} ${commodity.packagingUnit ?? ''}`.trim(),
      commodityWeight(commodity),
      dollars(commodity.value),
      commodity.countryOfOrigin ?? '',
      commodity.harmonizedCode ?? '',
    ];
    let rowHeight = 0;
    cells.forEach((cell, index) => {
      const at = columns[index];
      const column = COLUMNS[index];
      if (at === undefined || column === undefined) return;
      rowHeight = Math.max(
        rowHeight,
        text(doc, cell, at.x, y, { size: 9, width: at.width, align: column.align, lines: 2 }),
      );
    });
    y += rowHeight + 4;
  }
}

/**
 * Renders papers for the informal shipments of a trip (or of a shipment list, `trip` left
 * undefined); `pages` is 0 and `pdf` empty when there are none.
 */
export async function shipmentPapersPdf(
  shipments: readonly Shipment[],
  trip: TripDocument | undefined,
  options: ShipmentPapersOptions,
): Promise<PaperworkResult> {
  const informal = informalShipments(shipments);
  if (informal.length === 0) return { ok: true, pdf: new Uint8Array(), pages: 0 };
  const size = options.size ?? 'letter';
  const doc = newPdf({
    fonts: options.fonts,
    title: `Shipment papers ${trip?.tripNumber ?? ''}`.trim(),
    size,
    createdAt: options.createdAt,
  });
  informal.forEach((shipment, index) => {
    if (index > 0) doc.addPage();
    shipmentPages(doc, trip, shipment);
  });
  numberPages(doc, (page, pages) => `Shipment papers · Page ${page} of ${pages}`);
  const pages = doc.bufferedPageRange().count;
  return { ok: true, pdf: await finish(doc), pages };
}
