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
import type { Commodity, ManifestDocument, Shipment } from '../../domain/index.js';
import {
  csvIssue,
  locate,
  readShipmentCsv,
  shipmentCells,
  streamShipmentCsv,
  TEMPLATE_HEADERS,
  type CsvIssue,
  type FailedRow,
  type LeftOutRow,
  type ReadShipment,
  type ShipmentRows,
} from '../../csv/index.js';
import type { CsvRecordSource } from '../../csv/csv-records.js';
import { csvRecordsInWorker } from '../../csv/csv-records-worker.js';
import { ALL_RULES, validateShipments } from '../../rules/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, shipmentsIn, tripOf } from '../shared/lookups.js';
import type { Repositories } from '../shared/ports/index.js';
import type { ShipmentRecord } from '../shared/records.js';
import { wantsGeneratedScn } from '../shared/sequences.js';
import { addShipments } from './support/add-shipments.js';
import { spoolCsv } from './support/csv-spool.js';
import type { CsvImportProgress, CsvImportReport } from './support/csv-import-report.js';

export type CsvImportMode = 'all-or-nothing' | 'partial';

export interface CsvImportInput {
  /** A trip id, or null for the unassociated list. */
  readonly tripId: string | null;
  readonly csv: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
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

/**
 * From this size on, csv-parse runs in a worker thread beside the import (ADR 0018); below it
 * the file parses in tens of milliseconds, less than a thread takes to start.
 */
const PARSE_IN_WORKER_BYTES = 1 << 20;

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
  let spool;
  try {
    spool = await spoolCsv(input.csv, (bytes) => {
      checkCancelled(signal);
      progress({ phase: 'reading', bytes, shipments: 0, stored: 0 });
    });
  } catch (error) {
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
    try {
      return await deps.store.transaction((repos) => importStreamed(repos, run, spool.read()));
    } catch (error) {
      // Rejected: the batches stored so far are rolled back with the transaction.
      if (error instanceof Settled) return error.report;
      if (!(error instanceof NotStreamable)) throw error;
    }
    return await importHeld(run, spool.read());
  } finally {
    await spool.remove();
  }
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
 * What the rules that weigh shipments together read (SCN, type, order reference, a Section 321
 * shipment's consignee, commodity values and count): kept for every shipment while the rest is
 * stored and let go.
 */
function summary(shipment: Shipment, values: Map<number | undefined, Commodity>): Shipment {
  const kept: Shipment = {
    // One object per distinct value: a trip's values repeat, and only their sums are read.
    commodities: (shipment.commodities ?? []).map((commodity) => {
      let shared = values.get(commodity.value);
      if (shared === undefined) {
        shared = commodity.value === undefined ? {} : { value: commodity.value };
        if (values.size < 10_000) values.set(commodity.value, shared);
      }
      return shared;
    }),
  };
  if (shipment.shipmentControlNumber !== undefined)
    kept.shipmentControlNumber = shipment.shipmentControlNumber;
  if (shipment.type !== undefined) kept.type = shipment.type;
  if (shipment.orderReference !== undefined) kept.orderReference = shipment.orderReference;
  // Only Section 321 shipments count toward a consignee's daily total.
  if (shipment.consignee !== undefined && shipment.type === 'SECTION_321')
    kept.consignee = shipment.consignee;
  return kept;
}

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
 * The import as one pass over a file whose rows are grouped by shipment: every 100 shipments
 * read are checked (unchanged, SCN used, the rules) and stored, inside the one transaction, and
 * let go; what is kept is compact (a summary per shipment for the rules that weigh shipments
 * together, the issues, the failed shipments). All or nothing: after the first error nothing
 * more is stored, and the report is thrown (Settled) so the transaction rolls back.
 */
async function importStreamed(
  repos: Repositories,
  run: Run,
  chunks: AsyncIterable<Uint8Array>,
): Promise<CsvImportReport> {
  const { deps, actor, mode, progress, bytes } = run;
  const company = await companyOf(repos, actor);
  const trip = run.tripId === null ? null : await tripOf(repos, actor, run.tripId);
  const tripId = trip?.id ?? null;
  const isUnchanged = unchangedMatcher(await shipmentsIn(repos, company.id, tripId), company.scac);
  const rules = { now: deps.clock.now(), scac: company.scac, regulations: deps.regulations };
  const inDocument = (shipments: Shipment[]): ManifestDocument =>
    trip === null ? { data: 'ACE_SHIPMENT', shipments } : { ...trip.document, shipments };

  const readIssues: CsvIssue[] = [];
  const unchangedIssues: CsvIssue[] = [];
  const usedIssues: CsvIssue[] = [];
  const ruleIssues: CsvIssue[] = [];
  const errorRows = new Set<number>();
  const noteErrors = (issues: readonly CsvIssue[]): void => {
    for (const issue of issues) {
      if (issue.severity === 'error' && issue.row !== null) errorRows.add(issue.row);
    }
  };
  // Per candidate shipment (file order, unchanged ones left out): its summary, rows, SCN as
  // written, and whether it failed (then it is kept whole, for the failed rows).
  const summaries: Shipment[] = [];
  const values = new Map<number | undefined, Commodity>();
  const summaryRows = new KeptRows();
  const writtenScns: string[] = [];
  const failed = new Map<number, ReadShipment>();
  let total = 0;
  let unchanged = 0;
  let stored = 0;
  let drawn = 0;
  let storing = true;
  let position = await repos.shipments.nextPosition(company.id, tripId);
  const where = trip === null ? 'the unassociated list' : `trip ${trip.tripNumber}`;

  const take = async (group: readonly ReadShipment[]): Promise<void> => {
    // Between batches: thrown inside the transaction, the cancel rolls back what was stored.
    checkCancelled(run.signal);
    const candidates: ReadShipment[] = [];
    for (const read of group) {
      total += 1;
      if (!isUnchanged(read.shipment)) {
        candidates.push(read);
        continue;
      }
      unchanged += 1;
      unchangedIssues.push(unchangedIssue(read, where));
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
      const issue = usedIssue(read, scn);
      usedIssues.push(issue);
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
      const original = candidates[Number(issue.path.split('/')[2])];
      ruleIssues.push(
        located.column === 'SCN' && original !== undefined
          ? { ...located, value: original.shipment.shipmentControlNumber ?? '' }
          : located,
      );
      if (located.severity === 'error' && located.row !== null) errorRows.add(located.row);
    }
    const toStore: ReadShipment[] = [];
    candidates.forEach((read, n) => {
      const index = summaries.length;
      summaries.push(summary(checked[n] ?? read.shipment, values));
      summaryRows.push(read.rows);
      writtenScns.push(read.shipment.shipmentControlNumber ?? '');
      const rowsOf = [read.rows.firstRow, ...read.rows.commodityRows];
      if (rowsOf.some((row) => errorRows.has(row))) failed.set(index, read);
      else toStore.push(read);
    });
    if (mode === 'all-or-nothing' && errorRows.size > 0) storing = false;
    if (storing && toStore.length > 0) {
      progress({ phase: 'storing', bytes, shipments: estimated(), stored });
      await addShipments(
        repos,
        deps,
        actor,
        company,
        toStore.map((read) => read.shipment),
        {
          tripId,
          firstPosition: position,
          action: 'csv-import',
          pathOf: (n) => `/rows/${toStore[n]?.rows.firstRow ?? 0}/SCN`,
          usedChecked: true,
        },
      );
      position += toStore.length;
      stored += toStore.length;
    }
    progress({ phase: 'storing', bytes, shipments: estimated(), stored });
  };
  // The file's shipment count is known at its end; until then it is estimated from the share of
  // the file read, so a progress bar moves with the work.
  let consumed = 0;
  const estimated = (): number =>
    consumed === 0 ? total : Math.max(total, Math.round((total * bytes) / consumed));
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) {
      consumed += chunk.length;
      yield chunk;
    }
  };
  progress({ phase: 'checking', bytes, shipments: 0, stored: 0 });
  // The placeholder stays until the batch path draws the real SCN from the company sequence,
  // so a failed all-or-nothing import uses up no numbers.
  const options = {
    autofillScn: (scac: string) => `${scac}AUTOFILL`,
    records: recordSource(bytes),
  };
  let end: { leftOut: readonly LeftOutRow[]; rowCount: number } | undefined;
  for await (const event of streamShipmentCsv(counted(), options)) {
    if (event.kind === 'refused') {
      throw new Settled(report({ outcome: 'rejected', mode, issues: [event.issue] }));
    }
    if (event.kind === 'scattered') throw new NotStreamable();
    readIssues.push(...event.issues);
    noteErrors(event.issues);
    if (event.kind === 'shipments') await take(event.shipments);
    else end = event;
  }
  if (end === undefined) throw new Error('the CSV stream ended without its end');
  checkCancelled(run.signal);
  progress({ phase: 'storing', bytes, shipments: total, stored });

