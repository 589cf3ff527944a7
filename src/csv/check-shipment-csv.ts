import { pointerTokens, type Issue, type Shipment } from '../domain/index.js';
import { validateDocument, type RegulationTable } from '../rules/index.js';
import { COLUMN_TARGETS, columnForPointer } from './columns.js';
import { echoedIssue, SaidCells, type CsvIssue } from './csv-issue.js';
import {
  getPath,
  readShipmentCsv,
  valueText,
  type CsvReadOptions,
  type ShipmentRows,
} from './read-shipment-csv.js';

/**
 * Reads a bulk-upload CSV and runs the rule engine on the shipments it describes, as an
 * ACE_SHIPMENT document: the same rules as every other path (docs/architecture.md). Each rule
 * issue's JSON Pointer is mapped back to the row and column the value came from.
 */
export interface CsvCheckOptions extends CsvReadOptions {
  readonly now: Date;
  readonly scac?: string | undefined;
  readonly regulations?: RegulationTable | undefined;
}

export type CsvCheckResult =
  | { readonly kind: 'refused'; readonly issues: readonly CsvIssue[] }
  | {
      readonly kind: 'checked';
      readonly shipmentCount: number;
      readonly rowCount: number;
      /** Ordered by row; issues about the whole file first. */
      readonly issues: readonly CsvIssue[];
    };

export async function checkShipmentCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvCheckOptions,
): Promise<CsvCheckResult> {
  const read = await readShipmentCsv(chunks, options);
  if (read.kind === 'refused') return { kind: 'refused', issues: [read.issue] };
  const ruleIssues = validateDocument(
    { data: 'ACE_SHIPMENT', shipments: read.shipments },
    { now: options.now, scac: options.scac, regulations: options.regulations },
  );
  const said = new SaidCells();
  said.note(read.issues);
  const located = ruleIssues
    .map((issue) => locate(issue, read.shipments, read.rows))
    .filter((issue) => !said.repeats(issue));
  const issues = [...read.issues, ...located]
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
    .map(echoedIssue);
  return {
    kind: 'checked',
    shipmentCount: read.shipments.length,
    rowCount: read.rowCount,
    issues,
  };
}

/** `/shipments/3/commodities/0/value` → the row of shipment 3's first commodity, column Value. */
export function locate(
  issue: Issue,
  shipments: readonly Shipment[],
  rows: readonly ShipmentRows[],
): CsvIssue {
  const tokens = pointerTokens(issue.path);
  const index = Number(tokens[1]);
  const shipment = shipments[index];
  const from = rows[index];
  if (tokens[0] !== 'shipments' || shipment === undefined || from === undefined) {
    return { ...issue, row: null, column: null, value: null };
  }
  const commodityIndex = tokens[2] === 'commodities' ? Number(tokens[3]) : Number.NaN;
  const commodity = shipment.commodities?.[commodityIndex];
  const commodityRow = from.commodityRows[commodityIndex];
  if (commodity !== undefined && commodityRow !== undefined) {
    const column = columnForPointer('commodity', tokens.slice(4));
    return { ...issue, row: commodityRow, column, value: cellValue(commodity, column) };
  }
  const column = columnForPointer('shipment', tokens.slice(2));
  return { ...issue, row: from.firstRow, column, value: cellValue(shipment, column) };
}

function cellValue(target: unknown, header: string | null): string | null {
  const column = COLUMN_TARGETS.find((candidate) => candidate.header === header);
  return column === undefined ? null : valueText(getPath(target, column.path));
}
