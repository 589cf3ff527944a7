// The files themselves, not their folders' indexes: this module also runs in the parser thread
// (csv-records-worker.ts), which should not load the whole domain and every code list to start.
import { SHIPMENT_TYPES } from '../codes/data/shipment-types.js';
import { CONTROL_BUT_WHITESPACE, controlCodePoint } from '../domain/control-characters.js';
import type { Commodity, Shipment } from '../domain/index.js';
import { readNumber } from './cell-values.js';
import { COLUMN_BY_KEY, COLUMN_TARGETS, type ColumnTarget } from './columns.js';
import { csvIssue, type CsvIssue } from './csv-issue.js';
import { csvRecords, CsvRefusal, type CsvRecordSource, type Encoding } from './csv-records.js';
import { headerKey, TEMPLATE_COLUMNS } from './template.js';
import {
  IssueBudget,
  MAX_CSV_ERRORS,
  MAX_CSV_ROWS,
  tooManyErrors,
  tooManyRows,
} from './issue-budget.js';

/**
 * The bulk-upload reader (docs/csv-template.md): CSV byte chunks → the shipments they describe,
 * with every problem located at its row and column. Only compact shipment objects are kept,
 * never the rows: rows of one shipment need not be adjacent, so shipments stay open to the end.
 */

/** Where a shipment came from in the file, to locate the rule engine's issues. */
export interface ShipmentRows {
  readonly firstRow: number;
  /** The CSV row of each commodity, in order. */
  readonly commodityRows: readonly number[];
}

export type CsvReadResult =
  | { readonly kind: 'refused'; readonly issue: CsvIssue }
  | {
      readonly kind: 'read';
      readonly shipments: Shipment[];
      readonly rows: ShipmentRows[];
      readonly issues: CsvIssue[];
      /** Rows placed in no shipment (an error says why), their template cells in template order. */
      readonly leftOut: LeftOutRow[];
      /** Data rows read; neither the header nor blank lines count. */
      readonly rowCount: number;
      readonly encoding: Encoding;
    };

export interface LeftOutRow {
  readonly row: number;
  readonly cells: string[];
}

export interface CsvReadOptions {
  /**
   * What an AUTOFILL shipment's SCN is read as: `numbered` (the default) gives the index-th one
   * of a file written with `scac`AUTOFILL the SCN `scac` + index, for a check without a
   * database; `kept` leaves `scac`AUTOFILL for the import to draw from the company sequence.
   * Data, not a function, so that the parser thread can be told.
   */
  readonly autofillScns?: 'numbered' | 'kept' | undefined;
  /** Where the records come from: csvRecords in this thread unless told (csvRecordsInWorker). */
  readonly records?: CsvRecordSource | undefined;
  /**
   * Where the reading stops (issue-budget.ts): more data rows than `rows`, or more errors than
   * `errors`. Data, as `autofillScns`; the defaults unless a test needs small ones.
   */
  readonly bounds?: { readonly rows: number; readonly errors: number } | undefined;
}

const ERRORS_KEY = headerKey('Errors');

/** Read as numbers: their text is not kept, so not interned. */
const NUMBER_COLUMNS = new Set(['Quantity', 'Weight', 'Value']);

const AUTOFILL = /^([A-Z0-9]{2,4})AUTOFILL$/i;

/** A column with its place in the template, where a row's cells are kept. */
interface Placed extends ColumnTarget {
  readonly at: number;
}

const PLACED: readonly Placed[] = COLUMN_TARGETS.map((column, at) => ({ ...column, at }));
const SHIPMENT_COLUMNS = PLACED.filter(
  (column) => column.level === 'shipment' && column.header !== 'SCN',
);
const COMMODITY_COLUMNS = PLACED.filter((column) => column.level === 'commodity');
const AT = new Map(PLACED.map((column) => [column.header, column.at]));
const SCN_AT = AT.get('SCN') ?? 0;
const CONSIGNEE_NAME_AT = AT.get('Consignee Name') ?? 0;
const ORDER_REFERENCE_AT = AT.get('Order Reference') ?? 0;