  // The rules that weigh shipments together, over every candidate's summary.
  const across = validateShipments(inDocument(summaries), { ...rules, rules: ACROSS_RULES });
  for (const issue of across) {
    const index = Number(issue.path.split('/')[2]);
    const rowsOf: ShipmentRows[] = [];
    rowsOf[index] = summaryRows.at(index);
    const located = locate(issue, summaries, rowsOf);
    if (located.severity === 'error' && !failed.has(index)) throw new NotStreamable();
    ruleIssues.push(
      located.column === 'SCN' ? { ...located, value: writtenScns[index] ?? '' } : located,
    );
  }

  const issues = [...readIssues, ...unchangedIssues, ...usedIssues, ...ruleIssues].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0),
  );
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
    failedRows: collectFailedRows(failedShipments, end.leftOut, issues),
    failed: failed.size,
    rowCount: end.rowCount,
    shipmentCount: total,
    unchanged,
  };
  if (fileError || ((failed.size > 0 || end.leftOut.length > 0) && mode === 'all-or-nothing')) {
    throw new Settled(report({ outcome: 'rejected', ...result }));
  }
  const outcome = failed.size > 0 || end.leftOut.length > 0 ? 'partial' : 'imported';
  return report({ outcome, ...result, created: stored });
}

function recordSource(bytes: number): CsvRecordSource | undefined {
  return bytes >= PARSE_IN_WORKER_BYTES ? csvRecordsInWorker : undefined;
}

