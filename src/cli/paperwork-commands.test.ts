import { describe, expect, it } from 'vitest';
import { aSection321Shipment, aShipment, aTrip, aTripArrivingIn2024 } from '../../test/builders.js';
import { decodePage, pdfText, pdfToolsMissing, valuesOf } from '../../test/pdf-tools.js';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

const trip = JSON.stringify(aTrip());

function pdfOf(written: Map<string, string | Uint8Array>, file = 'out.pdf'): Uint8Array {
  const pdf = written.get(file);
  if (pdf === undefined) throw new Error(`${file} was not written`);
  if (typeof pdf === 'string') throw new Error(`${file} was written as text, not bytes`);
  return pdf;
}

describe('emanifest lead-sheet', () => {
  it('writes the lead sheet of a trip document', async () => {
    const { io, stdout, written } = memoryIo({ 'trip.json': trip });
    const status = await run(io, ['lead-sheet', '--document', 'trip.json', '-o', 'out.pdf']);
    expect(status).toBe(0);
    expect(stdout()).toBe('Wrote out.pdf: standard lead sheet of trip DEMO2026112801, 1 page.\n');
    const pdf = pdfOf(written);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (pdfToolsMissing) return;
    expect(pdfText(pdf)).toContain('Driver: Jean Tremblay');
  });

  it('leaves the driver off, prints the detailed variant, on A4', async () => {
    const { io, written, stdout } = memoryIo({ 'trip.json': trip });
    const status = await run(io, [
      'lead-sheet',
      '--document',
      'trip.json',
      '--output',
      'out.pdf',
      '--variant',
      'detailed',
      '--no-driver-name',
      '--paper',
      'a4',
    ]);
    expect(status).toBe(0);
    expect(stdout()).toContain('detailed lead sheet');
    if (pdfToolsMissing) return;
    const text = pdfText(pdfOf(written));
    expect(text).not.toContain('Tremblay');
    expect(text).toContain('Rolled oats in paper bags');
  });

  it('writes the windshield placard with --placard, its QR code readable', async () => {
    const { io, stdout, written } = memoryIo({ 'trip.json': trip });
    const status = await run(io, [
      'lead-sheet',
      '--document',
      'trip.json',
      '-o',
      'out.pdf',
      '--placard',
    ]);
    expect(status).toBe(0);
    expect(stdout()).toContain('QR placard of trip DEMO2026112801, 1 page');
    if (pdfToolsMissing) return;
    expect(valuesOf(decodePage(pdfOf(written), 1, 72), 'QR-Code')).toHaveLength(1);
  });

  it('takes a logo file and refuses one it cannot read (exit 2)', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const { io } = memoryIo({ 'trip.json': trip, 'logo.png': png });
    expect(
      await run(io, [
        'lead-sheet',
        '--document',
        'trip.json',
        '-o',
        'out.pdf',
        '--logo',
        'logo.png',
      ]),
    ).toBe(0);
    const missing = memoryIo({ 'trip.json': trip });
    expect(
      await run(missing.io, [
        'lead-sheet',
        '--document',
        'trip.json',
        '-o',
        'o.pdf',
        '--logo',
        'x.png',
      ]),
    ).toBe(2);
    expect(missing.stderr()).toContain('--logo x.png cannot be read (ENOENT)');
    // Checked as the company logo upload checks it, not left to PDFKit ("Unknown image format.").
    const notImage = memoryIo({ 'trip.json': trip, 'logo.json': '{}' });
    const args = ['lead-sheet', '--document', 'trip.json', '-o', 'o.pdf', '--logo', 'logo.json'];
    expect(await run(notImage.io, args)).toBe(2);
    expect(notImage.stderr()).toBe(
      'emanifest lead-sheet: --logo logo.json: The file is neither a PNG nor a JPEG picture (its first bytes say so, whatever its name); save the logo as PNG or JPEG. [COMPANY_LOGO_TYPE]\n',
    );
    expect(notImage.written.size).toBe(0);
  });

  it('refuses, with exit 1 and the field named, a trip whose QR code CBP could not read', async () => {
    const { io, stderr, written } = memoryIo({
      'trip.json': JSON.stringify(aTrip({ tripNumber: 'DEMO+2026' })),
    });
    expect(await run(io, ['lead-sheet', '--document', 'trip.json', '-o', 'out.pdf'])).toBe(1);
    expect(stderr()).toContain('QR_FIELD_INVALID');
    expect(written.size).toBe(0);
  });

  it('exits 1 for a shipment list and for a document that is not a trip document', async () => {
    const list = memoryIo({
      'list.json': JSON.stringify({ data: 'ACE_SHIPMENT', shipments: [aShipment()] }),
    });
    expect(await run(list.io, ['lead-sheet', '--document', 'list.json', '-o', 'o.pdf'])).toBe(1);
    expect(list.stderr()).toContain('a lead sheet needs a trip (ACE_TRIP)');
    const other = memoryIo({ 'x.json': '{"data":"SOMETHING"}' });
    expect(await run(other.io, ['lead-sheet', '--document', 'x.json', '-o', 'o.pdf'])).toBe(1);
  });

  it('exits 2 when the document cannot be read, is not JSON, or the output cannot be written', async () => {
    const missing = memoryIo({});
    expect(await run(missing.io, ['lead-sheet', '--document', 'nope.json', '-o', 'o.pdf'])).toBe(2);
    expect(missing.stderr()).toContain('FILE_UNREADABLE');
    const broken = memoryIo({ 'trip.json': '{"data": ' });
    expect(await run(broken.io, ['lead-sheet', '--document', 'trip.json', '-o', 'o.pdf'])).toBe(2);
    expect(broken.stderr()).toContain('DOCUMENT_NOT_JSON');
    const unwritable = memoryIo({ 'trip.json': trip });
    expect(
      await run(unwritable.io, [
        'lead-sheet',
        '--document',
        'trip.json',
        '-o',
        '/nonexistent/o.pdf',
      ]),
    ).toBe(2);
    expect(unwritable.stderr()).toContain('/nonexistent/o.pdf cannot be written (ENOENT)');
  });

  it('exits 2 on a wrong command line', async () => {
    for (const args of [
      ['--document', 'trip.json'],
      ['-o', 'out.pdf'],
      ['--document', 'trip.json', '-o', 'o.pdf', '--variant', 'fancy'],
      ['--document', 'trip.json', '-o', 'o.pdf', '--paper', 'legal'],
      ['--document', 'trip.json', '-o', 'o.pdf', '--frobnicate'],
    ]) {
      const { io, stderr } = memoryIo({ 'trip.json': trip });
      expect(await run(io, ['lead-sheet', ...args])).toBe(2);
      expect(stderr()).toContain('Usage: emanifest lead-sheet');
    }
  });
});

