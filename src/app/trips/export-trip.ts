/**
 * exportTrip(deps, actor, { tripId, includeHistory? }) → ExportFile — the trip document as it
 * was imported or edited (lossless: import → export gives the same JSON), or, with
 * `includeHistory`, `{ document, history }`: the document and every audit entry of the trip and
 * its shipments, oldest first. Any role.
 *
 * Written a page at a time into a file (shared/export-file.ts), each page read in a short
 * transaction of its own, other requests served between pages. Pages read in several
 * transactions are not one snapshot: the trip's version and its shipments' totals (count,
 * summed versions, last change) are compared before the first page and after the last, and the
 * file is written again when a write came in between.
 */
import { randomUUID } from 'node:crypto';
import { nextTurn } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { conflict } from '../shared/errors.js';
import { writeExportFile, type ExportFile, type ExportSink } from '../shared/export-file.js';
import { tripOf } from '../shared/lookups.js';
import { LIST_PAGE } from '../shared/page-size.js';
import type { Repositories, TripShipmentTotals } from '../shared/ports/index.js';
import type { AuditEntry, TripRecord } from '../shared/records.js';

/** Writes the file again when the trip changed meanwhile, at most this many times in all. */
const WRITES = 3;

const READ_ONLY = { readOnly: true } as const;

export async function exportTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly includeHistory?: boolean | undefined },
): Promise<ExportFile> {
  let tripNumber = input.tripId;
  for (let written = 1; written <= WRITES; written += 1) {
    const before = await deps.store.transaction(
      (repos) => stateOf(repos, actor, input.tripId),
      READ_ONLY,
    );
    tripNumber = before.trip.tripNumber;
    const file = await writeExportFile((sink) =>
      writeTrip(deps, actor, before, input.includeHistory === true, sink),
    );
    const after = await deps.store.transaction(
      (repos) => stateOf(repos, actor, input.tripId),
      READ_ONLY,
    );
    if (sameState(before, after)) return file;
    await file.remove();
  }
  throw conflict(
    `Trip ${tripNumber} changed while it was being exported, ${String(WRITES)} times in a row; export it again.`,
  );
}

/** What tells whether the trip or its shipments changed between two reads. */
interface TripState {
  readonly trip: TripRecord;
  readonly totals: TripShipmentTotals | undefined;
}

async function stateOf(repos: Repositories, actor: Actor, tripId: string): Promise<TripState> {
  const trip = await tripOf(repos, actor, tripId);
  const totals = (await repos.shipments.totalsOfTrips(actor.companyId, [trip.id])).get(trip.id);
  return { trip, totals };
}

function sameState(a: TripState, b: TripState): boolean {
  return (
    a.trip.version === b.trip.version &&
    a.totals?.count === b.totals?.count &&
    a.totals?.versionSum === b.totals?.versionSum &&
    a.totals?.lastUpdatedAt === b.totals?.lastUpdatedAt
  );
}

async function writeTrip(
  deps: AppDeps,
  actor: Actor,
  { trip, totals }: TripState,
  includeHistory: boolean,
  sink: ExportSink,
): Promise<void> {
  if (includeHistory) await sink.write('{"document":');
  await writeDocument(deps, actor, trip, (totals?.count ?? 0) > 0, sink);
  if (!includeHistory) return;
  await sink.write(',"history":[');
  let afterSeq = 0;
  let first = true;
  for (;;) {
    const entries = await deps.store.transaction(
      (repos) =>
        repos.audit.listForTrip(actor.companyId, trip.id, { afterSeq, limit: LIST_PAGE.max }),
      READ_ONLY,
    );
    for (const entry of entries) {
      await sink.write((first ? '' : ',') + JSON.stringify(historyEntry(entry)));
      first = false;
    }
    const last = entries.at(-1);
    if (last === undefined || entries.length < LIST_PAGE.max) break;
    afterSeq = last.seq;
    await nextTurn();
  }
  await sink.write(']}');
}

/**
 * The document as assembleTripDocument gives it (shared/trip-documents.ts): the stored trip
 * with its shipments in order, under `shipments` where the stored document has that key, else
 * last; no key when it has none and the trip no shipments.
 */
async function writeDocument(
  deps: AppDeps,
  actor: Actor,
  trip: TripRecord,
  hasShipments: boolean,
  sink: ExportSink,
): Promise<void> {
  if (trip.document.shipments === undefined && !hasShipments) {
    await sink.write(JSON.stringify(trip.document));
    return;
  }
  // The shipments go where a stand-in string was written: one no document can hold.
  const standIn = JSON.stringify(`\u0000${randomUUID()}`);
  const [head = '', tail = ''] = JSON.stringify({
    ...trip.document,
    shipments: JSON.parse(standIn) as string,
  }).split(standIn);
  await sink.write(`${head}[`);
  let cursor: string | undefined;
  let first = true;
  do {
    const page = await deps.store.transaction(
      (repos) =>
        repos.shipments.list(
          actor.companyId,
          { tripId: trip.id },
          { cursor, limit: LIST_PAGE.max },
        ),
      READ_ONLY,
    );
    for (const record of page.items) {
      await sink.write((first ? '' : ',') + JSON.stringify(record.shipment));
      first = false;
    }
    cursor = page.nextCursor ?? undefined;
    // The database answers without the event loop turning (better-sqlite3 is synchronous):
    // other requests get their turn between pages here.
    if (cursor !== undefined) await nextTurn();
  } while (cursor !== undefined);
  await sink.write(`]${tail}`);
}

/** An audit entry as the API documents it (AuditEntry in the OpenAPI description). */
function historyEntry(entry: AuditEntry): object {
  return {
    seq: entry.seq,
    at: entry.at,
    actorUserId: entry.actorUserId,
    actorTokenId: entry.actorTokenId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    tripId: entry.tripId,
    action: entry.action,
    before: entry.before,
    after: entry.after,
  };
}
