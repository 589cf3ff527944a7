/**
 * importShipmentsCsv(deps, actor, { tripId, csv, mode, onProgress }) → CsvImportReport —
 * dispatcher uploads a bulk-shipment CSV (docs/csv-template.md) into a trip or the unassociated
 * list. The file is streamed through the CSV reader, every shipment is checked by the rule
 * engine, and the shipments are stored by the one batch path (support/add-shipments.ts) in one
 * transaction. `all-or-nothing` (the default) stores nothing when any row has an error;
 * `partial` stores the valid shipments and returns the failed rows. A shipment already in the
 * trip with the same content is left as it is (uploading a file twice stores no duplicates); a
 * typed SCN another shipment holds is refused by name. `<SCAC>AUTOFILL` SCNs are drawn from the
 * company's sequence. An aborted `signal` (the client went away, Ctrl-C) cancels the import:
 * CsvImportCancelled is thrown, the transaction rolls back and nothing is stored.
 */
import { inShipment, nextTurn, type ManifestDocument, type Shipment } from '../../domain/index.js';
import {
  csvIssue,
  echoedIssue,
  IssueBudget,
  tooManyErrors,
  locate,
  SaidCells,
  readShipmentCsv,
  shipmentCells,
  streamShipmentCsv,
  TEMPLATE_HEADERS,
  type CsvIssue,
  type CsvReadOptions,
  type CsvReadResult,
  type CsvStreamEvent,
  type FailedRow,
  type LeftOutRow,
  type ReadShipment,
  type ShipmentRows,
} from '../../csv/index.js';
import {
  parsedInWorker,
  recordSourceFor,
  startParserThread,
  streamShipmentCsvInWorker,
  type StartedParserThread,
} from '../../csv/csv-records-worker.js';
import { AcrossSummaries, ALL_RULES, validateShipments } from '../../rules/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { Repositories } from '../shared/ports/index.js';
import { wantsGeneratedScn } from '../shared/sequences.js';
import { ShipmentsHere } from './support/shipments-here.js';
import { addShipments } from './support/add-shipments.js';
import { spoolCsv, type CsvSpool } from './support/csv-spool.js';
import type { CsvImportProgress, CsvImportReport } from './support/csv-import-report.js';

export type CsvImportMode = 'all-or-nothing' | 'partial';

/**
 * A CSV file the caller can read again from its start (the CLI's local file): imported as it
 * is, where an upload is first copied to a spool file (support/csv-spool.ts).
 */
export interface CsvFile {
  readonly kind: 'file';
  /** Its size, for the progress and for choosing the parser thread. */
  readonly bytes: number;
  read(): AsyncIterable<Uint8Array>;
}

