/**
 * Paperwork at courier scale: the lead sheet of a 10,000-shipment trip (courier trucks carry
 * thousands of shipments; the commercial bulk upload stops at 9,999 per manifest), every SCN
 * with its Code 128 barcode. Prints time, page count and size; asserts nothing (machines differ).
 */
import { readDocumentFonts } from '../src/config/document-fonts.js';
import { leadSheetPdf } from '../src/documents/index.js';
import { aShipment, aTrip } from '../test/builders.js';
import { ms, timeOnceAsync } from './measure.js';

export async function runLeadSheetBench(shipmentCount = 10_000): Promise<string[]> {
  const fonts = await readDocumentFonts();
  const trip = aTrip({
    shipments: Array.from({ length: shipmentCount }, (_, i) =>
      aShipment({ shipmentControlNumber: `DEMO${String(i).padStart(10, '0')}` }),
    ),
  });
  const lines: string[] = [];
  for (const variant of ['standard', 'detailed'] as const) {
    let pages = 0;
    let bytes = 0;
    const took = await timeOnceAsync(async () => {
      const result = await leadSheetPdf(trip, { fonts, variant });
      if (!result.ok) throw new Error('the benchmark trip has no readable QR code');
      pages = result.pages;
      bytes = result.pdf.byteLength;
    });
    lines.push(
      `${variant} lead sheet, ${shipmentCount.toLocaleString('en-US')} shipments: ${ms(took)}, ` +
        `${pages.toLocaleString('en-US')} pages, ${(bytes / 1e6).toFixed(1)} MB`,
    );
  }
  return lines;
}
