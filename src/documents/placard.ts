import type { TripDocument } from '../domain/index.js';
import { drawQr } from './barcodes.js';
import { cbpQrPayload } from './cbp-qr-payload.js';
import type { PaperworkResult } from './lead-sheet.js';
import { finish, newPdf, PAGE, text, type DocumentFonts } from './pdf.js';
import { etaText, portText, truckPlate } from './trip-facts.js';

/**
 * The windshield placard: the trip's CBP QR code, six inches wide, so the officer scans it from
 * the booth without taking paper (ports of the Laredo field office ask trucks arriving from
 * Mexico to show it on the windshield), with the trip number and plate large enough to read.
 */
export interface PlacardOptions {
  readonly fonts: DocumentFonts;
  readonly size?: 'letter' | 'a4' | undefined;
  readonly createdAt?: Date | undefined;
}

/** Six inches: a code of about 37 modules gets modules of about 3.5 mm. */
export const PLACARD_QR_SIDE = 432;

export async function placardPdf(
  trip: TripDocument,
  options: PlacardOptions,
): Promise<PaperworkResult> {
  const qr = cbpQrPayload(trip);
  if (!qr.ok) return { ok: false, issues: qr.issues };
  const size = options.size ?? 'letter';
  const { width } = PAGE[size];
  const doc = newPdf({
    fonts: options.fonts,
    title: `ACE eManifest QR placard ${trip.tripNumber ?? ''}`.trim(),
    size,
    createdAt: options.createdAt,
  });
  const inner = width - 72;
  let y = 36;
  y += text(doc, 'ACE Electronic Manifest', 36, y, {
    size: 26,
    bold: true,
    width: inner,
    align: 'center',
  });
  drawQr(doc, qr.payload, (width - PLACARD_QR_SIDE) / 2, y, PLACARD_QR_SIDE);
  y += PLACARD_QR_SIDE + 4;
  y += text(doc, `Trip ${trip.tripNumber?.trim() ?? ''}`, 36, y, {
    size: 40,
    bold: true,
    width: inner,
    align: 'center',
  });
  y += text(doc, `Plate ${truckPlate(trip)}`, 36, y, {
    size: 36,
    bold: true,
    width: inner,
    align: 'center',
  });
  y += 8;
  y += text(doc, portText(trip.usPortOfArrival), 36, y, {
    size: 14,
    width: inner,
    align: 'center',
  });
  text(doc, `ETA ${etaText(trip)}`, 36, y, { size: 14, width: inner, align: 'center' });
  return { ok: true, pdf: await finish(doc), pages: 1 };
}