export interface CsvImportInput {
  /** A trip id, or null for the unassociated list. */
  readonly tripId: string | null;
  /** The upload's bytes as they come, or a file that can be read again. */
  readonly csv: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | CsvFile;
  readonly mode?: CsvImportMode | undefined;
  readonly onProgress?: ((progress: CsvImportProgress) => void) | undefined;
  /** Aborted to cancel: checked per chunk read and before each stored batch. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The import was cancelled through its signal: nothing was stored (the transaction rolled
 * back, AUTOFILL SCNs drawn inside it went back with it), so nothing is audited.
 */
export class CsvImportCancelled extends Error {
  override readonly name = 'CsvImportCancelled';
  constructor() {
    super('The CSV upload was cancelled; nothing was stored.');
  }
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new CsvImportCancelled();
}

/** Shipments per call of the batch path: progress is reported after each. */
const STORE_BATCH = 500;

export async function importShipmentsCsv(
  deps: AppDeps,
  actor: Actor,
  input: CsvImportInput,
): Promise<CsvImportReport> {
  requireEditor(actor);
  const mode = input.mode ?? 'all-or-nothing';
  const progress = input.onProgress ?? ((): void => undefined);
  const signal = input.signal;
  checkCancelled(signal);
  // An unknown trip is said before the file is read, not after minutes of upload.
  const tripIdAsked = input.tripId;
  if (tripIdAsked !== null)
    await deps.store.transaction((repos) => tripOf(repos, actor, tripIdAsked));
  // A large file's parser thread is started while the upload is spooled, so that it is ready
  // when the reading begins (ADR 0018).
  let parser: StartedParserThread | undefined;
  let spool: CsvSpool;
  const csv = input.csv;
  try {
    const reading = (bytes: number): void => {
      if (parser === undefined && parsedInWorker(bytes)) parser = startParserThread();
      progress({ phase: 'reading', bytes, shipments: 0, stored: 0 });
    };
    if (isCsvFile(csv)) {
      // A file read in place is its own spool, which nothing removes.
      spool = { bytes: csv.bytes, read: () => csv.read(), remove: () => Promise.resolve() };
      reading(csv.bytes);
    } else {
      spool = await spoolCsv(csv, (bytes) => {
        checkCancelled(signal);
        reading(bytes);
      });
    }
  } catch (error) {
    await parser?.stop();
    // A client that goes away mid-upload breaks the body stream (ECONNRESET, "aborted"): with
    // the signal aborted that is the cancel, not a failure.
    checkCancelled(signal);
    throw error;
  }
  try {
    checkCancelled(signal);
    const run: Run = {
      deps,
      actor,
      mode,
      progress,
      bytes: spool.bytes,
      tripId: input.tripId,
      signal,
    };
    const readOptions: CsvReadOptions = {
      // The placeholder stays until the batch path draws the real SCN from the company
      // sequence, so a failed all-or-nothing import uses up no numbers.
      autofillScns: 'kept',
    };
    try {
      return await deps.store.transaction((repos) =>
        importShipments(repos, run, streamedEvents(spool, readOptions, parser), 'as-read'),
      );
    } catch (error) {
      // Rejected: the steps stored so far are rolled back with the transaction.
      if (error instanceof Settled) return error.report;
      if (!(error instanceof NotStreamable)) throw error;
    }
    // The rows of a shipment are apart in the file: read whole, then checked the same way and
    // stored at the end.
    // A large file is parsed in a parser thread of its own (ADR 0018).
    const read = await readShipmentCsv(spool.read(), {
      ...readOptions,
      records: recordSourceFor(spool.bytes),
    });
    checkCancelled(signal);
    if (read.kind === 'refused') return report({ outcome: 'rejected', mode, issues: [read.issue] });
    try {
      return await deps.store.transaction((repos) =>
        importShipments(repos, run, heldEvents(read, spool.bytes), 'at-end'),
      );
    } catch (error) {
      if (error instanceof Settled) return error.report;
      throw error;
    }
  } finally {
    // Stopped already by the read, unless the import ended before reading (a cancel).
    await parser?.stop();
    await spool.remove();
  }
}

function isCsvFile(csv: CsvImportInput['csv']): csv is CsvFile {
  // Chunks come as an array, a stream or a generator, none with a `kind`.
  return 'kind' in csv;
}

interface Run {
  readonly deps: AppDeps;
  readonly actor: Actor;
  readonly mode: CsvImportMode;
  readonly progress: (progress: CsvImportProgress) => void;
  readonly bytes: number;
  readonly tripId: string | null;
  readonly signal: AbortSignal | undefined;
}

/** Thrown inside the transaction to roll it back and answer with this report. */
class Settled extends Error {
  constructor(readonly report: CsvImportReport) {
    super(report.outcome);
  }
}

/**
 * Thrown inside the streamed transaction when the file cannot be imported as a stream: a row
 * joins a shipment already stored, or a rule that weighs shipments together finds an error in
 * one already stored or let go. The transaction rolls back and the file is imported whole.
 */
class NotStreamable extends Error {}

/** The rules run per slice of shipments, and those that weigh shipments together. */
const EACH_RULES = ALL_RULES.filter((rule) => rule.acrossShipments !== true);
const ACROSS_RULES = ALL_RULES.filter((rule) => rule.acrossShipments === true);

/**
 * The rows of every shipment read, compact: a grouped file's shipment is a run of consecutive
 * rows, kept as its first row and count; only the others keep their list.
 */
class KeptRows {
  private readonly first: number[] = [];
  private readonly count: number[] = [];
  private readonly irregular = new Map<number, ShipmentRows>();

  push(rows: ShipmentRows): void {
    const index = this.first.length;
    this.first.push(rows.firstRow);
    this.count.push(rows.commodityRows.length);
    if (rows.commodityRows.some((row, n) => row !== rows.firstRow + n))
      this.irregular.set(index, rows);
  }