function unchangedIssue(read: ReadShipment, where: string): CsvIssue {
  const row = read.rows.firstRow;
  return csvIssue(
    'CSV_SHIPMENT_UNCHANGED',
    { row, column: 'SCN', value: read.shipment.shipmentControlNumber ?? '' },
    `The shipment of row ${row} is already in ${where} with the same content; it was not imported again.`,
  );
}

function usedIssue(read: ReadShipment, scn: string): CsvIssue {
  const row = read.rows.firstRow;
  return csvIssue(
    'CSV_SCN_ALREADY_USED',
    { row, column: 'SCN', value: scn },
    `SCN ${scn} on row ${row} is already used by another shipment of this carrier; an SCN may not be reused for three years, even after its shipment was deleted.`,
  );
}

/**
 * The import of a file whose rows are not grouped by shipment: read whole (every shipment
 * held), then checked and stored in one transaction.
 */
async function importHeld(run: Run, chunks: AsyncIterable<Uint8Array>): Promise<CsvImportReport> {
  const { deps, actor, mode, progress, bytes } = run;
  const input = { tripId: run.tripId };
  const read = await readShipmentCsv(chunks, {
    autofillScn: (scac) => `${scac}AUTOFILL`,
    records: recordSource(bytes),
  });
  checkCancelled(run.signal);
  if (read.kind === 'refused') {
    return report({ outcome: 'rejected', mode, issues: [read.issue] });
  }
  const total = read.shipments.length;
  progress({ phase: 'checking', bytes, shipments: total, stored: 0 });

  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const trip = input.tripId === null ? null : await tripOf(repos, actor, input.tripId);
    const tripId = trip?.id ?? null;
    const existing = await shipmentsIn(repos, company.id, tripId);

    const issues: CsvIssue[] = [...read.issues];
    const isUnchanged = unchangedMatcher(existing, company.scac);
    const unchanged = new Set<number>();
    const where = trip === null ? 'the unassociated list' : `trip ${trip.tripNumber}`;
    read.shipments.forEach((shipment, index) => {
      if (!isUnchanged(shipment)) return;
      unchanged.add(index);
      issues.push(unchangedIssue({ shipment, rows: read.rows[index] as ShipmentRows }, where));
    });
    const candidates = read.shipments.flatMap((_, index) => (unchanged.has(index) ? [] : [index]));

    // A typed SCN another shipment holds (or held: SCNs are never reused) is refused by name.
    const typed = candidates.filter(
      (i) => !wantsGeneratedScn(read.shipments[i] ?? {}, company.scac),
    );
    const typedScns = typed.map((i) => read.shipments[i]?.shipmentControlNumber ?? '');
    const used = await repos.scns.used(
      company.id,
      typedScns.filter((scn) => scn !== ''),
    );
    typed.forEach((index, n) => {
      const scn = typedScns[n] ?? '';
      if (!used.has(scn)) return;
      const shipment = read.shipments[index] ?? {};
      issues.push(usedIssue({ shipment, rows: read.rows[index] as ShipmentRows }, scn));
    });

    for (const issue of checkRules(deps, company.scac, trip?.document ?? null, read, candidates))
      issues.push(issue);
    issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

    const failed = failedShipments(read.rows, issues);
    const leftOutRows = new Set(read.leftOut.map((left) => left.row));
    const fileError = issues.some(
      (issue) =>
        issue.severity === 'error' &&
        !failed.rows.has(issue.row ?? Number.NaN) &&
        !leftOutRows.has(issue.row ?? Number.NaN),
    );
    const failedRows = collectFailedRows(
      [...failed.shipments]
        .sort((a, b) => a - b)
        .map((index) => ({
          shipment: read.shipments[index] ?? {},
          rows: read.rows[index] as ShipmentRows,
        })),
      read.leftOut,
      issues,
    );
    const counts = { rowCount: read.rowCount, shipmentCount: total, unchanged: unchanged.size };
    if (
      fileError ||
      ((failed.shipments.size > 0 || read.leftOut.length > 0) && mode === 'all-or-nothing')
    ) {
      return report({
        outcome: 'rejected',
        mode,
        issues,
        failedRows,
        failed: failed.shipments.size,
        ...counts,
      });
    }

    const toStore = candidates.filter((index) => !failed.shipments.has(index));
    // A stored shipment is let go: a trip of 100,000 would otherwise stay held to the end.
    const shipments: (Shipment | undefined)[] = read.shipments;
    let position = await repos.shipments.nextPosition(company.id, tripId);
    let stored = 0;
    progress({ phase: 'storing', bytes, shipments: total, stored });
    for (let at = 0; at < toStore.length; at += STORE_BATCH) {
      checkCancelled(run.signal);
      const batch = toStore.slice(at, at + STORE_BATCH);
      await addShipments(
        repos,
        deps,
        actor,
        company,
        batch.map((index) => shipments[index] ?? {}),
        {
          tripId,
          firstPosition: position,
          action: 'csv-import',
          pathOf: (n) => `/rows/${read.rows[batch[n] ?? 0]?.firstRow ?? 0}/SCN`,
        },
      );
      for (const index of batch) shipments[index] = undefined;
      position += batch.length;
      stored += batch.length;
      progress({ phase: 'storing', bytes, shipments: total, stored });
    }
    checkCancelled(run.signal);
    const outcome = failed.shipments.size > 0 || read.leftOut.length > 0 ? 'partial' : 'imported';
    return report({
      outcome,
      mode,
      issues,
      failedRows,
      failed: failed.shipments.size,
      created: stored,
      ...counts,
    });
  });
}

