import { describe, expect, it } from 'vitest';
import { failedRowsFileName, progressPercent, type CsvIssue } from './api/upload-csv';
import { allIssues, FILE_LEVEL, issueColumns, visibleIssues } from './issue-rows';
import { splitLines } from '../../lib/api-client';

const issue = (row: number | null, column: string | null, code: string, value = ''): CsvIssue => ({
  row,
  column,
  value,
  code,
  severity: 'error',
  path: '',
  message: `${code} at ${column ?? 'the file'}`,
});

const issues = [
  issue(5, 'Quantity', 'CSV_NUMBER_INVALID', 'twelve'),
  issue(2, 'Weight', 'CSV_NUMBER_INVALID', '1O0'),
  issue(3, 'SCN', 'SCN_FORMAT', 'XX1'),
  issue(null, null, 'CSV_HEADER_UNKNOWN'),
];

describe('the upload report as a table', () => {
  it('sorts by row, column or code, and backwards', () => {
    expect(visibleIssues(issues, allIssues).map((i) => i.row)).toEqual([null, 2, 3, 5]);
    expect(
      visibleIssues(issues, { ...allIssues, sort: 'row', descending: true }).map((i) => i.row),
    ).toEqual([5, 3, 2, null]);
    expect(visibleIssues(issues, { ...allIssues, sort: 'column' }).map((i) => i.column)).toEqual([
      null,
      'Quantity',
      'SCN',
      'Weight',
    ]);
    // Equal codes fall back to the row.
    expect(visibleIssues(issues, { ...allIssues, sort: 'code' }).map((i) => i.row)).toEqual([
      null,
      2,
      5,
      3,
    ]);
  });

  it('filters by words anywhere and by column', () => {
    expect(visibleIssues(issues, { ...allIssues, text: 'twelve' }).map((i) => i.row)).toEqual([5]);
    expect(visibleIssues(issues, { ...allIssues, text: 'number 2' }).map((i) => i.row)).toEqual([
      2,
    ]);
    expect(visibleIssues(issues, { ...allIssues, column: 'SCN' }).map((i) => i.code)).toEqual([
      'SCN_FORMAT',
    ]);
    expect(visibleIssues(issues, { ...allIssues, column: FILE_LEVEL })).toHaveLength(1);
    expect(issueColumns(issues)).toEqual(['Quantity', 'Weight', 'SCN', FILE_LEVEL]);
  });

  it('filters by severity: the errors alone, or the warnings alone', () => {
    const mixed = [
      ...issues,
      { ...issue(4, 'Broker', 'BROKER_MISSING_FOR_PAPS'), severity: 'warning' as const },
    ];
    expect(visibleIssues(mixed, allIssues)).toHaveLength(5);
    expect(visibleIssues(mixed, { ...allIssues, severity: 'error' }).map((i) => i.row)).toEqual([
      null,
      2,
      3,
      5,
    ]);
    expect(
      visibleIssues(mixed, { ...allIssues, severity: 'warning', column: 'Broker' }).map(
        (i) => i.code,
      ),
    ).toEqual(['BROKER_MISSING_FOR_PAPS']);
  });

  it('does not reorder the report it was given', () => {
    visibleIssues(issues, { ...allIssues, sort: 'code' });
    expect(issues.map((i) => i.row)).toEqual([5, 2, 3, null]);
  });
});

describe('the upload helpers', () => {
  it('names the failed rows after the upload', () => {
    expect(failedRowsFileName('march.csv')).toBe('march-failed-rows.csv');
    expect(failedRowsFileName('March.CSV')).toBe('March-failed-rows.csv');
    expect(failedRowsFileName('export.txt')).toBe('export.txt-failed-rows.csv');
  });

  it('turns progress lines into a share of the work', () => {
    expect(progressPercent(undefined, 100)).toBe(0);
    const reading = { phase: 'reading', bytes: 50, shipments: 0, stored: 0 } as const;
    expect(progressPercent(reading, 100)).toBe(30);
    expect(progressPercent({ ...reading, phase: 'checking' }, 100)).toBe(70);
    expect(progressPercent({ phase: 'storing', bytes: 100, shipments: 10, stored: 5 }, 100)).toBe(
      85,
    );
  });

  it('splits a streamed answer into whole lines', () => {
    expect(splitLines('{"a":1}\n{"b"')).toEqual({ lines: ['{"a":1}'], rest: '{"b"' });
    expect(splitLines('{"a":1}\r\n\n')).toEqual({ lines: ['{"a":1}'], rest: '' });
  });
});