/**
 * The parties' addresses, parties and one-object cells (Broker, Loaded On, Marks and Numbers)
 * repeat from row to row: a shipment built from the same cells shares one object instead of
 * holding a copy (a trip of 100,000 shipments). Nothing mutates what the reader built: the rule
 * engine is pure and the batch path serialises it.
 */
const SHARED_GROUPS = [
  ['shipper', 'address'],
  ['consignee', 'address'],
  ['shipper'],
  ['consignee'],
].map((path) => ({
  parent: path.slice(0, -1),
  field: path[path.length - 1] ?? '',
  name: path.join('.'),
  ats: SHIPMENT_COLUMNS.filter((column) =>
    path.every((segment, i) => column.path[i] === segment),
  ).map((column) => column.at),
}));

/** The commercial CSV spellings (`SECTION 321`) and our codes (`SECTION_321`), any case. */
const SHIPMENT_TYPE_BY_SPELLING = new Map<string, string>(
  SHIPMENT_TYPES.flatMap((row) => [
    [spelling(row.code), row.code],
    ...(row.csvValue === '' ? [] : [[spelling(row.csvValue), row.code] as [string, string]]),
  ]),
);

function spelling(text: string): string {
  return text.toUpperCase().replace(/[\s_-]+/g, '_');
}

interface Draft {
  readonly shipment: Shipment;
  /** The first row's cells of SHIPMENT_COLUMNS, in that order: a later row repeats them. */
  readonly firstCells: readonly string[];
  readonly commodities: Commodity[];
  readonly firstRow: number;
  readonly commodityRows: number[];
}

/** A row's trimmed cells in template order; '' where blank or absent from the file. */
type Cells = readonly string[];

export async function readShipmentCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvReadOptions = {},
): Promise<CsvReadResult> {
  const reader = new RowReader(options, false);
  const source = (options.records ?? csvRecords)(chunks);
  try {
    for await (const record of source.records) {
      const refused = reader.add(record);
      if (refused !== undefined) return { kind: 'refused', issue: refused };
      if (reader.stopped) break;
    }
  } catch (error) {
    if (!(error instanceof CsvRefusal)) throw error;
    return {
      kind: 'refused',
      issue: csvIssue('CSV_NOT_CSV', { row: error.row, column: null, value: null }, error.message),
    };
  }
  return reader.finish(source.encoding());
}

/** A shipment read from the file and the rows it came from. */
export interface ReadShipment {
  readonly shipment: Shipment;
  readonly rows: ShipmentRows;
}

export type CsvStreamEvent =
  /** Shipments complete so far, in file order, with the reader's issues found since the last. */
  | {
      readonly kind: 'shipments';
      readonly shipments: readonly ReadShipment[];
      readonly issues: readonly CsvIssue[];
    }
  /** The last event: what the file holds besides its shipments. */
  | {
      readonly kind: 'end';
      readonly issues: readonly CsvIssue[];
      readonly leftOut: readonly LeftOutRow[];
      readonly rowCount: number;
    }
  | { readonly kind: 'refused'; readonly issue: CsvIssue }
  /**
   * A row joins a shipment already given out: the file's rows are not grouped by shipment, so
   * it cannot be read as a stream (readShipmentCsv reads it whole). The last event.
   */
  | { readonly kind: 'scattered'; readonly row: number };

/**
 * The reader as a stream, for files whose rows are grouped by shipment (every export and the
 * bulk-upload template are): a shipment is given out once a row of another shipment follows,
 * so only one is held at a time. The same shipments and issues as readShipmentCsv, in the same
 * order, as long as no `scattered` event ends the stream.
 */