  at(index: number): ShipmentRows {
    const known = this.irregular.get(index);
    if (known !== undefined) return known;
    const firstRow = this.first[index] ?? 0;
    const commodityRows = Array.from({ length: this.count[index] ?? 0 }, (_, n) => firstRow + n);
    return { firstRow, commodityRows };
  }
}

/**
 * How the checked shipments are stored: `as-read`, a step of 100 at a time while the file is
 * read (rows grouped by shipment: kept in memory is only what is listed below); `at-end`, all of
 * them once every rule has spoken (a file read whole, its shipments already held).
 */
type Storing = 'as-read' | 'at-end';

/** The reader's events, and how many of the file's bytes it has read so far (for progress). */
interface ReaderEvents {
  readonly events: AsyncIterable<CsvStreamEvent> | Iterable<CsvStreamEvent>;
  bytesRead(): number;
}

/**
 * The spooled file read as a stream of shipments, grouped as the file's rows are; a large one
 * in the parser thread started for it (ADR 0018), while this thread checks and stores.
 */
function streamedEvents(
  spool: CsvSpool,
  options: CsvReadOptions,
  parser: StartedParserThread | undefined,
): ReaderEvents {
  let read = 0;
  if (parsedInWorker(spool.bytes)) {
    // The bytes the thread's events were read from: those sent to it run a few pieces ahead,
    // and an estimate from them would make the progress go back.
    const events = streamShipmentCsvInWorker(spool.read(), options, parser, (bytes) => {
      read = bytes;
    });
    return { events, bytesRead: () => read };
  }
  const chunks = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of spool.read()) {
      read += chunk.length;
      yield chunk;
    }
  };
  return { events: streamShipmentCsv(chunks(), options), bytesRead: () => read };
}

/**
 * A file read whole, given out as the stream would give it: its shipments in steps of 100
 * (each let go by the reader's result as it is given out), then its end.
 */
function heldEvents(read: Extract<CsvReadResult, { kind: 'read' }>, bytes: number): ReaderEvents {
  const events = function* (): Generator<CsvStreamEvent> {
    let issues: readonly CsvIssue[] = read.issues;
    while (read.shipments.length > 0) {
      const shipments = read.shipments.splice(0, HELD_STEP);
      const rows = read.rows.splice(0, HELD_STEP);
      yield {
        kind: 'shipments',
        shipments: shipments.map((shipment, n) => ({ shipment, rows: rows[n] ?? NO_ROWS })),
        issues,
      };
      issues = [];
    }
    yield { kind: 'end', issues, leftOut: read.leftOut, rowCount: read.rowCount };
  };
  return { events: events(), bytesRead: () => bytes };
}

const HELD_STEP = 100;
const NO_ROWS: ShipmentRows = { firstRow: 0, commodityRows: [] };

/**
 * The import, one pass over the reader's events: every step of shipments is checked (unchanged,
 * SCN used, the rules of each shipment) and stored or held by `storing`; what is kept is
 * compact (a summary per shipment for the rules that weigh shipments together, the issues, the
 * failed shipments). All or nothing: after the first error nothing more is stored, and the
 * report is thrown (Settled) so the transaction rolls back.
 */
