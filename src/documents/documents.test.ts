import bwipjs from 'bwip-js';
import { describe, expect, it } from 'vitest';
import {
  aDriver,
  aSection321Shipment,
  aShipment,
  aTrip,
  aTripArrivingIn2024,
} from '../../test/builders.js';
import {
  decodePage,
  fonts,
  imageList,
  pageCount,
  pdfText,
  pdfToolsMissing,
  valuesOf,
  wordHeights,
} from '../../test/pdf-tools.js';
import type { TripDocument } from '../domain/index.js';
import { cbpQrPayload } from './cbp-qr-payload.js';
import {
  LARGE,
  leadSheetPdf,
  leadSheetsPdf,
  MAX_LEAD_SHEET_SHIPMENTS,
  type LeadSheetOptions,
} from './lead-sheet.js';
import { papsLabelsPdf } from './paps-labels.js';
import { placardPdf } from './placard.js';
import { shipmentPapersPdf } from './shipment-papers.js';

/**
 * Every document is read back by tools independent of the renderer: text by pdftotext,
 * barcodes and QR codes by ZBar from a 300 dpi rendering (test/pdf-tools.ts).
 */

async function leadSheet(
  trip: TripDocument,
  options: Partial<LeadSheetOptions> = {},
): Promise<{ pdf: Uint8Array; pages: number }> {
  const result = await leadSheetPdf(trip, { fonts, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

function payloadOf(trip: TripDocument): string {
  const qr = cbpQrPayload(trip);
  if (!qr.ok) throw new Error('no payload');
  return qr.payload;
}

function scn(index: number): string {
  return `DEMO${String(index).padStart(10, '0')}`;
}

describe('the lead sheet, drawn', () => {
  it('lets timers and requests run while a long sheet is drawn, not after', async () => {
    const shipments = Array.from({ length: 450 }, (_, i) =>
      aShipment({ shipmentControlNumber: scn(i + 1) }),
    );
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    const rendering = leadSheet(aTrip({ shipments })).then(() => order.push('rendered'));
    // Drawing starts at once; without turns of the event loop the timer would wait for it all.
    await rendering;
    expect(order).toEqual(['timer', 'rendered']);
  });
});

describe.skipIf(pdfToolsMissing)('the lead sheet, read back', () => {
  it('prints what CBP asks for and its barcodes decode to the trip data', async () => {
    const trip = aTrip();
    const { pdf, pages } = await leadSheet(trip);
    expect(pages).toBe(1);
    const text = pdfText(pdf);
    for (const expected of [
      'ACE Electronic Manifest',
      'Trip number: DEMO2026112801',
      'Driver: Jean Tremblay',
      'Truck plate: AB12345 (ON, CA)',
      'Port of arrival: 0901 Buffalo-Niagara Falls, NY',
      '2026-11-28 12:00 EST (America/New_York)',
      'DEMO0001000001',
      'Maple Leaf Mills Ltd',
      'Great Lakes Grocers Inc',
      'Niagara Customs',
      '(N7B)',
      '12,000 lb',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    const symbols = decodePage(pdf);
    expect(valuesOf(symbols, 'QR-Code')).toEqual([payloadOf(trip)]);
    expect(valuesOf(symbols, 'CODE-39')).toEqual(['DEMO2026112801']);
    expect(valuesOf(symbols, 'CODE-128')).toEqual(['DEMO0001000001']);
  });

  it('prints the title, trip number, driver and plate in at least 22-point type', async () => {
    const { pdf } = await leadSheet(aTrip());
    const heights = wordHeights(pdf);
    for (const word of ['Electronic', 'DEMO2026112801', 'Tremblay', 'AB12345']) {
      const largest = Math.max(...heights.filter((h) => h.word === word).map((h) => h.height));
      // pdftotext's box is the font's ascent to descent: about 1.36 × the type size for Noto Sans.
      expect(largest / 1.36).toBeGreaterThanOrEqual(LARGE - 0.5);
    }
  });

  it("leaves the driver's name off when asked", async () => {
    const { pdf } = await leadSheet(aTrip(), { driverName: false, variant: 'detailed' });
    const text = pdfText(pdf);
    expect(text).not.toContain('Tremblay');
    expect(text).toContain('Trip number: DEMO2026112801');
  });

  it('names every driver, accents included (the fonts are embedded)', async () => {
    const trip = aTrip({
      drivers: [aDriver({ firstName: 'José', lastName: 'Peña' }), aDriver()],
    });
    expect(pdfText((await leadSheet(trip)).pdf)).toContain('Drivers: José Peña, Jean Tremblay');
  });

  it('says so for an empty truck (a trip without shipments may be filed)', async () => {
    const text = pdfText((await leadSheet(aTrip({ shipments: [] }))).pdf);
    expect(text).toContain('0 shipments');
    expect(text).toContain('No shipments (empty truck).');
  });

  it('refuses a trip of more shipments than a lead sheet lists, before drawing a page', async () => {
    const shipment = aShipment();
    const shipments = Array.from({ length: MAX_LEAD_SHEET_SHIPMENTS + 1 }, () => shipment);
    const result = await leadSheetPdf(aTrip({ shipments }), { fonts });
    expect(result).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          code: 'LEAD_SHEET_TOO_LARGE',
          path: '/shipments',
          message: expect.stringContaining('at most 10,000 shipments') as string,
        }),
      ],
    });
    const pile = await leadSheetsPdf([aTrip({ shipments }), aTrip()], { fonts }, 'Today');
    expect(pile.ok ? [] : pile.issues.map((issue) => issue.code)).toEqual(['LEAD_SHEET_TOO_LARGE']);
  });

  it('Detailed adds equipment, crew and each commodity', async () => {
    const trip = aTrip({
      instrumentsOfInternationalTraffic: [
        { type: 'mc', quantity: 12, description: 'Returnable racks' },
      ],
    });
    const text = pdfText((await leadSheet(trip, { variant: 'detailed' })).pdf);
    expect(text).toContain(
      'Instruments of international traffic: 12 Returnable racks, MC (with merchandise, carrier bond)',
    );
    expect(text).toContain('Trailer TR-5501 (TL): plates P4471K (ON, CA), seals SEAL-001');
    expect(text).toContain('VIN 1M8GDM9AXKP042788');
    expect(text).toContain('Rolled oats in paper bags');
    expect(text).toContain('HTS 110412');
  });

  it('paginates a long trip with the header repeated and "Page N of M"', async () => {
    const shipments = Array.from({ length: 40 }, (_, i) =>
      aShipment({ shipmentControlNumber: scn(i + 1) }),
    );
    const { pdf, pages } = await leadSheet(aTrip({ shipments }));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pageCount(pdf)).toBe(pages);
    const last = pdfText(pdf, pages);
    expect(last).toContain(`Page ${pages} of ${pages}`);
    expect(last).toContain('Trip number: DEMO2026112801 (continued)');
    expect(last).toContain('SCN');
    expect(last).toContain(scn(40));
    const second = decodePage(pdf, 2);
    expect(valuesOf(second, 'CODE-39')).toEqual(['DEMO2026112801']);
    const onSecond = valuesOf(second, 'CODE-128');
    expect(onSecond.length).toBeGreaterThan(5);
    expect(onSecond.every((value) => /^DEMO\d{10}$/.test(value))).toBe(true);
  });

  it('carries the company logo when given', async () => {
    const logo = await bwipjs.toBuffer({ bcid: 'qrcode', text: 'LOGO', scale: 2 });
    const { pdf } = await leadSheet(aTrip(), { logo });
    // pdfimages lists the picture and, for a PNG with transparency, its mask.
    expect(imageList(pdf).filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line))).toHaveLength(1);
    expect(imageList((await leadSheet(aTrip())).pdf)).toHaveLength(0);
  });

  it('renders the same bytes every time (a golden comparison holds)', async () => {
    const first = (await leadSheet(aTrip())).pdf;
    const second = (await leadSheet(aTrip())).pdf;
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).subarray(0, 5).toString()).toBe('%PDF-');
    // The date is fixed and the file ID derives from the document information (the trip
    // number is in its title), never from the clock or chance. Bytes are compared within one
    // run only: zlib builds of different Node versions may compress the same page differently.
    expect(Buffer.from(first).toString('latin1')).toContain('(D:20000101000000Z)');
    const idOf = (pdf: Uint8Array) =>
      /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1];
    const other = (await leadSheet(aTrip({ tripNumber: 'DEMO2026112802' }))).pdf;
    expect(idOf(first)).toMatch(/^[0-9a-f]{32}$/);
    expect(idOf(other)).not.toBe(idOf(first));
  });

  it('refuses a trip whose QR code CBP could not read, naming the field', async () => {
    const result = await leadSheetPdf(aTrip({ tripNumber: 'DEMO+2026' }), { fonts });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['QR_FIELD_INVALID']);
  });
});

