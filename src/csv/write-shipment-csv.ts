import type { Commodity, Shipment } from '../domain/index.js';
import { COLUMN_TARGETS, type ColumnTarget } from './columns.js';
import type { CsvIssue } from './csv-issue.js';
import { getPath, valueText } from './read-shipment-csv.js';
import { csvLine, TEMPLATE_HEADERS } from './template.js';

/**
 * Shipments → template CSV (docs/csv-template.md): one row per commodity, the shipment's
 * columns repeated on every row so a sorted or filtered sheet still reads back the same. What
 * the reader makes of these rows is the shipment again, field for field, for every field the
 * template has a column for.
 */

/** The header used for the failed-rows file's added column; the reader ignores it silently. */
export const ERRORS_HEADER = 'Errors';

/** The template cells of one shipment: one array per commodity (one row when it has none). */
export function shipmentCells(shipment: Shipment): string[][] {
  const shipmentPart = COLUMN_TARGETS.map((column) =>
    column.level === 'shipment' ? shipmentCell(shipment, column) : '',
  );
  const commodities: readonly Commodity[] =
    shipment.commodities !== undefined && shipment.commodities.length > 0
      ? shipment.commodities
      : [{}];
  return commodities.map((commodity) =>
    COLUMN_TARGETS.map((column, index) =>
      column.level === 'shipment' ? (shipmentPart[index] ?? '') : commodityCell(commodity, column),
    ),
  );
}

/**
 * The template CSV of the shipments, line by line (CRLF, RFC 4180), header first unless
 * `withHeader` is false (a later page of a file written a page at a time).
 */
export function* shipmentCsvLines(
  shipments: Iterable<Shipment>,
  withHeader = true,
): Generator<string> {
  if (withHeader) yield csvLine(TEMPLATE_HEADERS);
  for (const shipment of shipments) {
    for (const cells of shipmentCells(shipment)) yield csvLine(cells);
  }
}

export function shipmentCsv(shipments: Iterable<Shipment>): string {
  return [...shipmentCsvLines(shipments)].join('');
}

/** A row the import could not take, with the issues found on it. */
export interface FailedRow {
  readonly row: number;
  /** Template cells in template order. */
  readonly cells: readonly string[];
  readonly issues: readonly CsvIssue[];
  /** The first row of the row's shipment: a row without issues of its own failed with it. */
  readonly shipmentRow: number;
}

/**
 * The failed rows as a template CSV with an added `Errors` column: fix the cells, delete the
 * column or not, and upload the file again.
 */
export function failedRowsCsv(rows: readonly FailedRow[]): string {
  const lines = [csvLine([...TEMPLATE_HEADERS, ERRORS_HEADER])];
  for (const failed of rows) {
    const own = failed.issues.filter((issue) => issue.severity === 'error');
    const errors =
      own.length > 0
        ? own
            .map(
              (issue) =>
                `${issue.column === null ? '' : `${issue.column}: `}${issue.code} ${issue.message}`,
            )
            .join(' | ')
        : `Not imported: the shipment of row ${failed.shipmentRow} has errors.`;
    lines.push(csvLine([...failed.cells, errors]));
  }
  return lines.join('');
}

function shipmentCell(shipment: Shipment, column: ColumnTarget): string {
  if (column.header === 'Broker') {
    const broker = shipment.broker;
    return broker?.filerCode ?? broker?.name ?? '';
  }
  return valueText(getPath(shipment, column.path));
}

function commodityCell(commodity: Commodity, column: ColumnTarget): string {
  switch (column.header) {
    case 'Loaded On': {
      const loadedOn = commodity.loadedOn;
      if (loadedOn === undefined) return '';
      return loadedOn.type?.toUpperCase() === 'TRUCK' ? 'TRUCK' : (loadedOn.number ?? '');
    }
    case 'Marks and Numbers':
      return (commodity.marksAndNumbers ?? []).join('; ');
    default:
      return valueText(getPath(commodity, column.path));
  }
}
