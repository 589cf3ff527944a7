/**
 * exportTrip(deps, actor, { tripId, includeHistory? }) → ExportFile — the trip document as it
 * was imported or edited (lossless: import → export gives the same JSON), or, with
 * `includeHistory`, `{ document, history }`: the document and every audit entry of the trip and
 * its shipments, oldest first. Any role.
 *
 * Written a page at a time into a file (shared/paged-export.ts) and written again when the trip
 * (its version) or its shipments (their totals) changed meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { nextTurn } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { conflict } from '../shared/errors.js';
import type { ExportFile, ExportSink } from '../shared/export-file.js';
import { tripOf } from '../shared/lookups.js';
import { LIST_PAGE } from '../shared/page-size.js';
import { forEachShipmentPage, sameTotals, writePagedExport } from '../shared/paged-export.js';
import type { TripShipmentTotals } from '../shared/ports/index.js';
import type { AuditEntry, TripRecord } from '../shared/records.js';

export async function exportTrip(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly includeHistory?: boolean | undefined },
): Promise<ExportFile> {
  return writePagedExport<TripState>(deps, {
    async state(repos) {
      const trip = await tripOf(repos, actor, input.tripId);
      return { trip, totals: await repos.shipments.totalsOfList(actor.companyId, trip.id) };
    },
    same: (a, b) => a.trip.version === b.trip.version && sameTotals(a.totals, b.totals),
    write: (state, sink) => writeTrip(deps, actor, state, input.includeHistory === true, sink),
    refusal: ({ trip }) =>
      conflict(
        `Trip ${trip.tripNumber} changed while it was being exported, three times in a row; export it again.`,
      ),
  });
}

interface TripState {
  readonly trip: TripRecord;
  readonly totals: TripShipmentTotals | undefined;
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
      { readOnly: true },
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
  let first = true;
  await forEachShipmentPage(deps, actor.companyId, trip.id, async (records) => {
    for (const record of records) {
      await sink.write((first ? '' : ',') + JSON.stringify(record.shipment));
      first = false;
    }
  });
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