async function importShipments(
  repos: Repositories,
  run: Run,
  events: ReaderEvents,
  storing: Storing,
): Promise<CsvImportReport> {
  const { deps, actor, mode, progress, bytes } = run;
  const company = await companyOf(repos, actor);
  // Before anything of the list is read: a second upload into the same trip waits for this
  // one, then finds its shipments there (unchanged) instead of adding them again.
  await repos.shipments.lockList(company.id, run.tripId);
  const trip = run.tripId === null ? null : await tripOf(repos, actor, run.tripId);
  const tripId = trip?.id ?? null;
  const here = await ShipmentsHere.read(repos, company.id, tripId, company.scac);
  const rules = { now: deps.clock.now(), scac: company.scac, regulations: deps.regulations };
  const inDocument = (shipments: Shipment[]): ManifestDocument =>
    trip === null ? { data: 'ACE_SHIPMENT', shipments } : { ...trip.document, shipments };

  const readIssues: CsvIssue[] = [];
  const unchangedIssues: CsvIssue[] = [];
  const usedIssues: CsvIssue[] = [];
  const ruleIssues: CsvIssue[] = [];
  const errorRows = new Set<number>();
  const said = new SaidCells();
  // The import's own issues, bounded as the reader bounds its own (csv/issue-budget.ts): a
  // file of a million shipments each with errors would otherwise fill the heap.
  const budget = new IssueBudget();
  const keep = (list: CsvIssue[], issue: CsvIssue): void => {
    if (budget.keeps(issue)) list.push(issue);
  };
  let lastRow = 0;
  const noteErrors = (issues: readonly CsvIssue[]): void => {
    for (const issue of issues) {
      if (issue.severity === 'error' && issue.row !== null) errorRows.add(issue.row);
    }
  };
  // Per candidate shipment (file order, unchanged ones left out): its summary, rows, SCN as
  // written, and whether it failed (then it is kept whole, for the failed rows).
  const summaries: Shipment[] = [];
  const summarise = new AcrossSummaries();
  const summaryRows = new KeptRows();
  const writtenScns: string[] = [];
  const failed = new Map<number, ReadShipment>();
  let total = 0;
  let unchanged = 0;
  let stored = 0;
  let drawn = 0;
  let storeMore = true;
  // At the end: the shipments checked clean, by candidate index, stored once all rules spoke.
  const held = new Map<number, ReadShipment>();
  let position = await repos.shipments.nextPosition(company.id, tripId);
  const where = trip === null ? 'the unassociated list' : `trip ${trip.tripNumber}`;

  const take = async (group: readonly ReadShipment[]): Promise<void> => {
    // Between batches: thrown inside the transaction, the cancel rolls back what was stored.
    checkCancelled(run.signal);
    const candidates: ReadShipment[] = [];
    await here.readyFor(group.map((read) => read.shipment));
    for (const read of group) {
      total += 1;
      if (!here.unchanged(read.shipment)) {
        candidates.push(read);
        continue;
      }
      unchanged += 1;
      keep(unchangedIssues, unchangedIssue(read, where));
    }
    // A typed SCN another shipment holds (or held: SCNs are never reused) is refused by name.
    const typed = candidates.filter((read) => !wantsGeneratedScn(read.shipment, company.scac));
    const used = await repos.scns.used(
      company.id,
      typed.map((read) => read.shipment.shipmentControlNumber ?? '').filter((scn) => scn !== ''),
    );
    for (const read of typed) {
      const scn = read.shipment.shipmentControlNumber ?? '';
      if (!used.has(scn)) continue;
      // One already here with other content is an edit, which an upload does not make.
      const issue = usedIssue(read, scn, here.holds(scn) ? where : undefined);
      keep(usedIssues, issue);
      noteErrors([issue]);
    }
    // The rules see each AUTOFILL shipment with an SCN of its own (see checkRules).
    const checked = candidates.map((read): Shipment => {
      if (!wantsGeneratedScn(read.shipment, company.scac)) return read.shipment;
      drawn += 1;
      return {
        ...read.shipment,
        shipmentControlNumber: company.scac + String(drawn).padStart(10, '0'),
      };
    });
    const rows = candidates.map((read) => read.rows);
    for (const issue of validateShipments(inDocument(checked), { ...rules, rules: EACH_RULES })) {
      const located = locate(issue, checked, rows);
      if (said.repeats(located)) continue;
      const original = candidates[inShipment(issue.path)?.index ?? -1];
      keep(
        ruleIssues,
        located.column === 'SCN' && original !== undefined
          ? { ...located, value: original.shipment.shipmentControlNumber ?? '' }
          : located,
      );
      if (located.severity === 'error' && located.row !== null) errorRows.add(located.row);
    }
    const toStore: [number, ReadShipment][] = [];
    candidates.forEach((read, n) => {
      // Rows in file order: a shipment's last is its highest (one may have half a million).
      lastRow = Math.max(lastRow, read.rows.commodityRows.at(-1) ?? read.rows.firstRow);
      const index = summaries.length;
      summaries.push(summarise.of(checked[n] ?? read.shipment));
      summaryRows.push(read.rows);
      writtenScns.push(read.shipment.shipmentControlNumber ?? '');
      const rowsOf = [read.rows.firstRow, ...read.rows.commodityRows];
      if (rowsOf.some((row) => errorRows.has(row))) failed.set(index, read);
      else toStore.push([index, read]);
    });
    if (mode === 'all-or-nothing' && errorRows.size > 0) storeMore = false;
    if (storing === 'at-end') {
      for (const [index, read] of toStore) held.set(index, read);
      return;
    }
    if (storeMore && toStore.length > 0) {
      progress({ phase: 'storing', bytes, shipments: estimated(), stored });
      await store(toStore.map(([, read]) => read));
    }
    progress({ phase: 'storing', bytes, shipments: estimated(), stored });
  };
  const store = async (reads: readonly ReadShipment[]): Promise<void> => {
    await addShipments(
      repos,
      deps,
      actor,
      company,
      reads.map((read) => read.shipment),
      {
        tripId,
        firstPosition: position,
        action: 'csv-import',
        pathOf: (n) => `/rows/${reads[n]?.rows.firstRow ?? 0}/SCN`,
        usedChecked: true,
      },
    );
    position += reads.length;
    stored += reads.length;
  };
  // The file's shipment count is known at its end; until then it is estimated from the share of
  // the file read, so a progress bar moves with the work.
  const estimated = (): number => {
    const consumed = events.bytesRead();
    return consumed === 0 ? total : Math.max(total, Math.round((total * bytes) / consumed));
  };
  progress({ phase: 'checking', bytes, shipments: 0, stored: 0 });
  let end: { leftOut: readonly LeftOutRow[]; rowCount: number } | undefined;
  for await (const event of events.events) {
    if (event.kind === 'refused') {
      throw new Settled(report({ outcome: 'rejected', mode, issues: [event.issue] }));
    }
    if (event.kind === 'scattered') throw new NotStreamable();
    readIssues.push(...event.issues);
    noteErrors(event.issues);
    said.note(event.issues);
    if (event.kind === 'shipments') await take(event.shipments);
    else end = event;
    if (budget.full) {
      // Nothing more is read: the file is refused with the errors found so far.
      const issues = [...readIssues, ...unchangedIssues, ...usedIssues, ...ruleIssues].sort(
        (a, b) => (a.row ?? 0) - (b.row ?? 0),
      );
      issues.push(tooManyErrors(lastRow), ...budget.notices());
      throw new Settled(
        report({
          outcome: 'rejected',
          mode,
          issues,
          // Not read whole: no rows to correct and upload again, and a failed-rows file of a
          // million rows would itself fill the heap; the issues name the rows.
          failedRows: [],
          failed: failed.size,
          rowCount: lastRow - 1,
          shipmentCount: total,
          unchanged,
        }),
      );
    }
  }
  if (end === undefined) throw new Error('the CSV stream ended without its end');
  checkCancelled(run.signal);
  progress({ phase: 'storing', bytes, shipments: total, stored });

  // The rules that weigh shipments together, over every candidate's summary.
  const across = validateShipments(inDocument(summaries), { ...rules, rules: ACROSS_RULES });
  for (const issue of across) {
    // validateShipments answers paths into shipments only.
    const index = inShipment(issue.path)?.index ?? -1;
    const rowsOf: ShipmentRows[] = [];
    rowsOf[index] = summaryRows.at(index);
    const located = locate(issue, summaries, rowsOf);
    if (located.severity === 'error' && !failed.has(index)) {
      // Stored already: the file is imported again, whole, with this shipment held back.
      const read = held.get(index);
      if (read === undefined) throw new NotStreamable();
      held.delete(index);
      failed.set(index, read);
    }
    keep(
      ruleIssues,
      located.column === 'SCN' ? { ...located, value: writtenScns[index] ?? '' } : located,
    );
  }

  const issues = [...readIssues, ...unchangedIssues, ...usedIssues, ...ruleIssues].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0),
  );
  issues.push(...budget.notices());
  const failedShipments = [...failed.values()];
  const failedRowNumbers = new Set(
    failedShipments.flatMap((read) => [read.rows.firstRow, ...read.rows.commodityRows]),
  );
  const leftOutRows = new Set(end.leftOut.map((left) => left.row));
  const fileError = issues.some(
    (issue) =>
      issue.severity === 'error' &&
      !failedRowNumbers.has(issue.row ?? Number.NaN) &&
      !leftOutRows.has(issue.row ?? Number.NaN),
  );
  const result = {
    mode,
    issues,
    // Past the reader's bounds (issue-budget.ts) the file was not read whole: as above.
    failedRows: issues.some((issue) => STOPPED_EARLY.has(issue.code))
      ? []
      : collectFailedRows(failedShipments, end.leftOut, issues),
    failed: failed.size,
    rowCount: end.rowCount,
    shipmentCount: total,
    unchanged,
  };
  if (fileError || ((failed.size > 0 || end.leftOut.length > 0) && mode === 'all-or-nothing')) {
    throw new Settled(report({ outcome: 'rejected', ...result }));
  }
  // Held to the end: stored now, a step at a time, each let go once stored.
  const steps = [...held.values()];
  held.clear();
  while (steps.length > 0) {
    // The inserts are synchronous on SQLite: without a turn of the event loop, a Ctrl-C or a
    // client going away would be heard only once everything was stored.
    await nextTurn();
    checkCancelled(run.signal);
    await store(steps.splice(0, STORE_BATCH));
    progress({ phase: 'storing', bytes, shipments: total, stored });
  }
  checkCancelled(run.signal);
  // Partial mode that stored none of the file: nothing was stored, as when rejected.
  const someFailed = failed.size > 0 || end.leftOut.length > 0;
  const outcome = !someFailed ? 'imported' : stored > 0 ? 'partial' : 'rejected';
  return report({ outcome, ...result, created: stored });
}

