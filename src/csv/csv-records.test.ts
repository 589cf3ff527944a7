import { Parser as BrowserParser } from 'csv-parse/browser/esm';
import { describe, expect, it } from 'vitest';
import { csvRecords, CsvRefusal } from './csv-records.js';
import { chunked, utf8 } from './test-csv.js';

async function records(text: string, size: number, browser: boolean): Promise<string[][]> {
  const source = browser
    ? csvRecords(chunked(utf8(text), size), BrowserParser)
    : csvRecords(chunked(utf8(text), size));
  const all: string[][] = [];
  for await (const record of source.records) all.push(record);
  return all;
}

// The web app will read CSV in the browser with csv-parse's browser build (package.json
// "imports"); both builds must read the same records through this adapter.
describe.each([
  ['Node', false],
  ['browser', true],
])('csvRecords with the %s build of csv-parse', (_, browser) => {
  const text = 'SCN,Description\r\nA1,"Oats, ""rolled""\nbags"\nA2,Rye\r\n\n';

  it.each([1, 4, 1000])(
    'reads mixed line ends and quoted fields in %i-byte chunks',
    async (size) => {
      expect(await records(text, size, browser)).toEqual([
        ['SCN', 'Description'],
        ['A1', 'Oats, "rolled"\nbags'],
        ['A2', 'Rye'],
        [''],
      ]);
    },
  );

  it('reads an empty file as no records', async () => {
    expect(await records('', 10, browser)).toEqual([]);
  });

  it('refuses a quote never closed', async () => {
    await expect(records('a,b\n"x,1\n', 3, browser)).rejects.toBeInstanceOf(CsvRefusal);
  });
});
