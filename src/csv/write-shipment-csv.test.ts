import { describe, expect, it } from 'vitest';
import { aShipment, aCommodity } from '../../test/builders.js';
import { readShipmentCsv } from './read-shipment-csv.js';
import { TEMPLATE_HEADERS } from './template.js';
import { csvText, templateRow, utf8 } from './test-csv.js';
import { failedRowsCsv, shipmentCells, shipmentCsv } from './write-shipment-csv.js';

describe('shipmentCsv', () => {
  it('writes one row per commodity, repeating the shipment columns, and reads back the same shipments', async () => {
    const shipments = [
      aShipment({
        shipmentControlNumber: 'ABCD100001',
        broker: { filerCode: 'N7B' },
        commodities: [
          aCommodity({ marksAndNumbers: ['A, 1', 'B "2"'] }),
          aCommodity({ loadedOn: { type: 'TRUCK' }, description: 'Line\nbreak', value: 12.5 }),
        ],
      }),
      aShipment({ shipmentControlNumber: 'ABCD100002', broker: { name: 'Niagara Brokers' } }),
    ];
    const text = shipmentCsv(shipments);
    expect(text.split('\r\n')[0]).toBe(TEMPLATE_HEADERS.join(','));
    const read = await readShipmentCsv([utf8(text)]);
    if (read.kind !== 'read') throw new Error('refused');
    expect(read.issues).toEqual([]);
    expect(read.rowCount).toBe(3);
    expect(read.shipments).toEqual(shipments);
    expect(shipmentCsv(read.shipments)).toBe(text);
  });

  it('writes a shipment without commodities as one row with blank commodity cells', () => {
    const [row, ...rest] = shipmentCells(aShipment({ commodities: [] }));
    expect(rest).toEqual([]);
    expect(row?.[TEMPLATE_HEADERS.indexOf('Description')]).toBe('');
    expect(row?.[TEMPLATE_HEADERS.indexOf('SCN')]).toBe('DEMO0001000001');
  });
});

describe('failedRowsCsv', () => {
  it('adds an Errors column the reader ignores without a warning when the file comes back', async () => {
    const cells = templateRow({ Quantity: 'twelve' });
    const text = failedRowsCsv([
      {
        row: 7,
        cells,
        shipmentRow: 7,
        issues: [
          {
            code: 'CSV_NUMBER_INVALID',
            severity: 'error',
            path: '',
            message: 'Quantity "twelve" on row 7 is not a whole number.',
            row: 7,
            column: 'Quantity',
            value: 'twelve',
          },
        ],
      },
      { row: 8, cells: templateRow(), shipmentRow: 7, issues: [] },
    ]);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe([...TEMPLATE_HEADERS, 'Errors'].join(','));
    expect(lines[1]).toContain('Quantity: CSV_NUMBER_INVALID Quantity ""twelve"" on row 7');
    expect(lines[2]).toContain('Not imported: the shipment of row 7 has errors.');
    const read = await readShipmentCsv([utf8(text)]);
    if (read.kind !== 'read') throw new Error('refused');
    expect(read.issues.map((issue) => issue.code)).toEqual(['CSV_NUMBER_INVALID']);
    expect(csvText([cells])).toContain('twelve');
  });
});
