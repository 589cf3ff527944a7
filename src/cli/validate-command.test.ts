import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aCommodity, aShipment, aTrip } from '../../test/builders.js';
import { DEFAULT_REGULATIONS } from '../rules/index.js';
import { IMPORT_BODY_LIMIT } from '../api/routes/documents.route.js';
import { MAX_INPUT_FILE_BYTES } from '../files/read-capped.js';
import { processIo, run } from './main.js';
import { memoryIo } from './test-io.js';

const clean = JSON.stringify(aTrip());
const noPort = JSON.stringify(aTrip({ usPortOfArrival: '9999' }));

describe('emanifest validate', () => {
  it('exits 0 and says the trip is ready to file when there is nothing wrong', async () => {
    const { io, stdout } = memoryIo({ 'trip.json': clean });
    expect(await run(io, ['validate', 'trip.json'])).toBe(0);
    expect(stdout()).toContain('✓ trip.json — trip DEMO2026112801, 1 shipment: ready to file');
  });

  it('exits 1 on errors and names the field in words with the fix', async () => {
    const { io, stdout } = memoryIo({ 'trip.json': noPort });
    expect(await run(io, ['validate', 'trip.json'])).toBe(1);
    const text = stdout();
    expect(text).toContain('REFUSED');
    expect(text).toContain('U.S. port of arrival: "9999" is not the Schedule D code');
    expect(text).toContain('[TRIP_PORT_UNKNOWN]');
    expect(text).toContain('Fix: Use the 4-digit Schedule D code');
  });

  it('groups issues under the shipment they belong to, named by SCN', async () => {
    const trip = aTrip({
      shipments: [
        aShipment(),
        aShipment({
          shipmentControlNumber: 'DEMO0001000002',
          commodities: [aCommodity({ packagingUnit: 'XXX' })],
        }),
      ],
    });
    const { io, stdout } = memoryIo({ 'trip.json': JSON.stringify(trip) });
    await run(io, ['validate', 'trip.json']);
    expect(stdout()).toMatch(
      / {2}Shipment 2 \(SCN DEMO0001000002\)\n {4}error {3}Commodity 1 › Packaging unit: /,
    );
  });

  it('exits 2 and names line and column when a file is not JSON', async () => {
    const { io, stdout } = memoryIo({ 'bad.json': '{\n  "data": "ACE_TRIP",\n  "x": }' });
    expect(await run(io, ['validate', 'bad.json'])).toBe(2);
    expect(stdout()).toContain('bad.json:3:8: not valid JSON: a value was expected');
    expect(stdout()).toContain('DOCUMENT_NOT_JSON');
  });

  it('exits 2 with a location for 100,000 levels of nesting, not a stack overflow', async () => {
    const { io, stdout } = memoryIo({ 'deep.json': '['.repeat(100_000) });
    expect(await run(io, ['validate', 'deep.json'])).toBe(2);
    expect(stdout()).toContain('deep.json:1:65: lists and objects are nested deeper than 64');
    expect(stdout()).toContain('DOCUMENT_TOO_DEEP');
  });

  it('exits 2 for a field name twice in one object, naming it and where', async () => {
    const { io, stdout } = memoryIo({
      'twice.json': '{\n  "data": "ACE_TRIP",\n  "data": "ACE_SHIPMENT"\n}',
    });
    expect(await run(io, ['validate', 'twice.json'])).toBe(2);
    expect(stdout()).toContain('twice.json:3:3: the field "data" appears twice in one object');
    expect(stdout()).toContain('DOCUMENT_REPEATED_FIELD');
  });

  it('exits 2 when a file cannot be read, after reporting the others', async () => {
    const { io, stdout } = memoryIo({ 'trip.json': clean });
    expect(await run(io, ['validate', 'trip.json', 'missing.json'])).toBe(2);
    expect(stdout()).toContain('missing.json cannot be read (ENOENT)');
    expect(stdout()).toContain('FILE_UNREADABLE');
    expect(stdout()).toContain('✓ trip.json');
  });

  it('prints {"files":[{file,valid,issues}]} with --format json', async () => {
    const { io, stdout } = memoryIo({ 'a.json': clean, 'b.json': noPort });
    expect(await run(io, ['validate', '--format', 'json', 'a.json', 'b.json'])).toBe(1);
    const report = JSON.parse(stdout()) as {
      files: { file: string; valid: boolean; issues: { code: string; path: string }[] }[];
    };
    expect(report.files.map((f) => [f.file, f.valid])).toEqual([
      ['a.json', true],
      ['b.json', false],
    ]);
    expect(report.files[1]?.issues).toContainEqual(
      expect.objectContaining({ code: 'TRIP_PORT_UNKNOWN', path: '/usPortOfArrival' }),
    );
  });

  it('reports a document of the wrong shape with JSON Pointers, exit 1', async () => {
    const { io, stdout } = memoryIo({
      'shape.json': JSON.stringify({
        data: 'ACE_TRIP',
        shipments: [{ commodities: [{ quantity: '3' }] }],
      }),
    });
    expect(await run(io, ['validate', '--format', 'json', 'shape.json'])).toBe(1);
    expect(stdout()).toContain('/shipments/0/commodities/0/quantity');
    expect(stdout()).toContain('DOCUMENT_WRONG_TYPE');
  });

  it('uses --now for timing and --rules for the regulation table', async () => {
    const table = {
      ...DEFAULT_REGULATIONS,
      filingLeadTime: {
        ...DEFAULT_REGULATIONS.filingLeadTime,
        standardMinutes: 600,
        fastMinutes: 600,
      },
    };
    const { io } = memoryIo({ 'trip.json': clean, 'rules.json': JSON.stringify(table) });
    expect(await run(io, ['validate', '--now', '2026-11-28T12:00:00Z', 'trip.json'])).toBe(0);
    expect(await run(io, ['validate', '--rules', 'rules.json', 'trip.json'])).toBe(1);
  });

  it('refuses a malformed --rules file with the pointer of each problem', async () => {
    const { io, stderr } = memoryIo({ 'trip.json': clean, 'rules.json': '{"edition":"x"}' });
    expect(await run(io, ['validate', '--rules', 'rules.json', 'trip.json'])).toBe(2);
    expect(stderr()).toContain('rules.json#/filingLeadTime');
    expect(stderr()).toContain('--rules rules.json is not a valid regulation table');
    expect(stderr()).not.toContain('Usage:');
  });

  it('refuses a bad --now, an unknown option and an unknown command with usage, exit 2', async () => {
    const { io, stderr } = memoryIo({ 'trip.json': clean });
    expect(await run(io, ['validate', '--now', 'yesterday', 'trip.json'])).toBe(2);
    expect(stderr()).toContain('--now "yesterday" is not an ISO 8601 date-time');
    expect(await run(io, ['validate', '--colour', 'trip.json'])).toBe(2);
    expect(await run(io, ['validate'])).toBe(2);
    expect(await run(io, ['frobnicate'])).toBe(2);
    expect(stderr()).toContain('unknown command "frobnicate"');
  });

  // It read until V8's string limit; a document past the API's import limit is none of ours.
  it.skipIf(!existsSync('/dev/zero'))(
    'reads at most 32 MiB of a file, as the API takes of an import, and says so (exit 2)',
    async () => {
      expect(MAX_INPUT_FILE_BYTES).toBe(IMPORT_BODY_LIMIT);
      const { io, stdout, stderr } = memoryIo({});
      expect(await run({ ...io, readFile: processIo.readFile }, ['validate', '/dev/zero'])).toBe(2);
      expect(stdout()).toContain(
        '/dev/zero cannot be read (EFBIG: over 32 MiB, the most a document may be). [FILE_UNREADABLE]',
      );
      expect(stderr()).toBe('');
    },
    20_000,
  );
});