export async function* streamShipmentCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvStreamEvent, void, undefined> {
  const stream = new ShipmentStream(options);
  const source = (options.records ?? csvRecords)(chunks);
  try {
    for await (const record of source.records) {
      yield* stream.add(record);
      if (stream.ended) return;
      if (stream.stopped) break;
    }
  } catch (error) {
    if (!(error instanceof CsvRefusal)) throw error;
    yield* stream.refuse(error.message, error.row);
    return;
  }
  yield* stream.end(source.encoding());
}

const NO_EVENTS: readonly CsvStreamEvent[] = [];

/** The event that ends the stream of a file that is not CSV (a CsvRefusal's message and row). */
export function notCsv(message: string, row: number | null = null): CsvStreamEvent {
  return {
    kind: 'refused',
    issue: csvIssue('CSV_NOT_CSV', { row, column: null, value: null }, message),
  };
}

/**
 * streamShipmentCsv driven by records pushed into it, as the parser thread drives it (the whole
 * reader runs there beside an import, csv-records-worker.ts): each call answers the events the
 * records completed. After the last event (refused, scattered or end) it answers none.
 */
export class ShipmentStream {
  private readonly reader: RowReader;
  private done = false;
  /** Shipments in the next event: the first few are small (see FIRST_GROUP). */
  private group = FIRST_GROUP;

  constructor(options: CsvReadOptions = {}) {
    this.reader = new RowReader(options, true);
  }

  /** Whether the last event was given out: nothing more is read. */
  get ended(): boolean {
    return this.done;
  }

  /** Past the file's bounds: the rest is ignored, and `end` gives out what was read. */
  get stopped(): boolean {
    return this.reader.stopped;
  }

  add(record: readonly string[]): readonly CsvStreamEvent[] {
    if (this.done) return NO_EVENTS;
    const reader = this.reader;
    const refused = reader.add(record);
    if (refused !== undefined) return this.last({ kind: 'refused', issue: refused });
    if (reader.scatteredAt !== undefined) {
      return this.last({ kind: 'scattered', row: reader.scatteredAt });
    }
    if (reader.closed.length < this.group) return NO_EVENTS;
    this.group = Math.min(STREAM_GROUP, this.group * 2);
    return [reader.takeClosed()];
  }

  /** The file is not CSV (a CsvRefusal's message and row). */
  refuse(message: string, row: number | null = null): readonly CsvStreamEvent[] {
    if (this.done) return NO_EVENTS;
    return this.last(notCsv(message, row));
  }

  /** The end of the file, read in `encoding`. */
  end(encoding: Encoding): readonly CsvStreamEvent[] {
    if (this.done) return NO_EVENTS;
    this.done = true;
    const reader = this.reader;
    const end = reader.finish(encoding);
    if (end.kind === 'refused') return [end];
    return [
      reader.takeClosed(),
      { kind: 'end', issues: reader.takeIssues(), leftOut: end.leftOut, rowCount: end.rowCount },
    ];
  }

  private last(event: CsvStreamEvent): readonly CsvStreamEvent[] {
    this.done = true;
    return [event];
  }
}

/**
 * Distinct values and objects remembered for sharing. Those that repeat (the shipper, countries,
 * units, a trailer) come early and are few; past this many, the rest are one-offs (names,
 * descriptions) that would only fill the table.
 */
const SHARED_LIMIT = 20_000;

/** Shipments per `shipments` event. */
const STREAM_GROUP = 100;

/**
 * Shipments in the first event, doubled for each next up to STREAM_GROUP: an import checks and
 * stores each event as it comes, and would otherwise wait for the first hundred.
 */
const FIRST_GROUP = 12;

class RowReader {
  private header: (ColumnTarget | undefined)[] | undefined;
  /** Per template column, the field of the record that holds it, or -1. */
  private fieldOf: readonly number[] = [];
  private row = 0;
  private dataRows = 0;
  private readonly issues: CsvIssue[] = [];
  private readonly drafts = new Map<string, Draft>();
  private readonly leftOut: LeftOutRow[] = [];
  private readonly cells: string[] = PLACED.map(() => '');
  /** Whether the file's SCNs are typed or AUTOFILL: set by the first row with an SCN. */
  private scnMode: { autofill: boolean; row: number } | undefined;
  private autofilled = 0;
  private readonly autofillKept: boolean;
  private readonly maxRows: number;
  private readonly budget: IssueBudget;
  /** Past the bounds (too many rows or errors): later rows are ignored. */
  stopped = false;