/**
 * The rule engine's issues about the candidate shipments, located in the file. In a function of
 * its own so the document it checks is let go before storing starts.
 */
function checkRules(
  deps: AppDeps,
  scac: string,
  tripDocument: ManifestDocument | null,
  read: { readonly shipments: readonly Shipment[]; readonly rows: readonly ShipmentRows[] },
  candidates: readonly number[],
): CsvIssue[] {
  // The rules see each AUTOFILL shipment with an SCN of its own, shaped like the one it will
  // draw, so they neither call the placeholders duplicates nor check the placeholder's format.
  let drawn = 0;
  const candidateShipments = candidates.map((i): Shipment => {
    const shipment = read.shipments[i] ?? {};
    if (!wantsGeneratedScn(shipment, scac)) return shipment;
    drawn += 1;
    return { ...shipment, shipmentControlNumber: scac + String(drawn).padStart(10, '0') };
  });
  const candidateRows = candidates.map((i) => read.rows[i] as ShipmentRows);
  const document: ManifestDocument =
    tripDocument === null
      ? { data: 'ACE_SHIPMENT', shipments: candidateShipments }
      : { ...tripDocument, shipments: candidateShipments };
  // Every failing shipment must be known, to store none of it: no per-code cap. The trip's
  // own fields are checked where the trip is edited, not here.
  const ruleIssues = validateShipments(document, {
    now: deps.clock.now(),
    scac,
    regulations: deps.regulations,
  });
  return ruleIssues.map((issue) => {
    const located = locate(issue, candidateShipments, candidateRows);
    const index = candidates[Number(issue.path.split('/')[2])];
    const original = index === undefined ? undefined : read.shipments[index];
    return located.column === 'SCN' && original !== undefined
      ? { ...located, value: original.shipmentControlNumber ?? '' }
      : located;
  });
}