describe('emanifest shipment-papers', () => {
  it('writes the papers of the informal shipments', async () => {
    const document = aTripArrivingIn2024({ shipments: [aShipment(), aSection321Shipment()] });
    const { io, stdout, written } = memoryIo({ 'trip.json': JSON.stringify(document) });
    const status = await run(io, ['shipment-papers', '--document', 'trip.json', '-o', 'out.pdf']);
    expect(status).toBe(0);
    expect(stdout()).toBe('Wrote out.pdf: papers, 1 page.\n');
    if (pdfToolsMissing) return;
    expect(valuesOf(decodePage(pdfOf(written)), 'CODE-128')).toEqual(['DEMO0001000321']);
  });

  it('takes a shipment list too, and exits 1 when nothing is informal', async () => {
    const list = memoryIo({
      'list.json': JSON.stringify({ data: 'ACE_SHIPMENT', shipments: [aSection321Shipment()] }),
    });
    expect(await run(list.io, ['shipment-papers', '--document', 'list.json', '-o', 'o.pdf'])).toBe(
      0,
    );
    const paps = memoryIo({ 'trip.json': trip });
    expect(await run(paps.io, ['shipment-papers', '--document', 'trip.json', '-o', 'o.pdf'])).toBe(
      1,
    );
    expect(paps.stderr()).toContain('has no informal shipment');
  });
});