  /** Streamed: shipments complete so far, not yet taken. */
  readonly closed: ReadShipment[] = [];
  /** Streamed: the row that joined a shipment already given out. */
  scatteredAt: number | undefined;
  /** Streamed: the shipments given out, by key, and the one the last row went to. */
  private readonly closedKeys = new Set<string>();
  private openKey: string | undefined;
  private issuesTaken = 0;

  constructor(
    options: CsvReadOptions,
    private readonly streamed = false,
  ) {
    this.autofillKept = options.autofillScns === 'kept';
    this.maxRows = options.bounds?.rows ?? MAX_CSV_ROWS;
    this.budget = new IssueBudget(options.bounds?.errors ?? MAX_CSV_ERRORS);
  }

  /** Keeps an issue within the budget (issue-budget.ts). */
  private note(issue: CsvIssue): void {
    if (this.budget.keeps(issue)) this.issues.push(issue);
  }

  /** Ends the reading with `issue`, an error about the whole file: nothing is imported. */
  private stop(issue: CsvIssue): void {
    this.stopped = true;
    this.issues.push(issue);
  }

  /**
   * Whether equal values share one string or object. A file read whole (readShipmentCsv) holds
   * every shipment to its end: a trip of 100,000 shipments repeats the shipper, countries,
   * units and types, and would otherwise hold each copy apart. A stream gives each shipment out
   * within a hundred rows, and the parser thread's messages copy what they carry anyway; there
   * sharing would only cost time (a fifth of the reading, measured).
   */
  private get sharing(): boolean {
    return !this.streamed;
  }

  /** One string per distinct short value (see `sharing`). */
  private readonly interned = new Map<string, string>();

  private intern(text: string): string {
    if (!this.sharing || text.length > 48) return text;
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    if (this.interned.size < SHARED_LIMIT) this.interned.set(text, text);
    return text;
  }

  /** One object per distinct kind and cell text, like `intern` for strings. */
  private readonly sharedObjects = new Map<string, unknown>();

  private share<T>(kind: string, text: string, make: () => T): T {
    if (!this.sharing) return make();
    const key = `${kind}\u0000${text}`;
    const known = this.sharedObjects.get(key);
    if (known !== undefined) return known as T;
    const made = make();
    if (this.sharedObjects.size < SHARED_LIMIT) this.sharedObjects.set(key, made);
    return made;
  }

  /** Takes one record; returns the refusal when the header row makes the file unreadable. */
  add(record: readonly string[]): CsvIssue | undefined {
    this.row += 1;
    if (this.stopped) return undefined;
    if (this.header === undefined) return this.readHeader(record);
    if (record.every((field) => field.trim() === '')) return undefined;
    if (this.dataRows >= this.maxRows) {
      this.stop(tooManyRows(this.row, this.maxRows));
      return undefined;
    }
    this.dataRows += 1;
    this.readRow(record, this.header);
    if (this.budget.full) this.stop(tooManyErrors(this.row, this.budget.maxErrors));
    return undefined;
  }

  takeClosed(): CsvStreamEvent {
    const shipments = this.closed.splice(0);
    return { kind: 'shipments', shipments, issues: this.takeIssues() };
  }

  takeIssues(): CsvIssue[] {
    const issues = this.issues.slice(this.issuesTaken);
    this.issuesTaken = this.issues.length;
    return issues;
  }

  /** Streamed: gives out the shipment the last row went to, complete once another follows. */
  private close(key: string | undefined): void {
    if (key === undefined) return;
    const draft = this.drafts.get(key);
    if (draft === undefined) return;
    this.drafts.delete(key);
    this.closedKeys.add(key);
    this.closed.push({ shipment: shipmentOf(draft), rows: rowsOf(draft) });
  }