/** The reader's errors that end the reading of a file past its bounds. */
const STOPPED_EARLY = new Set(['CSV_TOO_MANY_ROWS', 'CSV_TOO_MANY_ERRORS']);

function unchangedIssue(read: ReadShipment, where: string): CsvIssue {
  const row = read.rows.firstRow;
  return csvIssue(
    'CSV_SHIPMENT_UNCHANGED',
    { row, column: 'SCN', value: read.shipment.shipmentControlNumber ?? '' },
    `The shipment of row ${row} is already in ${where} with the same content; it was not imported again.`,
  );
}

/** `here`: the trip (or list) that already holds the SCN, when the file changes that shipment. */
function usedIssue(read: ReadShipment, scn: string, here: string | undefined): CsvIssue {
  const row = read.rows.firstRow;
  return csvIssue(
    'CSV_SCN_ALREADY_USED',
    { row, column: 'SCN', value: scn },
    here === undefined
      ? `SCN ${scn} on row ${row} is already used by another shipment of this carrier; an SCN may not be reused for three years, even after its shipment was deleted.`
      : `The shipment ${scn} on row ${row} is already in ${here} with other content; an upload adds shipments and does not change them. Edit the shipment in ${here}, or delete it there and upload the row again.`,
  );
}

/**
 * The rows of every failed shipment, rebuilt from what was read, with each issue's original
 * text put back where the reader left a value out (`twelve` in Quantity), and the rows the
 * reader placed in no shipment.
 */
