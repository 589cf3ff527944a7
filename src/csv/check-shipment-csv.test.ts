import { describe, expect, it } from 'vitest';
import { checkShipmentCsv } from './check-shipment-csv.js';
import { csvText, templateRow, utf8 } from './test-csv.js';

const now = new Date('2026-11-28T12:00:00Z');

async function check(text: string) {
  return checkShipmentCsv([utf8(text)], { now, scac: 'ABCD' });
}

describe('checkShipmentCsv', () => {
  it("finds nothing wrong with the template's example row", async () => {
    const result = await check(csvText([templateRow()]));
    expect(result).toEqual({ kind: 'checked', shipmentCount: 1, rowCount: 1, issues: [] });
  });

  it('echoes a huge cell shortened, saying how long it was', async () => {
    const huge = `PO-${'9'.repeat(99_997)}`;
    const result = await check(csvText([templateRow({ 'Order Reference': huge })]));
    if (result.kind !== 'checked') throw new Error('refused');
    const [issue] = result.issues;
    expect(issue).toMatchObject({ code: 'TEXT_TOO_LONG', row: 2, column: 'Order Reference' });
    expect(issue?.value).toBe(`${huge.slice(0, 256)}… (100,000 characters in all)`);
    expect(issue?.message.length).toBeLessThanOrEqual(1_100);
  });

  it("locates the rule engine's issues at the row and column the value came from", async () => {
    const result = await check(
      csvText([
        templateRow(),
        templateRow({ SCN: 'ABCD0001000002', 'Consignee Name': '' }),
        templateRow({
          SCN: 'ABCD0001000002',
          'Consignee Name': '',
          'Packaging Unit': 'XXX',
          Description: 'Rye',
        }),
      ]),
    );
    expect(result.kind).toBe('checked');
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'PARTY_NAME_REQUIRED',
        path: '/shipments/1/consignee/name',
        row: 3,
        column: 'Consignee Name',
        value: '',
      }),
      expect.objectContaining({
        code: 'COMMODITY_PACKAGING_UNIT_UNKNOWN',
        path: '/shipments/1/commodities/1/packagingUnit',
        row: 4,
        column: 'Packaging Unit',
        value: 'XXX',
      }),
    ]);
  });

  it('lists reader and rule issues together, in row order', async () => {
    const result = await check(
      csvText([
        templateRow({ Weight: 'heavy', Quantity: 'ten' }),
        templateRow({ SCN: 'ABCD-1', Value: '$5' }),
      ]),
    );
    // A cell the reader could not read is said once, by the reader with its text: not again
    // by the rule that then finds the value missing (COMMODITY_WEIGHT_REQUIRED, …).
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.code])).toEqual([
      [2, 'Quantity', 'CSV_NUMBER_INVALID'],
      [2, 'Weight', 'CSV_NUMBER_INVALID'],
      [3, 'Value', 'CSV_MONEY_FORMAT'],
      [3, 'SCN', expect.stringMatching(/SCN/) as string],
    ]);
  });

  it('passes a refusal on as the only issue', async () => {
    expect(await check('Name\nx\n')).toMatchObject({
      kind: 'refused',
      issues: [{ code: 'CSV_HEADER_INVALID' }],
    });
  });
});