  finish(encoding: Encoding): CsvReadResult {
    if (this.header === undefined) {
      return {
        kind: 'refused',
        issue: csvIssue(
          'CSV_NOT_CSV',
          { row: null, column: null, value: null },
          'the file is empty: it has no header row',
        ),
      };
    }
    if (this.streamed) this.close(this.openKey);
    this.issues.push(...this.budget.notices());
    if (encoding !== 'utf-8') {
      // Streamed, the issues given out so far stay given out: the encoding's comes last.
      this.issues[this.streamed ? 'push' : 'unshift'](
        encoding === 'windows-1252'
          ? csvIssue(
              'CSV_ENCODING_CONVERTED',
              { row: null, column: null, value: null },
              'The file is not UTF-8; it was read as Windows-1252 (what spreadsheet programs export on Windows). Check accented letters.',
            )
          : csvIssue(
              'CSV_ENCODING_MIXED',
              { row: null, column: null, value: null },
              'The file is UTF-8 with accented letters, but further on it has a byte that is not UTF-8 (a character pasted from another program?): part of it would be read in one encoding and part in another, garbling letters. Save the file as UTF-8 ("CSV UTF-8" in Excel) and upload it again.',
            ),
      );
    }
    const drafts = [...this.drafts.values()];
    return {
      kind: 'read',
      shipments: drafts.map(shipmentOf),
      rows: drafts.map(rowsOf),
      issues: this.issues,
      leftOut: this.leftOut,
      rowCount: this.dataRows,
      encoding,
    };
  }

  private readHeader(record: readonly string[]): CsvIssue | undefined {
    const seen = new Set<string>();
    const duplicates: string[] = [];
    this.header = record.map((name, index) => {
      const key = headerKey(name);
      const column = COLUMN_BY_KEY.get(key);
      // The failed-rows file adds an Errors column; uploading it again after a fix is expected.
      if (column === undefined && key === ERRORS_KEY) return undefined;
      if (column === undefined) {
        if (name.trim() !== '' || record.length === 1) {
          this.note(
            csvIssue(
              'CSV_HEADER_UNKNOWN',
              { row: 1, column: name, value: name },
              `Column ${index + 1} "${name}" is not a template column; it is ignored.`,
            ),
          );
        }
        return undefined;
      }
      if (seen.has(column.header)) duplicates.push(column.header);
      seen.add(column.header);
      return column;
    });
    const header = this.header;
    this.fieldOf = PLACED.map((column) =>
      header.findIndex((found) => found?.header === column.header),
    );
    const missing = TEMPLATE_COLUMNS.filter((c) => c.required && !seen.has(c.header));
    if (missing.length === 0 && duplicates.length === 0) return undefined;
    const problems = [
      ...(missing.length > 0
        ? [
            `lacks the required column${missing.length > 1 ? 's' : ''} ${quoted(missing.map((c) => c.header))}`,
          ]
        : []),
      ...(duplicates.length > 0 ? [`names ${quoted(duplicates)} twice`] : []),
    ];
    return csvIssue(
      'CSV_HEADER_INVALID',
      { row: 1, column: missing[0]?.header ?? duplicates[0] ?? null, value: null },
      `The header row ${problems.join(' and ')}; nothing was read (docs/csv-template.md).`,
    );
  }

  /**
   * A cell with a control character (a spreadsheet's stray U+0001, a pasted form feed): an
   * error on its row, as in any JSON body, so it is never stored where no JSON route would
   * take it back (src/domain/control-characters.ts).
   */
  private controlCharacter(row: number, at: number, cell: string): void {
    const column = PLACED[at]?.header ?? null;
    this.note(
      csvIssue(
        'TEXT_CONTROL_CHARACTER',
        { row, column, value: cell },
        `${column ?? 'A cell'} on row ${row} contains the control character ${controlCodePoint(cell, CONTROL_BUT_WHITESPACE)}; remove it.`,
      ),
    );
  }