describe.skipIf(pdfToolsMissing)("a day's lead sheets in one PDF, read back", () => {
  it('starts each trip on its own page, numbered per trip, each with its own QR code', async () => {
    const long = aTrip({
      tripNumber: 'DEMO2026112801',
      shipments: Array.from({ length: 20 }, (_, i) =>
        aShipment({ shipmentControlNumber: scn(i + 1) }),
      ),
    });
    const short = aTrip({ tripNumber: 'DEMO2026112802' });
    const single = await leadSheet(long);
    const result = await leadSheetsPdf([long, short], { fonts }, 'Lead sheets 2026-11-28');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pages).toBe(single.pages + 1);
    expect(pageCount(result.pdf)).toBe(result.pages);
    expect(pdfText(result.pdf, single.pages)).toContain(
      `Trip DEMO2026112801 · Page ${single.pages} of ${single.pages}`,
    );
    const last = pdfText(result.pdf, result.pages);
    expect(last).toContain('Trip number: DEMO2026112802');
    expect(last).toContain('Trip DEMO2026112802 · Page 1 of 1');
    expect(valuesOf(decodePage(result.pdf, result.pages), 'QR-Code')).toEqual([payloadOf(short)]);
  });

  it("refuses the batch when one trip's QR code would be unreadable, naming that trip", async () => {
    const result = await leadSheetsPdf(
      [aTrip(), aTrip({ tripNumber: 'DEMO+2026' })],
      { fonts },
      'Lead sheets',
    );
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['QR_FIELD_INVALID', '/1/tripNumber'],
    ]);
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/^Trip DEMO\+2026: /);
  });

  it('names the trip by its index even in a batch of one', async () => {
    const result = await leadSheetsPdf([aTrip({ tripNumber: 'DEMO+2026' })], { fonts }, 'Lead');
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['/0/tripNumber', expect.stringMatching(/^Trip DEMO\+2026: /)],
    ]);
    const single = await leadSheetPdf(aTrip({ tripNumber: 'DEMO+2026' }), { fonts });
    expect(single.ok ? [] : single.issues.map((issue) => issue.path)).toEqual(['/tripNumber']);
  });
});

