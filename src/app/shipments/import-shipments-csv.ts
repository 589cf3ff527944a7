/**
 * importShipmentsCsv(deps, actor, { tripId, csv, mode, onProgress }) → CsvImportReport —
 * dispatcher uploads a bulk-shipment CSV (docs/csv-template.md) into a trip or the unassociated
 * list. The file is streamed through the CSV reader, every shipment is checked by the rule
 * engine, and the shipments are stored by the one batch path (support/add-shipments.ts) in one
 * transaction. `all-or-nothing` (the default) stores nothing when any row has an error;
 * `partial` stores the valid shipments and returns the failed rows. A shipment already in the
 * trip with the same content is left as it is (uploading a file twice stores no duplicates); a
 * typed SCN another shipment holds is refused by name. `<SCAC>AUTOFILL` SCNs are drawn from the
 * company's sequence.
 */
import type { ManifestDocument, Shipment } from '../../domain/index.js';
import {
  csvIssue,
  locate,
  readShipmentCsv,
  shipmentCells,
  TEMPLATE_HEADERS,
  type CsvIssue,
  type FailedRow,
  type ShipmentRows,
} from '../../csv/index.js';
import { validateShipments } from '../../rules/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { Repositories } from '../shared/ports/index.js';
import type { ShipmentRecord } from '../shared/records.js';
import { wantsGeneratedScn } from '../shared/sequences.js';
import { addShipments } from './support/add-shipments.js';
import type { CsvImportProgress, CsvImportReport } from './support/csv-import-report.js';

export type CsvImportMode = 'all-or-nothing' | 'partial';

export interface CsvImportInput {
  /** A trip id, or null for the unassociated list. */
  readonly tripId: string | null;
  readonly csv: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  readonly mode?: CsvImportMode | undefined;
  readonly onProgress?: ((progress: CsvImportProgress) => void) | undefined;
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
  // An unknown trip is said before the file is read, not after minutes of upload.
  const tripIdAsked = input.tripId;
  if (tripIdAsked !== null)
    await deps.store.transaction((repos) => tripOf(repos, actor, tripIdAsked));
  let bytes = 0;
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of input.csv) {
      bytes += chunk.length;
      progress({ phase: 'reading', bytes, shipments: 0, stored: 0 });
      yield chunk;
    }
  };
  // The placeholder stays until the batch path draws the real SCN from the company sequence,
  // so a failed all-or-nothing import uses up no numbers.
  const read = await readShipmentCsv(counted(), { autofillScn: (scac) => `${scac}AUTOFILL` });
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
    const unchanged = findUnchanged(read.shipments, existing, company.scac);
    for (const index of unchanged) {
      const rows = read.rows[index];
      const scn = read.shipments[index]?.shipmentControlNumber ?? '';
      issues.push(
        csvIssue(
          'CSV_SHIPMENT_UNCHANGED',
          { row: rows?.firstRow ?? null, column: 'SCN', value: scn },
          `The shipment of row ${rows?.firstRow ?? '?'} is already in ${trip === null ? 'the unassociated list' : `trip ${trip.tripNumber}`} with the same content; it was not imported again.`,
        ),
      );
    }
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
      const row = read.rows[index]?.firstRow ?? null;
      issues.push(
        csvIssue(
          'CSV_SCN_ALREADY_USED',
          { row, column: 'SCN', value: scn },
          `SCN ${scn} on row ${row ?? '?'} is already used by another shipment of this carrier; an SCN may not be reused for three years, even after its shipment was deleted.`,
        ),
      );
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
      read.shipments,
      read.rows,
      failed.shipments,
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

async function shipmentsIn(
  repos: Repositories,
  companyId: string,
  tripId: string | null,
): Promise<readonly ShipmentRecord[]> {
  if (tripId !== null) return repos.shipments.allOfTrip(companyId, tripId);
  const all: ShipmentRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await repos.shipments.list(companyId, { tripId: null }, { cursor, limit: 1000 });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}

/** What the template holds of a shipment, as one string; `withScn` false for AUTOFILL matching. */
function contentKey(shipment: Shipment, withScn: boolean): string {
  const cells = shipmentCells(withScn ? shipment : { ...shipment, shipmentControlNumber: '' });
  return JSON.stringify(cells);
}

/**
 * The file's shipments already in the trip with the same content: by SCN for typed SCNs, by
 * content for AUTOFILL ones (each stored shipment matches one file shipment at most).
 */
function findUnchanged(
  shipments: readonly Shipment[],
  existing: readonly ShipmentRecord[],
  scac: string,
): Set<number> {
  const byScn = new Map<string, Shipment>();
  const byContent = new Map<string, number>();
  for (const record of existing) {
    const scn = record.shipment.shipmentControlNumber ?? '';
    if (scn !== '') byScn.set(scn, record.shipment);
    const key = contentKey(record.shipment, false);
    byContent.set(key, (byContent.get(key) ?? 0) + 1);
  }
  const unchanged = new Set<number>();
  shipments.forEach((shipment, index) => {
    if (wantsGeneratedScn(shipment, scac)) {
      const key = contentKey(shipment, false);
      const left = byContent.get(key) ?? 0;
      if (left === 0) return;
      byContent.set(key, left - 1);
      unchanged.add(index);
      return;
    }
    const stored = byScn.get(shipment.shipmentControlNumber ?? '');
    if (stored !== undefined && contentKey(stored, true) === contentKey(shipment, true)) {
      unchanged.add(index);
    }
  });
  return unchanged;
}

/**
 * The rows of every failed shipment, rebuilt from what was read, with each issue's original
 * text put back where the reader left a value out (`twelve` in Quantity), and the rows the
 * reader placed in no shipment.
 */
function collectFailedRows(
  shipments: readonly Shipment[],
  rows: readonly ShipmentRows[],
  failed: ReadonlySet<number>,
  leftOut: readonly { row: number; cells: string[] }[],
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
  for (const index of [...failed].sort((a, b) => a - b)) {
    const shipment = shipments[index];
    const from = rows[index];
    if (shipment === undefined || from === undefined) continue;
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