  private readRow(record: readonly string[], header: readonly (ColumnTarget | undefined)[]): void {
    const row = this.row;
    // One array for every row: nothing keeps it past the row, and 300,000 rows need no new ones.
    const cells = this.cells;
    const fieldOf = this.fieldOf;
    for (let at = 0; at < cells.length; at += 1) {
      const field = fieldOf[at] ?? -1;
      const cell = field < 0 ? '' : (record[field] ?? '').trim();
      cells[at] = cell;
    }
    // One test of the whole row, then of its cells when it has one: a row is rarely the
    // exception, and thirty tests of short strings cost more than one of their join.
    if (CONTROL_BUT_WHITESPACE.test(record.join(','))) {
      cells.forEach((cell, at) => {
        if (CONTROL_BUT_WHITESPACE.test(cell)) this.controlCharacter(row, at, cell);
      });
    }
    if (record.length > header.length) {
      const extra = record.slice(header.length).filter((field) => field.trim() !== '');
      if (extra.length > 0) {
        this.note(
          csvIssue(
            'CSV_ROW_TOO_WIDE',
            { row, column: null, value: extra.join(',') },
            `Row ${row} has ${record.length} fields but the header row has ${header.length} columns: a value with a comma may have lost its quotes, shifting the values after it. Quote that value, or remove the extra fields.`,
          ),
        );
      }
    }
    const key = this.shipmentKey(row, cells);
    if (key === undefined) {
      this.leftOut.push({ row, cells: [...cells] });
      return;
    }
    if (this.streamed && key.key !== this.openKey) {
      if (this.closedKeys.has(key.key)) {
        this.scatteredAt = row;
        return;
      }
      this.close(this.openKey);
      this.openKey = key.key;
    }
    let draft = this.drafts.get(key.key);
    if (draft === undefined) {
      const commodities: Commodity[] = [];
      const shipment: Shipment = {};
      if (key.scn !== '') shipment.shipmentControlNumber = key.scn;
      for (const column of SHIPMENT_COLUMNS) {
        const value = this.shipmentValue(column, this.intern(cells[column.at] ?? ''));
        if (value !== undefined) setPath(shipment, column.path, value);
      }
      this.shareParties(shipment, cells);
      shipment.commodities = commodities;
      const firstCells = SHIPMENT_COLUMNS.map((column) => cells[column.at] ?? '');
      draft = { shipment, firstCells, commodities, firstRow: row, commodityRows: [] };
      this.drafts.set(key.key, draft);
    } else {
      this.checkAgreement(row, cells, draft);
    }
    draft.commodities.push(this.commodity(row, cells));
    draft.commodityRows.push(row);
  }

  /** Replaces the parties and their addresses by the shared object of the same cells. */
  private shareParties(shipment: Shipment, cells: Cells): void {
    if (!this.sharing) return;
    for (const group of SHARED_GROUPS) {
      const parent = getPath(shipment, group.parent) as Record<string, unknown> | undefined;
      const value = parent?.[group.field];
      if (parent === undefined || value === undefined) continue;
      let key = '';
      for (const at of group.ats) key += `\u0000${cells[at] ?? ''}`;
      parent[group.field] = this.share(group.name, key, () => value);
    }
  }