describe.skipIf(pdfToolsMissing)('the windshield placard, read back', () => {
  it('is one page with the QR code readable even at 72 dpi, trip number and plate large', async () => {
    const trip = aTrip();
    const result = await placardPdf(trip, { fonts });
    if (!result.ok) throw new Error('placard refused');
    expect(pageCount(result.pdf)).toBe(1);
    const text = pdfText(result.pdf);
    expect(text).toContain('Trip DEMO2026112801');
    expect(text).toContain('Plate AB12345 (ON, CA)');
    expect(valuesOf(decodePage(result.pdf, 1, 72), 'QR-Code')).toEqual([payloadOf(trip)]);
    const tripHeight = Math.max(
      ...wordHeights(result.pdf)
        .filter((h) => h.word === 'DEMO2026112801')
        .map((h) => h.height),
    );
    expect(tripHeight / 1.36).toBeGreaterThanOrEqual(36);
  });
});

describe.skipIf(pdfToolsMissing)('shipment papers, read back', () => {
  it('prints informal shipments only: parties, value, origin, commodities and the SCN barcode', async () => {
    const trip = aTripArrivingIn2024({ shipments: [aShipment(), aSection321Shipment()] });
    const result = await shipmentPapersPdf(trip.shipments ?? [], trip, { fonts });
    if (!result.ok) throw new Error('refused');
    expect(result.pages).toBe(1);
    const text = pdfText(result.pdf);
    for (const expected of [
      'Shipment papers — Section 321 (de minimis)',
      'SCN DEMO0001000321',
      'Maple Leaf Mills Ltd',
      'Great Lakes Grocers Inc',
      'Total value $240.00 · country of origin CA',
      'Maple syrup gift boxes',
      '170220',
      'Trip DEMO2024061201',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('DEMO0001000001');
    expect(valuesOf(decodePage(result.pdf), 'CODE-128')).toEqual(['DEMO0001000321']);
  });

  it('has nothing to print for a trip of PAPS shipments', async () => {
    const result = await shipmentPapersPdf([aShipment()], aTrip(), { fonts });
    expect(result).toMatchObject({ ok: true, pages: 0 });
  });
});

describe.skipIf(pdfToolsMissing)('PAPS label sheets, read back', () => {
  it('puts 30 SCNs on a US Letter page as Code 128 with the text', async () => {
    const scns = Array.from({ length: 35 }, (_, i) => scn(i + 1));
    const { pdf, pages } = await papsLabelsPdf(scns, { fonts });
    expect(pages).toBe(2);
    expect(valuesOf(decodePage(pdf, 1), 'CODE-128')).toEqual(scns.slice(0, 30));
    expect(valuesOf(decodePage(pdf, 2), 'CODE-128')).toEqual(scns.slice(30));
    expect(pdfText(pdf, 1)).toContain(scn(30));
  });

  it('lays out 21 to an A4 page', async () => {
    const scns = Array.from({ length: 22 }, (_, i) => scn(i + 1));
    const { pdf, pages } = await papsLabelsPdf(scns, { fonts, layout: 'a4-21' });
    expect(pages).toBe(2);
    expect(valuesOf(decodePage(pdf, 1), 'CODE-128')).toEqual(scns.slice(0, 21));
  });
});
