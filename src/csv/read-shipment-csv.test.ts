import { describe, expect, it } from 'vitest';
import {
  readShipmentCsv,
  streamShipmentCsv,
  type CsvReadResult,
  type CsvStreamEvent,
} from './read-shipment-csv.js';
import {
  keepParserThreadReady,
  parserThreadReady,
  parserThreadsRunning,
  startParserThread,
  startParserThreadAhead,
  stopKeepingParserThreadReady,
  streamShipmentCsvInWorker,
} from './csv-records-worker.js';
import { TEMPLATE_HEADERS } from './template.js';
import { chunked, csvText, templateRow, utf8 } from './test-csv.js';

async function read(text: string | Uint8Array, chunkSize = 64): Promise<CsvReadResult> {
  const bytes = typeof text === 'string' ? utf8(text) : text;
  return readShipmentCsv(chunked(bytes, chunkSize));
}

async function readOk(text: string | Uint8Array, chunkSize = 64) {
  const result = await read(text, chunkSize);
  if (result.kind !== 'read') throw new Error(`refused: ${result.issue.message}`);
  return result;
}

const codes = (result: { issues: readonly { code: string }[] }) =>
  result.issues.map((issue) => issue.code);

describe('readShipmentCsv: template columns', () => {
  it('maps every template column into the shipment and its commodity', async () => {
    const row = templateRow({
      'Hazmat UN Number': '1993',
      'Emergency Contact Name': 'CHEMTREC',
      'Emergency Contact Phone': '800-424-9300',
      'Emergency Contact Email': 'help@example.com',
      'Marks and Numbers': 'MLM-4471; MLM-4472',
    });
    const result = await readOk(csvText([row]));
    expect(result.issues).toEqual([]);
    expect(result.shipments).toEqual([
      {
        shipmentControlNumber: 'ABCD0001000001',
        type: 'PAPS',
        provinceOfLoading: 'ON',
        orderReference: 'PO-4471',
        shipper: {
          name: 'Maple Leaf Mills',
          address: {
            addressLine: '12 Mill Road',
            city: 'Hamilton',
            stateProvince: 'ON',
            postalCode: 'L8N 1A1',
            country: 'CA',
          },
        },
        consignee: {
          name: 'Great Lakes Foods',
          address: {
            addressLine: '400 Main St',
            city: 'Buffalo',
            stateProvince: 'NY',
            postalCode: '14202',
            country: 'US',
          },
        },
        broker: { filerCode: 'N7B' },
        commodities: [
          {
            loadedOn: { type: 'TRAILER', number: 'TR-5501' },
            description: 'Rolled oats in paper bags',
            quantity: 20,
            packagingUnit: 'PLT',
            weight: 12000,
            weightUnit: 'L',
            value: 18500,
            countryOfOrigin: 'CA',
            harmonizedCode: '110412',
            marksAndNumbers: ['MLM-4471', 'MLM-4472'],
            hazmat: {
              unNumber: '1993',
              emergencyContact: {
                name: 'CHEMTREC',
                phone: '800-424-9300',
                email: 'help@example.com',
              },
            },
          },
        ],
      },
    ]);
    expect(result.rows).toEqual([{ firstRow: 2, commodityRows: [2] }]);
  });

  it('reads a broker name from the address book, and TRUCK as the truck itself', async () => {
    const result = await readOk(
      csvText([templateRow({ Broker: 'Niagara Customs Brokers', 'Loaded On': 'truck' })]),
    );
    expect(result.shipments[0]?.broker).toEqual({ name: 'Niagara Customs Brokers' });
    expect(result.shipments[0]?.commodities?.[0]?.loadedOn).toEqual({ type: 'TRUCK' });
  });

  it.each([
    ['PAPS', 'PAPS'],
    ['SECTION 321', 'SECTION_321'],
    ['Section 321', 'SECTION_321'],
    ['SECTION_321', 'SECTION_321'],
    ['INTANGIBLES', 'INTANGIBLES'],
    ['ATTACHED_CF7523', 'ATTACHED_CF7523'],
    ['in bond', 'IN_BOND'],
    ['QP_IN_BOND', 'QP_IN_BOND'],
  ])('reads Shipment Type %s as %s', async (written, code) => {
    const result = await readOk(csvText([templateRow({ 'Shipment Type': written })]));
    expect(result.shipments[0]?.type).toBe(code);
  });

  it('matches headers in any order, case and spacing', async () => {
    const header = [...TEMPLATE_HEADERS].reverse().map((h) => h.toUpperCase().replace(/ /g, ''));
    const row = [...templateRow({ Description: 'Maple syrup' })].reverse();
    const result = await readOk(csvText([row], header));
    expect(result.shipments[0]?.commodities?.[0]?.description).toBe('Maple syrup');
    expect(result.issues).toEqual([]);
  });

  it('warns about an unknown column and ignores it', async () => {
    const result = await readOk(csvText([[...templateRow(), 'x']], [...TEMPLATE_HEADERS, 'Notes']));
    expect(result.issues).toMatchObject([
      { code: 'CSV_HEADER_UNKNOWN', severity: 'warning', row: 1, column: 'Notes' },
    ]);
    expect(result.shipments).toHaveLength(1);
  });
});