  /** Which shipment a row belongs to, or undefined when the row cannot be placed. */
  private shipmentKey(row: number, cells: Cells): { key: string; scn: string } | undefined {
    const scn = cells[SCN_AT] ?? '';
    // A row without an SCN cannot join another: it stands alone and the rules report the gap.
    if (scn === '') return { key: `row ${row}`, scn: '' };
    const autofill = AUTOFILL.exec(scn);
    this.scnMode ??= { autofill: autofill !== null, row };
    if (this.scnMode.autofill !== (autofill !== null)) {
      const first = this.scnMode.autofill ? 'AUTOFILL' : 'typed SCNs';
      this.note(
        csvIssue(
          'CSV_SCN_MIXED',
          { row, column: 'SCN', value: scn },
          `Row ${row} has ${autofill === null ? 'a typed SCN' : 'AUTOFILL'} but row ${this.scnMode.row} uses ${first}; a file uses one or the other. The row is left out.`,
        ),
      );
      return undefined;
    }
    if (autofill === null) return { key: `scn ${scn}`, scn };
    const scac = (autofill[1] ?? '').toUpperCase();
    // One SCN per consignee + order reference (docs/csv-template.md).
    const key = `autofill ${scac}|${cells[CONSIGNEE_NAME_AT] ?? ''}|${cells[ORDER_REFERENCE_AT] ?? ''}`;
    if (this.drafts.has(key) || this.closedKeys.has(key)) return { key, scn: '' };
    const drawn = this.autofillKept
      ? `${scac}AUTOFILL`
      : `${scac}${String(this.autofilled + 1).padStart(10, '0')}`;
    this.autofilled += 1;
    return { key, scn: drawn };
  }

  private checkAgreement(row: number, cells: Cells, draft: Draft): void {
    for (let n = 0; n < SHIPMENT_COLUMNS.length; n += 1) {
      const column = SHIPMENT_COLUMNS[n];
      if (column === undefined) continue;
      const text = cells[column.at] ?? '';
      // Blank, or the first row's very text (most rows): nothing to compare.
      if (text === '' || text === draft.firstCells[n]) continue;
      const value = this.shipmentValue(column, text);
      if (value === undefined) continue;
      const first = getPath(draft.shipment, column.path);
      // Most columns hold text: compared as is, without serialising (30,000-row files).
      if (first === value) continue;
      if (typeof value === 'object' && JSON.stringify(first) === JSON.stringify(value)) continue;
      const firstText = first === undefined ? 'leaves it blank' : `has "${display(first)}"`;
      this.note(
        csvIssue(
          'CSV_SHIPMENT_DISAGREES',
          { row, column: column.header, value: text },
          `${column.header} "${text}" on row ${row} disagrees with the shipment's first row (row ${draft.firstRow}), which ${firstText}.`,
        ),
      );
    }
  }

  /** A shipment-level cell as the shipment holds it; undefined for a blank cell. */
  private shipmentValue(column: ColumnTarget, text: string): unknown {
    if (text === '') return undefined;
    switch (column.header) {
      case 'Shipment Type':
        return SHIPMENT_TYPE_BY_SPELLING.get(spelling(text)) ?? text;
      case 'Broker':
        // A CBP filer code is 3 letters or digits; anything else is an address-book name.
        return this.share('broker', text, () =>
          /^[A-Z0-9]{3}$/i.test(text) ? { filerCode: text.toUpperCase() } : { name: text },
        );
      default:
        return text;
    }
  }

  private commodity(row: number, cells: Cells): Commodity {
    const commodity: Commodity = {};
    for (const column of COMMODITY_COLUMNS) {
      const text = cells[column.at] ?? '';
      if (text === '') continue;
      const value = this.commodityValue(
        row,
        column,
        NUMBER_COLUMNS.has(column.header) ? text : this.intern(text),
      );
      if (value !== undefined) setPath(commodity, column.path, value);
    }
    return commodity;
  }