function collectFailedRows(
  failed: readonly ReadShipment[],
  leftOut: readonly LeftOutRow[],
  issues: readonly CsvIssue[],
): FailedRow[] {
  const issuesOfRow = new Map<number, CsvIssue[]>();
  for (const issue of issues) {
    if (issue.row === null) continue;
    const list = issuesOfRow.get(issue.row) ?? [];
    list.push(issue);
    issuesOfRow.set(issue.row, list);
  }
  const result: FailedRow[] = [];
  for (const { shipment, rows: from } of failed) {
    const cells = shipmentCells(shipment);
    from.commodityRows.forEach((row, n) => {
      const rowCells = cells[n] ?? cells[0] ?? [];
      const rowIssues = issuesOfRow.get(row) ?? [];
      result.push({
        row,
        cells: restore(rowCells, rowIssues),
        issues: rowIssues,
        shipmentRow: from.firstRow,
      });
    });
  }
  for (const left of leftOut) {
    result.push({
      row: left.row,
      cells: left.cells,
      issues: issuesOfRow.get(left.row) ?? [],
      shipmentRow: left.row,
    });
  }
  return result.sort((a, b) => a.row - b.row);
}

function restore(cells: readonly string[], issues: readonly CsvIssue[]): string[] {
  const restored = [...cells];
  for (const issue of issues) {
    if (issue.column === null || issue.value === null) continue;
    const at = HEADER_INDEX.get(issue.column);
    if (at !== undefined && restored[at] === '') restored[at] = issue.value;
  }
  return restored;
}

const HEADER_INDEX = new Map(TEMPLATE_HEADERS.map((header, index) => [header, index]));

function report(parts: {
  outcome: CsvImportReport['outcome'];
  mode: CsvImportMode;
  issues: readonly CsvIssue[];
  failedRows?: readonly FailedRow[];
  rowCount?: number;
  shipmentCount?: number;
  created?: number;
  unchanged?: number;
  failed?: number;
}): CsvImportReport {
  return {
    outcome: parts.outcome,
    mode: parts.mode,
    rowCount: parts.rowCount ?? 0,
    shipmentCount: parts.shipmentCount ?? 0,
    created: parts.created ?? 0,
    unchanged: parts.unchanged ?? 0,
    failed: parts.failed ?? 0,
    issues: parts.issues.map(echoedIssue),
    failedRows: parts.failedRows ?? [],
  };
}
