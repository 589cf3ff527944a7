import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvText, templateRow } from '../csv/test-csv.js';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

/** Real files, streamed from disk as the installed command does. */
function diskIo() {
  const memory = memoryIo({});
  return { ...memory, io: { ...memory.io, readChunks: (path: string) => createReadStream(path) } };
}

describe('emanifest csv check', () => {
  it('exits 0 for a clean file and says how many rows and shipments it holds', async () => {
    const { io, stdout } = memoryIo({ 'ok.csv': csvText([templateRow(), templateRow()]) });
    expect(await run(io, ['csv', 'check', 'ok.csv', '--scac', 'ABCD'])).toBe(0);
    expect(stdout()).toContain('✓ ok.csv — 2 rows, 1 shipment: ready to import, no problems found');
  });

  it('streams a Windows-1252 export from disk and reports its warnings located', async () => {
    const { io, stdout } = diskIo();
    const file = fixture('windows-1252.csv');
    expect(await run(io, ['csv', 'check', file, '--scac', 'ABCD', '--format', 'json'])).toBe(0);
    const report = JSON.parse(stdout()) as { valid: boolean; issues: unknown[] };
    expect(report).toMatchObject({ valid: true, rows: 2, shipments: 1 });
    expect(report.issues).toEqual([
      expect.objectContaining({ row: null, column: null, code: 'CSV_ENCODING_CONVERTED' }),
      {
        row: 2,
        column: 'Weight',
        value: '1,200.5',
        code: 'CSV_WEIGHT_ROUNDED',
        severity: 'warning',
        message: 'Weight "1,200.5" on row 2 was rounded up to 1201: ACE takes whole numbers.',
        source: expect.any(String) as string,
      },
      expect.objectContaining({ row: 2, column: 'Value', code: 'CSV_MONEY_FORMAT' }),
      // Read right, but CBP's EDI carries no accents: said while the file can still be edited.
      expect.objectContaining({
        row: 2,
        column: 'Shipper Name',
        value: 'Érablière Côté',
        code: 'TEXT_CHARACTERS_REPLACED',
        message: expect.stringContaining('it will be sent as "Erabliere Cote"') as string,
      }),
    ]);
  });

  it('exits 1 and names row, column and value of each error, in text and JSON', async () => {
    const { io, stdout } = diskIo();
    const file = fixture('one-bad-row.csv');
    expect(await run(io, ['csv', 'check', file, '--scac', 'ABCD'])).toBe(1);
    expect(stdout()).toContain('2 rows, 1 shipment: REFUSED: 1 error, 3 warnings');
    expect(stdout()).toContain(
      '  row 3, Packaging Unit = "XXX"\n    error   "XXX" is not a CBP packaging unit code. [COMMODITY_PACKAGING_UNIT_UNKNOWN]',
    );
    const json = diskIo();
    expect(await run(json.io, ['csv', 'check', file, '--scac', 'ABCD', '--format', 'json'])).toBe(
      1,
    );
    const report = JSON.parse(json.stdout()) as { valid: boolean; issues: unknown[] };
    expect(report.valid).toBe(false);
    expect(report.issues).toContainEqual(
      expect.objectContaining({ row: 3, column: 'Packaging Unit', value: 'XXX' }),
    );
  });

  it('exits 2 with one message for a file that is not CSV', async () => {
    const { io, stdout } = memoryIo({ 'book.xlsx': Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]) });
    expect(await run(io, ['csv', 'check', 'book.xlsx', '--scac', 'ABCD'])).toBe(2);
    expect(stdout()).toContain('✗ book.xlsx: cannot be checked');
    expect(stdout()).toContain('[CSV_NOT_CSV]');
  });

  it('exits 2 when the file cannot be read', async () => {
    const { io, stdout } = diskIo();
    expect(await run(io, ['csv', 'check', fixture('missing.csv'), '--scac', 'ABCD'])).toBe(2);
    expect(stdout()).toContain('cannot be read (ENOENT)');
    expect(stdout()).toContain('[FILE_UNREADABLE]');
  });

  it('numbers AUTOFILL shipments from --scac and checks timing against --now', async () => {
    const { io, stdout } = memoryIo({
      'auto.csv': csvText([templateRow({ SCN: 'ABCDAUTOFILL' })]),
    });
    const args = ['csv', 'check', 'auto.csv', '--scac', 'abcd', '--now', '2026-11-28T12:00:00Z'];
    expect(await run(io, args)).toBe(0);
    expect(stdout()).toContain('1 row, 1 shipment: ready to import');
  });

  it('is a usage error (exit 2) without --scac or with an unknown subcommand', async () => {
    const missing = memoryIo({});
    expect(await run(missing.io, ['csv', 'check', 'x.csv'])).toBe(2);
    expect(missing.stderr()).toContain('csv check needs --scac');
    // One reading of --scac for csv check and validate: 4 letters, either case.
    for (const command of [
      ['csv', 'check', 'x.csv'],
      ['validate', 'x.json'],
    ]) {
      for (const scac of ['AB', 'ABCDE', 'AB1D']) {
        const bad = memoryIo({});
        expect(await run(bad.io, [...command, '--scac', scac]), scac).toBe(2);
        expect(bad.stderr()).toContain(
          `--scac must be the carrier's 4-letter SCAC, e.g. ABCD, not "${scac}".`,
        );
      }
    }
    const unknown = memoryIo({});
    expect(await run(unknown.io, ['csv', 'merge', 'x.csv'])).toBe(2);
    expect(unknown.stderr()).toContain('unknown subcommand "merge"');
  });
});
