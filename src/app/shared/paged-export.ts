import { nextTurn } from '../../domain/index.js';
import type { AppDeps } from './deps.js';
import type { AppError } from './errors.js';
import { writeExportFile, type ExportFile, type ExportSink } from './export-file.js';
import { LIST_PAGE } from './page-size.js';
import type { Repositories, TripShipmentTotals } from './ports/index.js';
import type { ShipmentRecord } from './records.js';

/**
 * An export of a list of shipments (a trip's or the unassociated ones) written into a file a
 * page at a time (export-file.ts), each page read in a short transaction of its own and other
 * requests served between pages. Pages read in several transactions are not one snapshot: the
 * list's state is read before the first page and after the last, and the file is written
 * again when a write came in between, at most WRITES times in all; then `refusal`.
 */
export interface PagedExport<S> {
  /** What tells whether the list changed (it may also refuse: no such trip). */
  state(repos: Repositories): Promise<S>;
  same(a: S, b: S): boolean;
  write(state: S, sink: ExportSink): Promise<void>;
  refusal(state: S): AppError;
}

const WRITES = 3;
const READ_ONLY = { readOnly: true } as const;

export async function writePagedExport<S>(
  deps: AppDeps,
  steps: PagedExport<S>,
): Promise<ExportFile> {
  let before = await deps.store.transaction((repos) => steps.state(repos), READ_ONLY);
  for (let written = 1; ; written += 1) {
    const state = before;
    const file = await writeExportFile((sink) => steps.write(state, sink));
    const after = await deps.store.transaction((repos) => steps.state(repos), READ_ONLY);
    if (steps.same(before, after)) return file;
    await file.remove();
    if (written === WRITES) throw steps.refusal(after);
    before = after;
  }
}

/** A list's totals compared: a shipment added, removed or edited changes them. */
export function sameTotals(
  a: TripShipmentTotals | undefined,
  b: TripShipmentTotals | undefined,
): boolean {
  return (
    a?.count === b?.count &&
    a?.versionSum === b?.versionSum &&
    a?.lastUpdatedAt === b?.lastUpdatedAt
  );
}

/** The list's shipments in order, a page per read-only transaction, to `each`. */
export async function forEachShipmentPage(
  deps: AppDeps,
  companyId: string,
  tripId: string | null,
  each: (records: readonly ShipmentRecord[]) => Promise<void>,
): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await deps.store.transaction(
      (repos) => repos.shipments.list(companyId, { tripId }, { cursor, limit: LIST_PAGE.max }),
      READ_ONLY,
    );
    await each(page.items);
    cursor = page.nextCursor ?? undefined;
    // The database answers without the event loop turning (better-sqlite3 is synchronous):
    // other requests get their turn between pages here.
    if (cursor !== undefined) await nextTurn();
  } while (cursor !== undefined);
}