/** The shipments with an error on any of their rows, and those rows' numbers. */
function failedShipments(
  rows: readonly ShipmentRows[],
  issues: readonly CsvIssue[],
): { shipments: Set<number>; rows: Set<number> } {
  const errorRows = new Set<number>();
  for (const issue of issues) {
    if (issue.severity === 'error' && issue.row !== null) errorRows.add(issue.row);
  }
  const failed = { shipments: new Set<number>(), rows: new Set<number>() };
  if (errorRows.size === 0) return failed;
  rows.forEach((from, index) => {
    for (const row of [from.firstRow, ...from.commodityRows]) {
      if (!errorRows.has(row)) continue;
      failed.shipments.add(index);
      failed.rows.add(row);
    }
  });
  return failed;
}

/** What the template holds of a shipment, as one string; `withScn` false for AUTOFILL matching. */
function contentKey(shipment: Shipment, withScn: boolean): string {
  const cells = shipmentCells(withScn ? shipment : { ...shipment, shipmentControlNumber: '' });
  return JSON.stringify(cells);
}

/**
 * Whether a file shipment is already in the trip with the same content: by SCN for typed SCNs,
 * by content for AUTOFILL ones (each stored shipment matches one file shipment at most, so the
 * file's shipments are asked in file order).
 */
function unchangedMatcher(
  existing: readonly ShipmentRecord[],
  scac: string,
): (shipment: Shipment) => boolean {
  const byScn = new Map<string, Shipment>();
  for (const record of existing) {
    const scn = record.shipment.shipmentControlNumber ?? '';
    if (scn !== '') byScn.set(scn, record.shipment);
  }
  // Built on the first AUTOFILL shipment only: a file of typed SCNs never serialises the
  // stored ones (a 100,000-shipment trip) for nothing.
  let contentIndex: Map<string, number> | undefined;
  const byContentOnce = (): Map<string, number> => {
    if (contentIndex !== undefined) return contentIndex;
    contentIndex = new Map();
    for (const record of existing) {
      const key = contentKey(record.shipment, false);
      contentIndex.set(key, (contentIndex.get(key) ?? 0) + 1);
    }
    return contentIndex;
  };
  return (shipment) => {
    if (wantsGeneratedScn(shipment, scac)) {
      const byContent = byContentOnce();
      if (byContent.size === 0) return false;
      const key = contentKey(shipment, false);
      const left = byContent.get(key) ?? 0;
      if (left === 0) return false;
      byContent.set(key, left - 1);
      return true;
    }
    const stored = byScn.get(shipment.shipmentControlNumber ?? '');
    return stored !== undefined && contentKey(stored, true) === contentKey(shipment, true);
  };
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
    issues: parts.issues,
    failedRows: parts.failedRows ?? [],
  };
}