  private commodityValue(row: number, column: ColumnTarget, text: string): unknown {
    if (NUMBER_COLUMNS.has(column.header) && tooManyDigits(text)) {
      this.note(
        csvIssue(
          'CSV_NUMBER_INVALID',
          cellAt(row, column, text),
          `${column.header} "${text}" on row ${row} has more than ${MAX_DIGITS} digits, more than any ${column.header.toLowerCase()} can have.`,
        ),
      );
      return undefined;
    }
    switch (column.header) {
      case 'Loaded On':
        return this.share('loadedOn', text, () =>
          text.toUpperCase() === 'TRUCK' ? { type: 'TRUCK' } : { type: 'TRAILER', number: text },
        );
      case 'Marks and Numbers':
        return this.share('marks', text, () =>
          text
            .split(/[;\r\n]+/)
            .map((mark) => mark.trim())
            .filter((mark) => mark !== ''),
        );
      case 'Quantity': {
        const read = readNumber(text, false);
        if (read !== undefined && Number.isInteger(read.value)) return read.value;
        this.note(
          csvIssue(
            'CSV_NUMBER_INVALID',
            cellAt(row, column, text),
            `Quantity "${text}" on row ${row} is not a whole number.`,
          ),
        );
        return undefined;
      }
      case 'Weight': {
        const read = readNumber(text, false);
        if (read === undefined) {
          this.note(
            csvIssue(
              'CSV_NUMBER_INVALID',
              cellAt(row, column, text),
              `Weight "${text}" on row ${row} is not a number.`,
            ),
          );
          return undefined;
        }
        const whole = Math.ceil(read.value);
        if (whole !== read.value) {
          this.note(
            csvIssue(
              'CSV_WEIGHT_ROUNDED',
              cellAt(row, column, text),
              `Weight "${text}" on row ${row} was rounded up to ${whole}: ACE takes whole numbers.`,
            ),
          );
        }
        return whole;
      }
      case 'Value': {
        const read = readNumber(text, true);
        if (read === undefined) {
          this.note(
            csvIssue(
              'CSV_NUMBER_INVALID',
              cellAt(row, column, text),
              `Value "${text}" on row ${row} is not an amount in U.S. dollars.`,
            ),
          );
          return undefined;
        }
        if (read.reformatted) {
          this.note(
            csvIssue(
              'CSV_MONEY_FORMAT',
              cellAt(row, column, text),
              `Value "${text}" on row ${row} was read as ${read.value} (U.S. dollars).`,
            ),
          );
        }
        return read.value;
      }
      default:
        return text;
    }
  }
}

/**
 * Digits a number cell may have: past 15 a double no longer holds every integer, so 400 nines
 * were read as Infinity and 30 as 1e+30, and the report and failed-rows file named that
 * instead of the cell's text. Every limit of the rules is far below (NUMBER_TOO_LARGE).
 */
const MAX_DIGITS = 15;

function tooManyDigits(text: string): boolean {
  let digits = 0;
  for (const char of text) if (char >= '0' && char <= '9') digits += 1;
  return digits > MAX_DIGITS;
}

/**
 * Where an issue about a commodity cell points; built only for an issue, as the cells of
 * 300,000 rows are read.
 */
function cellAt(
  row: number,
  column: ColumnTarget,
  text: string,
): Pick<CsvIssue, 'row' | 'column' | 'value'> {
  return { row, column: column.header, value: text };
}

/** The draft's shipment, its commodities in an array of their own size (see rowsOf). */
function shipmentOf(draft: Draft): Shipment {
  draft.shipment.commodities = draft.commodities.slice();
  return draft.shipment;
}

/** The rows of a draft, in an array of their own size (one that grew by pushes has spare room). */
function rowsOf(draft: Draft): ShipmentRows {
  return { firstRow: draft.firstRow, commodityRows: draft.commodityRows.slice() };
}

function display(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(display).join('; ');
  if (typeof value === 'object' && value !== null) {
    return Object.values(value as Record<string, unknown>)
      .map(display)
      .join(' ');
  }
  return '';
}

export function valueText(value: unknown): string {
  return display(value);
}

function quoted(headers: readonly string[]): string {
  return headers.map((header) => `"${header}"`).join(', ');
}

export function getPath(target: unknown, path: readonly string[]): unknown {
  let node = target;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function setPath(target: object, path: readonly string[], value: unknown): void {
  let node = target as Record<string, unknown>;
  path.forEach((segment, index) => {
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === 'object' && next !== null) {
      node = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      node[segment] = created;
      node = created;
    }
  });
}