describe('readShipmentCsv: rows and shipments', () => {
  it('forms one shipment of the rows sharing an SCN, adjacent or not, blanks allowed', async () => {
    const blankShipmentColumns = Object.fromEntries(
      TEMPLATE_HEADERS.slice(1, 17).map((header) => [header, '']),
    );
    const result = await readOk(
      csvText([
        templateRow({ Description: 'Oats' }),
        templateRow({ SCN: 'ABCD0001000002', Description: 'Barley' }),
        templateRow({ ...blankShipmentColumns, Description: 'Rye' }),
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(result.shipments.map((s) => s.commodities?.map((c) => c.description))).toEqual([
      ['Oats', 'Rye'],
      ['Barley'],
    ]);
    expect(result.rows).toEqual([
      { firstRow: 2, commodityRows: [2, 4] },
      { firstRow: 3, commodityRows: [3] },
    ]);
  });

  it("refuses a later row whose shipment-level value disagrees with the shipment's first row", async () => {
    const result = await readOk(
      csvText([templateRow(), templateRow({ 'Consignee City': 'Rochester', Description: 'Rye' })]),
    );
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'CSV_SHIPMENT_DISAGREES',
        row: 3,
        column: 'Consignee City',
        value: 'Rochester',
        message: expect.stringContaining('first row (row 2), which has "Buffalo"') as string,
      }),
    ]);
  });

  it('draws one SCN per consignee and order reference for <SCAC>AUTOFILL', async () => {
    const autofill = (consignee: string, order: string) =>
      templateRow({ SCN: 'ABCDAUTOFILL', 'Consignee Name': consignee, 'Order Reference': order });
    const result = await readOk(
      csvText([
        autofill('Great Lakes Foods', 'PO-1'),
        autofill('Great Lakes Foods', 'PO-2'),
        autofill('Great Lakes Foods', 'PO-1'),
        autofill('Buffalo Bakery', 'PO-1'),
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(result.shipments.map((s) => s.shipmentControlNumber)).toEqual([
      'ABCD0000000001',
      'ABCD0000000002',
      'ABCD0000000003',
    ]);
    expect(result.rows.map((r) => r.commodityRows)).toEqual([[2, 4], [3], [5]]);
  });

  it('refuses the rows that mix typed SCNs and AUTOFILL', async () => {
    const result = await readOk(csvText([templateRow(), templateRow({ SCN: 'abcdautofill' })]));
    expect(result.issues).toMatchObject([
      { code: 'CSV_SCN_MIXED', row: 3, column: 'SCN', value: 'abcdautofill' },
    ]);
    expect(result.shipments).toHaveLength(1);
  });

  it('reports a row wider than the header with its extra values, as an error', async () => {
    const result = await readOk(csvText([[...templateRow(), '', 'Unit 4']]));
    expect(result.issues).toMatchObject([
      { code: 'CSV_ROW_TOO_WIDE', severity: 'error', row: 2, value: 'Unit 4' },
    ]);
    // An error stops the row: the message must not say its values are taken anyway.
    expect(result.issues[0]?.message).not.toMatch(/ignored/);
    expect(result.issues[0]?.message).toContain('Quote that value');
  });

  it('refuses a control character in a cell, by row and column; line breaks in quotes are text', async () => {
    const result = await readOk(
      csvText([
        templateRow({ 'Shipper Name': 'Maple\u0001Leaf Mills' }),
        templateRow({ SCN: 'ABCD0001000002', Description: 'Oats\r\nin\tbags' }),
      ]),
    );
    expect(result.issues).toMatchObject([
      {
        code: 'TEXT_CONTROL_CHARACTER',
        severity: 'error',
        row: 2,
        column: 'Shipper Name',
        value: 'Maple\u0001Leaf Mills',
      },
    ]);
    expect(result.issues[0]?.message).toBe(
      'Shipper Name on row 2 contains the control character U+0001; remove it.',
    );
  });

  it('names each cell with a control character, and none in a column it ignores', async () => {
    const result = await readOk(
      csvText(
        [
          [...templateRow({ Description: 'Oats\u0002', HTS: '\u007f110412' }), 'note\u0003'],
          [...templateRow({ SCN: 'ABCD0001000002' }), 'tab\u0004'],
        ],
        [...TEMPLATE_HEADERS, 'Internal note'],
      ),
    );
    expect(
      result.issues
        .filter((issue) => issue.code === 'TEXT_CONTROL_CHARACTER')
        .map((issue) => [issue.row, issue.column]),
    ).toEqual([
      [2, 'Description'],
      [2, 'HTS'],
    ]);
  });
});

describe('readShipmentCsv: numbers', () => {
  it('accepts $ and thousands separators in Value with a warning', async () => {
    const result = await readOk(csvText([templateRow({ Value: '$1,250.50' })]));
    expect(result.shipments[0]?.commodities?.[0]?.value).toBe(1250.5);
    expect(result.issues).toMatchObject([
      {
        code: 'CSV_MONEY_FORMAT',
        severity: 'warning',
        row: 2,
        column: 'Value',
        value: '$1,250.50',
      },
    ]);
  });

  it('refuses a number of more than 15 digits by its text, not as Infinity or 1e+30', async () => {
    const nines = '9'.repeat(400);
    const result = await readOk(
      csvText([templateRow({ Quantity: '9'.repeat(30), Weight: nines, Value: `$${nines}.00` })]),
    );
    expect(result.issues).toMatchObject([
      { code: 'CSV_NUMBER_INVALID', row: 2, column: 'Quantity', value: '9'.repeat(30) },
      { code: 'CSV_NUMBER_INVALID', row: 2, column: 'Weight', value: nines },
      { code: 'CSV_NUMBER_INVALID', row: 2, column: 'Value', value: `$${nines}.00` },
    ]);
    expect(result.shipments[0]?.commodities?.[0]).not.toHaveProperty('weight');
  });

  it('rounds a decimal weight up with a warning, and reads thousands separators', async () => {
    const result = await readOk(
      csvText([
        templateRow({ Weight: '12.2' }),
        templateRow({ Weight: '1,200', Description: 'x' }),
      ]),
    );
    expect(result.shipments[0]?.commodities?.map((c) => c.weight)).toEqual([13, 1200]);
    expect(result.issues).toMatchObject([
      { code: 'CSV_WEIGHT_ROUNDED', row: 2, column: 'Weight', value: '12.2' },
    ]);
  });

  it.each([
    ['Quantity', '2.5'],
    ['Quantity', 'twenty'],
    ['Weight', '-4'],
    ['Weight', '1,5'],
    ['Value', 'USD 12'],
  ])('refuses %s "%s" at its row and column', async (header, text) => {
    const result = await readOk(csvText([templateRow({ [header]: text })]));
    expect(result.issues).toMatchObject([
      { code: 'CSV_NUMBER_INVALID', row: 2, column: header, value: text },
    ]);
  });
});

describe('readShipmentCsv: bounds', () => {
  const rows = (count: number, overrides: Record<string, string>) =>
    Array.from({ length: count }, (_, n) =>
      templateRow({ SCN: `ABCD${100000 + n}`, ...overrides }),
    );
  const bounds = { rows: 5, errors: 3 };

  it('stops reading past the most data rows, with one error about the whole file', async () => {
    const text = csvText(rows(8, {}));
    const result = await readShipmentCsv(chunked(utf8(text), 64), { bounds });
    if (result.kind !== 'read') throw new Error('refused');
    expect(result.rowCount).toBe(5);
    expect(result.shipments).toHaveLength(5);
    expect(result.issues).toMatchObject([
      { code: 'CSV_TOO_MANY_ROWS', severity: 'error', row: null },
    ]);
    expect(result.issues[0]?.message).toContain('row 7');
  });

  it('stops reading past the most errors, listing the first ones, streamed too', async () => {
    const text = csvText(rows(8, { Quantity: 'twelve' }));
    const result = await readShipmentCsv(chunked(utf8(text), 64), {
      bounds: { ...bounds, rows: 100 },
    });
    if (result.kind !== 'read') throw new Error('refused');
    expect(result.rowCount).toBe(4);
    expect(codes(result)).toEqual([
      'CSV_NUMBER_INVALID',
      'CSV_NUMBER_INVALID',
      'CSV_NUMBER_INVALID',
      'CSV_TOO_MANY_ERRORS',
    ]);
    const streamed: string[] = [];
    for await (const event of streamShipmentCsv(chunked(utf8(text), 64), {
      bounds: { ...bounds, rows: 100 },
    })) {
      if (event.kind === 'shipments' || event.kind === 'end') streamed.push(...codes(event));
    }
    expect(streamed).toEqual(codes(result));
  });

  it('lists at most 1,000 warnings of one code and counts the rest', async () => {
    const result = await readOk(csvText(rows(1_200, { Weight: '10.5' })), 4096);
    expect(result.issues).toHaveLength(1_001);
    expect(result.issues.at(-1)).toMatchObject({ code: 'ISSUES_TRUNCATED', severity: 'warning' });
    expect(result.issues.at(-1)?.message).toContain('200 more CSV_WEIGHT_ROUNDED');
  });
});

describe('readShipmentCsv: bytes and syntax', () => {
  const rows = [
    templateRow({ 'Shipper Address': '12 Mill Road, Unit 4', Description: 'Oats\n"bulk" bags' }),
    templateRow({ 'Shipper Address': '12 Mill Road, Unit 4', Description: 'Barley' }),
  ];
  const expected = ['Oats\n"bulk" bags', 'Barley'];

  it.each([1, 2, 3, 7, 4096])(
    'reads quoted commas, quotes and line breaks in chunks of %i bytes',
    async (size) => {
      const result = await readOk(csvText(rows), size);
      expect(result.shipments[0]?.commodities?.map((c) => c.description)).toEqual(expected);
      expect(result.shipments[0]?.shipper?.address?.addressLine).toBe('12 Mill Road, Unit 4');
      expect(result.rows[0]?.commodityRows).toEqual([2, 3]);
    },
  );

  it('reads LF line ends, a UTF-8 byte-order mark and a trailing blank line', async () => {
    const text = '\ufeff' + csvText(rows).replace(/\r\n/g, '\n') + '\n';
    const result = await readOk(text, 5);
    expect(result.issues).toEqual([]);
    expect(result.shipments[0]?.commodities?.map((c) => c.description)).toEqual(expected);
    expect(result.shipments[0]?.shipmentControlNumber).toBe('ABCD0001000001');
  });

  it('keeps UTF-8 letters split across chunks', async () => {
    const result = await readOk(csvText([templateRow({ 'Shipper Name': 'Érablière Côté' })]), 1);
    expect(result.shipments[0]?.shipper?.name).toBe('Érablière Côté');
    expect(result.encoding).toBe('utf-8');
  });

  it('reads a Windows-1252 export as such, with a warning', async () => {
    const text = csvText([templateRow({ 'Shipper Name': 'Érablière Côté' })]);
    const bytes = Uint8Array.from(text, (char) => {
      const code = char.charCodeAt(0);
      if (code > 0xff) throw new Error('not Latin-1');
      return code;
    });
    const result = await readOk(bytes, 100);
    expect(result.shipments[0]?.shipper?.name).toBe('Érablière Côté');
    expect(result.issues).toMatchObject([
      { code: 'CSV_ENCODING_CONVERTED', severity: 'warning', row: null },
    ]);
  });

  it('reads the smart quotes and dashes of a Windows-1252 export as text, not control characters', async () => {
    const text = csvText([templateRow({ Description: 'x' })]);
    // 0x93 and 0x94 are “ and ”, 0x96 is –: what a spreadsheet on Windows writes for them.
    const bytes = new Uint8Array([
      ...utf8(text.slice(0, text.indexOf(',x,') + 1)),
      0x93,
      0x4f,
      0x61,
      0x74,
      0x73,
      0x94,
      0x20,
      0x96,
      0x20,
      0x32,
      0x30,
      0x20,
      0x6b,
      0x67,
      ...utf8(text.slice(text.indexOf(',x,') + 2)),
    ]);
    const result = await readOk(bytes, 100);
    expect(result.shipments[0]?.commodities?.[0]?.description).toBe(
      '\u201cOats\u201d \u2013 20 kg',
    );
    expect(result.issues.map((issue) => issue.code)).toEqual(['CSV_ENCODING_CONVERTED']);
  });

  it('refuses a binary file with one message', async () => {
    const result = await read(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(result).toMatchObject({
      kind: 'refused',
      issue: { code: 'CSV_NOT_CSV', message: expect.stringContaining('binary') as string },
    });
  });

  it('refuses a file whose quote is never closed, at the row where the quoted field starts', async () => {
    // Windows line ends, and more rows after the quote: they all become part of the field.
    const rows = [templateRow({ Description: 'x' }), templateRow({ Description: 'y' })];
    const text = csvText(rows) + '"ABCD0001000009,PAPS\r\n' + csvText(rows).replace(/^.*\r\n/, '');
    const result = await read(text);
    expect(result).toMatchObject({
      kind: 'refused',
      issue: {
        code: 'CSV_NOT_CSV',
        row: 4,
        message:
          'the file is not valid CSV: the quoted field that starts on row 4 is never closed. Look for a lone double quote (") there.',
      },
    });
    // A quote inside an unquoted field is part of it (12" pipe), as spreadsheet programs read
    // it: the value is read, and the rules judge it.
    const inside = await read(csvText([templateRow({ Description: '12" pipe' })]));
    expect(inside).toMatchObject({ kind: 'read', issues: [] });
    expect(inside.kind === 'read' && inside.shipments[0]?.commodities?.[0]?.description).toBe(
      '12" pipe',
    );
  });

  it('refuses an empty file', async () => {
    expect(await read('')).toMatchObject({ kind: 'refused', issue: { code: 'CSV_NOT_CSV' } });
  });

  it('refuses a header row without the required columns, naming them', async () => {
    const result = await read('Name,Address\nA,B\n');
    expect(result).toMatchObject({
      kind: 'refused',
      issue: {
        code: 'CSV_HEADER_INVALID',
        row: 1,
        message: expect.stringContaining(
          'lacks the required columns "SCN", "Shipment Type", "Description", "Quantity", "Weight"',
        ) as string,
      },
    });
  });

  it('refuses a header row naming a column twice', async () => {
    const result = await read(csvText([], [...TEMPLATE_HEADERS, 'weight']));
    expect(result).toMatchObject({
      kind: 'refused',
      issue: {
        code: 'CSV_HEADER_INVALID',
        message: expect.stringContaining('"Weight" twice') as string,
      },
    });
  });

  it('counts blank lines as rows, as a spreadsheet does', async () => {
    const text =
      csvText([templateRow()]) +
      ',,,\r\n' +
      csvText([templateRow({ SCN: 'ABCD0001000002' })])
        .split('\r\n')
        .slice(1)
        .join('\r\n');
    const result = await readOk(text);
    expect(result.rows.map((r) => r.firstRow)).toEqual([2, 4]);
    expect(codes(result)).toEqual([]);
  });
});

// The import streams a large file with the whole reader in the parser thread
// (csv-records-worker.ts): both must give out the same events from the same bytes.
describe.each<[string, typeof streamShipmentCsv]>([
  ['in this thread', streamShipmentCsv],
  ['in the parser thread', (chunks, options) => streamShipmentCsvInWorker(chunks, options)],
])('streamShipmentCsv %s', (_, stream) => {
  async function eventsOf(chunks: Iterable<Uint8Array>): Promise<CsvStreamEvent[]> {
    const all: CsvStreamEvent[] = [];
    for await (const event of stream(chunks)) all.push(event);
    return all;
  }
  const events = (text: string): Promise<CsvStreamEvent[]> => eventsOf(chunked(utf8(text), 64));

  it('gives out what readShipmentCsv reads of a grouped file, in steps, then the end', async () => {
    const rows = Array.from({ length: 230 }, (_, i) =>
      templateRow({ SCN: `ABCD${String(1000000 + Math.floor(i / 2))}`, Quantity: String(i % 7) }),
    );
    rows.push(templateRow({ SCN: '', Description: 'No SCN' }), templateRow({ Weight: 'heavy' }));
    const text = csvText(rows);
    const whole = await readOk(text);
    const streamed = await events(text);
    const shipments = streamed.flatMap((event) =>
      event.kind === 'shipments' ? event.shipments : [],
    );
    expect(streamed.filter((event) => event.kind === 'shipments').length).toBeGreaterThan(1);
    expect(shipments.map((read) => read.shipment)).toEqual(whole.shipments);
    expect(shipments.map((read) => read.rows)).toEqual(whole.rows);
    const issues = streamed.flatMap((event) =>
      event.kind === 'shipments' || event.kind === 'end' ? event.issues : [],
    );
    expect(issues).toEqual(whole.issues);
    expect(codes({ issues })).toContain('CSV_NUMBER_INVALID');
    expect(streamed.at(-1)).toEqual({
      kind: 'end',
      issues: [],
      leftOut: whole.leftOut,
      rowCount: whole.rowCount,
    });
  });

  it('ends with `scattered` at a row joining a shipment already given out', async () => {
    const text = csvText([
      templateRow({ SCN: 'ABCD0001000001' }),
      templateRow({ SCN: 'ABCD0001000002' }),
      templateRow({ SCN: 'ABCD0001000001', Description: 'Barley' }),
    ]);
    expect((await events(text)).at(-1)).toEqual({ kind: 'scattered', row: 4 });
  });

  it('ends with `refused` for a quote never closed, a binary file and a file without header', async () => {
    const refusal = async (chunks: Iterable<Uint8Array>) => {
      const all = await eventsOf(chunks);
      const last = all.at(-1);
      expect(last?.kind).toBe('refused');
      return last?.kind === 'refused' ? last.issue : undefined;
    };
    const unclosed = await refusal([utf8(`${csvText([templateRow()])}"ABCD1,oats\n`)]);
    expect(unclosed?.code).toBe('CSV_NOT_CSV');
    expect(unclosed?.row).toBe(3);
    expect(unclosed?.message).toMatch(/quoted field that starts on row 3 is never closed/);
    const binary = await refusal([utf8(csvText([templateRow()])), Uint8Array.of(0x50, 0x4b, 0x00)]);
    expect(binary?.message).toMatch(/NUL bytes/);
    expect((await refusal([utf8('')]))?.message).toMatch(/no header row/);
  });

  it('says last that a file not in UTF-8 was read as Windows-1252', async () => {
    const [before, after] = csvText([templateRow({ Description: 'Caf@ au lait' })]).split('@');
    // 0xE9 is é in Windows-1252 and no UTF-8 sequence.
    const all = await eventsOf([utf8(before ?? ''), Uint8Array.of(0xe9), utf8(after ?? '')]);
    const shipments = all.flatMap((event) => (event.kind === 'shipments' ? event.shipments : []));
    expect(shipments[0]?.shipment.commodities?.[0]?.description).toBe('Café au lait');
    const issues = all.flatMap((event) =>
      event.kind === 'shipments' || event.kind === 'end' ? event.issues : [],
    );
    expect(codes({ issues })).toEqual(['CSV_ENCODING_CONVERTED']);
    expect(all.at(-1)?.kind).toBe('end');
  });

  it('gives out its first shipments in small steps, then a hundred at a time', async () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      templateRow({ SCN: `ABCD${String(1000000 + i)}` }),
    );
    const sizes = (await events(csvText(rows))).flatMap((event) =>
      event.kind === 'shipments' ? [event.shipments.length] : [],
    );
    // The import stores each step as it comes: it starts on the first dozen, not the first 100.
    expect(sizes).toEqual([12, 24, 48, 96, 100, 100, 20]);
  });

  it('stops reading, and its thread, when the caller stops early', async () => {
    const rows = Array.from({ length: 600 }, (_, i) =>
      templateRow({ SCN: `ABCD${String(1000000 + i)}` }),
    );
    const running = parserThreadsRunning();
    for await (const event of stream(chunked(utf8(csvText(rows)), 4096))) {
      expect(event.kind).toBe('shipments');
      break;
    }
    expect(parserThreadsRunning()).toBe(running);
  });
});

describe('a parser thread started ahead', () => {
  const rows = Array.from({ length: 150 }, (_, i) =>
    templateRow({ SCN: `ABCD${String(1000000 + i)}` }),
  );
  const bytes = utf8(csvText(rows));
  async function shipmentsRead(): Promise<number> {
    let count = 0;
    const events = streamShipmentCsvInWorker(chunked(bytes, 4096), {}, startParserThread());
    for await (const event of events)
      if (event.kind === 'shipments') count += event.shipments.length;
    return count;
  }

  it("is the next read's thread, and no other is started after it", async () => {
    const running = parserThreadsRunning();
    startParserThreadAhead();
    expect(parserThreadReady()).toBe(true);
    // Waiting, it is no read's: not counted among the threads reads left running.
    expect(parserThreadsRunning()).toBe(running);
    expect(await shipmentsRead()).toBe(150);
    expect(parserThreadReady()).toBe(false);
    expect(parserThreadsRunning()).toBe(running);
  });

  it("kept ready, is started again once a read's thread ends, until told to stop", async () => {
    keepParserThreadReady();
    try {
      expect(parserThreadReady()).toBe(true);
      expect(await shipmentsRead()).toBe(150);
      expect(parserThreadReady()).toBe(true);
      expect(await shipmentsRead()).toBe(150);
      expect(parserThreadReady()).toBe(true);
    } finally {
      await stopKeepingParserThreadReady();
    }
    expect(parserThreadReady()).toBe(false);
    expect(await shipmentsRead()).toBe(150);
    expect(parserThreadReady()).toBe(false);
  });
});
