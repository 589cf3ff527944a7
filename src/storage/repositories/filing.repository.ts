import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type {
  ArchivedInterchange,
  FilingHistoryEntry,
  FilingRepository,
  FilingState,
  FilingStateChange,
  FilingStatus,
  FilingStatusCount,
  FilingStatusOf,
  ArchivedInterchangeSummary,
  ShipmentFilingStatus,
  Transmission,
  TransmissionState,
  TransmissionSummary,
  TripFilingSummary,
} from '../../app/shared/ports/index.js';
import { afterKey, decodeCursor, invalidCursor, pageSize, toPage } from '../cursor.js';
import { chunks } from '../chunks.js';
import { dialectOf } from '../dialect.js';
import { fromJson, fromJsonOrNull, toJson } from '../json.js';
import { leaseRows, markLeasedAttemptFailed, markLeasedSent } from './lease-claim.js';
import type {
  Database,
  FilingHistoryTable,
  FilingDocumentTable,
  FilingStateTable,
  InterchangeArchiveTable,
  TransmissionTable,
} from '../schema.js';
import { NOT_COUNTED, type RowsWritten } from '../statistics-after-bulk.js';
import { tableBatchFor, type TableBatch } from '../table-batch.js';

function transmissionFromRow(row: Selectable<TransmissionTable>): Transmission {
  return { ...transmissionSummaryFromRow(row), payload: row.payload };
}

/** The columns of a transmission but its text. */
const TRANSMISSION_SUMMARY = [
  'id',
  'company_id',
  'trip_id',
  'trip_number',
  'set_id',
  'purpose',
  'control_number',
  'scns_json',
  'state',
  'attempts',
  'next_attempt_at',
  'last_error',
  'created_at',
  'sent_at',
] as const;

function transmissionSummaryFromRow(
  row: Omit<Selectable<TransmissionTable>, 'payload' | 'seq' | 'lease_until'>,
): TransmissionSummary {
  return {
    id: row.id,
    companyId: row.company_id,
    tripId: row.trip_id,
    tripNumber: row.trip_number,
    setId: row.set_id as Transmission['setId'],
    purpose: row.purpose,
    controlNumber: row.control_number,
    scns: fromJson<string[]>(row.scns_json),
    state: row.state as TransmissionState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function archivedFromRow(row: Selectable<InterchangeArchiveTable>): ArchivedInterchange {
  return { ...archivedSummaryFromRow(row), text: row.text };
}

/** The columns of an archived interchange but its text. */
const ARCHIVE_SUMMARY = [
  'id',
  'company_id',
  'trip_id',
  'direction',
  'set_id',
  'control_number',
  'at',
  'problem',
] as const;

function archivedSummaryFromRow(
  row: Omit<Selectable<InterchangeArchiveTable>, 'text' | 'seq'>,
): ArchivedInterchangeSummary {
  return {
    id: row.id,
    companyId: row.company_id,
    tripId: row.trip_id,
    direction: row.direction as ArchivedInterchange['direction'],
    setId: row.set_id,
    controlNumber: row.control_number,
    at: row.at,
    problem: row.problem,
  };
}

/** A state's row and its documents' (null where it has none: filing_documents, migration 0022). */
function stateFromRow(
  row: Selectable<FilingStateTable> &
    Pick<Selectable<FilingDocumentTable>, 'accepted_json' | 'sent_snapshot_json'>,
): FilingState {
  return {
    companyId: row.company_id,
    tripId: row.trip_id,
    scn: row.scn,
    status: row.status as FilingStatus,
    accepted: fromJsonOrNull(row.accepted_json),
    sent:
      row.sent_action === null
        ? null
        : { action: row.sent_action, snapshot: fromJsonOrNull(row.sent_snapshot_json) },
    updatedAt: row.updated_at,
  };
}

/** The columns of a state a status is read from. */
const STATUS_COLUMNS = ['trip_id', 'scn', 'status', 'sent_action', 'updated_at'] as const;

function statusFromRow(
  row: Pick<Selectable<FilingStateTable>, (typeof STATUS_COLUMNS)[number]>,
): FilingStatusOf {
  return {
    tripId: row.trip_id,
    scn: row.scn,
    status: row.status as FilingStatus,
    sentAction: row.sent_action,
    updatedAt: row.updated_at,
  };
}

/**
 * What each effect of CBP's answer does to a stored state (FilingStateChange) beside its status:
 * whether what was sent is answered (its action cleared), and what becomes of its documents, in
 * SQL: the snapshot moves within the documents' row, never through the service.
 */
const EFFECT = {
  status: { answered: false, documents: undefined },
  rejected: { answered: true, documents: { sent_snapshot_json: null } },
  accepted: {
    answered: true,
    documents: {
      accepted_json: sql<string | null>`filing_documents.sent_snapshot_json`,
      sent_snapshot_json: null,
    },
  },
  withdrawn: { answered: true, documents: { accepted_json: null, sent_snapshot_json: null } },
} as const;

/** The SCNs of `changes`, by the trip they are of. */
function scnsByTrip(
  changes: readonly FilingStateChange[],
): { companyId: string; tripId: string; scns: string[] }[] {
  const byTrip = new Map<string, { companyId: string; tripId: string; scns: string[] }>();
  for (const { companyId, tripId, scn } of changes) {
    const key = JSON.stringify([companyId, tripId]);
    const trip = byTrip.get(key);
    if (trip === undefined) byTrip.set(key, { companyId, tripId, scns: [scn] });
    else trip.scns.push(scn);
  }
  return [...byTrip.values()];
}

function historyFromRow(row: Selectable<FilingHistoryTable>): FilingHistoryEntry {
  return {
    companyId: row.company_id,
    tripId: row.trip_id,
    scn: row.scn,
    status: row.status as FilingStatus,
    at: row.at,
    detail: fromJson<Record<string, unknown>>(row.detail_json),
    archiveId: row.archive_id,
  };
}

const jsonOrNull = (value: unknown) =>
  value === null || value === undefined ? null : toJson(value);

/** A state's columns as putStates writes them; a state is one per trip and SCN. */
const STATE_COLUMNS = [
  'company_id',
  'trip_id',
  'scn',
  'status',
  'sent_action',
  'updated_at',
] as const;
/** Its documents' columns, by the same key. */
const DOCUMENT_COLUMNS = [
  'company_id',
  'trip_id',
  'scn',
  'accepted_json',
  'sent_snapshot_json',
] as const;
const STATE_KEY = ['company_id', 'trip_id', 'scn'] as const;

const HISTORY_COLUMNS = [
  'company_id',
  'trip_id',
  'scn',
  'status',
  'at',
  'detail_json',
  'archive_id',
] as const;

/**
 * A state of a shipment sent with the trip and since taken off it (deleted, or moved to another
 * trip): no shipment of the trip holds its SCN. A probe of the shipments' (company, SCN) key.
 */
function takenOffTrip(eb: ExpressionBuilder<Database & { f: FilingStateTable }, 'f'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('shipments as s')
        .select('s.id')
        .whereRef('s.company_id', '=', 'f.company_id')
        .whereRef('s.trip_id', '=', 'f.trip_id')
        .whereRef('s.scn', '=', 'f.scn'),
    ),
  );
}

/**
 * `batch` writes the states and history a sync or CBP's answers write in bulk (counting them in
 * a store's transaction); `written` hears of the states CBP's answers change in SQL
 * (statistics-after-bulk.ts).
 */
export function filingRepository(
  db: Kysely<Database>,
  batch: TableBatch = tableBatchFor(db),
  written: RowsWritten = NOT_COUNTED,
): FilingRepository {
  async function putStates(states: readonly FilingState[]): Promise<void> {
    // By the batch path (table-batch.ts), which also counts the rows for the statistics: a sync
    // of a 100,000-shipment trip writes as many states, which the query builder made an
    // operation tree of, value by value. A chunk at a time: each state's snapshot is the
    // shipment's JSON, 130 MB for such a trip all at once.
    for (const chunk of chunks(states)) {
      await batch.insert(
        'filing_states',
        STATE_COLUMNS,
        chunk.map((state) => [
          state.companyId,
          state.tripId,
          state.scn,
          state.status,
          state.sent?.action ?? null,
          state.updatedAt,
        ]),
        { replaceOnConflict: { key: STATE_KEY } },
      );
      // Every state's documents, none included: a state put replaces the documents it had.
      await batch.insert(
        'filing_documents',
        DOCUMENT_COLUMNS,
        chunk.map((state) => [
          state.companyId,
          state.tripId,
          state.scn,
          jsonOrNull(state.accepted),
          jsonOrNull(state.sent?.snapshot),
        ]),
        { replaceOnConflict: { key: STATE_KEY } },
      );
    }
  }

  /** How many rows of a trip a table holds, and the greatest value of one of its columns. */
  function tally(
    companyId: string,
    tripId: string,
    table: 'filing_states' | 'filing_history' | 'interchange_archive',
    column: 'updated_at' | 'seq',
  ) {
    return db
      .selectFrom(table)
      .select((eb) => [
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.max<number | string | null>(sql.ref(column)).as('last'),
      ])
      .where('company_id', '=', companyId)
      .where('trip_id', '=', tripId)
      .executeTakeFirst();
  }

  async function changeStates(changes: readonly FilingStateChange[]): Promise<void> {
    written.note('filing_states', changes.length);
    // One statement per effect and chunk: a 355 accepting 100,000 shipments is a few dozen.
    for (const effect of ['status', 'rejected', 'accepted', 'withdrawn'] as const) {
      const ofEffect = changes.filter((change) => change.effect === effect);
      const { answered, documents } = EFFECT[effect];
      for (const chunk of chunks(ofEffect)) {
        await db
          .insertInto('filing_states')
          .values(
            chunk.map((change) => ({
              company_id: change.companyId,
              trip_id: change.tripId,
              scn: change.scn,
              status: change.status,
              sent_action: null,
              updated_at: change.updatedAt,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['company_id', 'trip_id', 'scn']).doUpdateSet((eb) => ({
              status: eb.ref('excluded.status'),
              updated_at: eb.ref('excluded.updated_at'),
              ...(answered ? { sent_action: null } : {}),
            })),
          )
          .execute();
        if (documents === undefined) continue;
        // The documents of the chunk's states, a trip at a time (a 355 answers for one).
        for (const trip of scnsByTrip(chunk)) {
          await db
            .updateTable('filing_documents')
            .set(documents)
            .where('company_id', '=', trip.companyId)
            .where('trip_id', '=', trip.tripId)
            .where('scn', 'in', trip.scns)
            .execute();
        }
      }
    }
  }

  /** Keeps an ID the company now sends under as its own for good (migration 0016). */
  const registerSenderId = async (companyId: string, senderId: string, at: string) => {
    await db
      .insertInto('sender_id_registry')
      .values({
        sender_id: senderId,
        company_id: companyId,
        first_used_at: at,
      })
      .onConflict((oc) => oc.column('sender_id').doNothing())
      .execute();
  };

  return {
    async senderId(companyId, fallbackSenderId, at) {
      const found = await db
        .selectFrom('edi_identities')
        .select('sender_id')
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      if (found !== undefined) return found.sender_id;
      await db
        .insertInto('edi_identities')
        .values({ company_id: companyId, sender_id: fallbackSenderId, next_control_number: 1 })
        .onConflict((oc) => oc.column('company_id').doNothing())
        .execute();
      await registerSenderId(companyId, fallbackSenderId, at);
      const row = await db
        .selectFrom('edi_identities')
        .select('sender_id')
        .where('company_id', '=', companyId)
        .executeTakeFirstOrThrow();
      return row.sender_id;
    },
    async companyBySenderId(senderId) {
      // Any ID the company has held: CBP may still answer to one it changed from.
      const row = await db
        .selectFrom('sender_id_registry')
        .select('company_id')
        .where('sender_id', '=', senderId)
        .executeTakeFirst();
      return row?.company_id;
    },
    async ediIdentity(companyId) {
      const row = await db
        .selectFrom('edi_identities')
        .select(['sender_id', 'next_control_number'])
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { senderId: row.sender_id, nextControlNumber: row.next_control_number };
    },
    async setSenderId(companyId, senderId, at) {
      await db
        .insertInto('edi_identities')
        .values({ company_id: companyId, sender_id: senderId, next_control_number: 1 })
        .onConflict((oc) => oc.column('company_id').doUpdateSet({ sender_id: senderId }))
        .execute();
      await registerSenderId(companyId, senderId, at);
    },
    async reserveControlNumbers(companyId, count) {
      // One UPDATE … RETURNING: the row lock serialises concurrent reservations on PostgreSQL;
      // SQLite has a single writer. The CHECK refuses to pass 999,999,999 (ISA13 has 9 digits).
      const row = await db
        .updateTable('edi_identities')
        .set((eb) => ({ next_control_number: eb('next_control_number', '+', count) }))
        .where('company_id', '=', companyId)
        .returning('next_control_number')
        .executeTakeFirstOrThrow();
      return row.next_control_number - count;
    },
    async enqueue(transmissions, at) {
      for (const chunk of chunks(transmissions)) {
        await db
          .insertInto('transmissions')
          .values(
            chunk.map((t) => ({
              id: t.id,
              company_id: t.companyId,
              trip_id: t.tripId,
              trip_number: t.tripNumber,
              set_id: t.setId,
              purpose: t.purpose,
              control_number: t.controlNumber,
              scns_json: toJson(t.scns),
              payload: t.payload,
              state: 'pending',
              attempts: 0,
              next_attempt_at: at,
              lease_until: null,
              last_error: null,
              created_at: t.createdAt,
              sent_at: null,
            })),
          )
          .execute();
      }
    },
    async claimDue(now, leaseUntil, limit) {
      let query = db
        .selectFrom('transmissions as t')
        .select('t.id')
        .where('t.state', '=', 'pending')
        .where('t.next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('t.lease_until', 'is', null), eb('t.lease_until', '<', now)]))
        // A trip's interchanges go one after the other: the 309s before the 358 that links them.
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('transmissions as e')
                .select('e.id')
                .whereRef('e.company_id', '=', 't.company_id')
                .whereRef('e.trip_id', '=', 't.trip_id')
                .where('e.state', '=', 'pending')
                .whereRef('e.seq', '<', 't.seq'),
            ),
          ),
        )
        .orderBy('t.seq')
        .limit(limit);
      // Several service instances on one PostgreSQL: each skips the rows another has locked.
      if (dialectOf(db) === 'postgres') query = query.forUpdate().skipLocked();
      const claimed = await leaseRows(db, 'transmissions', query, now, leaseUntil);
      return claimed.map(transmissionFromRow);
    },
    markSent: (id, at) => markLeasedSent(db, 'transmissions', id, at),
    markAttemptFailed: (id, error, nextAttemptAt) =>
      markLeasedAttemptFailed(db, 'transmissions', id, error, nextAttemptAt),
    async listTransmissions(companyId, tripId) {
      const rows = await db
        .selectFrom('transmissions')
        .select(TRANSMISSION_SUMMARY)
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .orderBy('seq')
        .execute();
      return rows.map(transmissionSummaryFromRow);
    },
    async findTransmission(companyId, controlNumber) {
      const row = await db
        .selectFrom('transmissions')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('control_number', '=', controlNumber)
        .executeTakeFirst();
      return row === undefined ? undefined : transmissionFromRow(row);
    },
    async tripIdByNumber(companyId, tripNumber) {
      const row = await db
        .selectFrom('transmissions')
        .select('trip_id')
        .where('company_id', '=', companyId)
        .where('trip_number', '=', tripNumber)
        .orderBy('seq', 'desc')
        .executeTakeFirst();
      return row?.trip_id;
    },
    async alreadyReceived(companyId, controlNumber, text) {
      const row = await db
        .selectFrom('interchange_archive')
        .select('id')
        .where('direction', '=', 'in')
        .where('control_number', '=', controlNumber)
        .where((eb) =>
          companyId === null ? eb('company_id', 'is', null) : eb('company_id', '=', companyId),
        )
        .where('text', '=', text)
        .executeTakeFirst();
      return row !== undefined;
    },
    async archive(entry) {
      await db
        .insertInto('interchange_archive')
        .values({
          id: entry.id,
          company_id: entry.companyId,
          trip_id: entry.tripId,
          direction: entry.direction,
          set_id: entry.setId,
          control_number: entry.controlNumber,
          at: entry.at,
          text: entry.text,
          problem: entry.problem,
        })
        .execute();
    },
    async listArchive(companyId, tripId) {
      const rows = await db
        .selectFrom('interchange_archive')
        .select(ARCHIVE_SUMMARY)
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .orderBy('seq')
        .execute();
      return rows.map(archivedSummaryFromRow);
    },
    async findArchived(companyId, id) {
      const row = await db
        .selectFrom('interchange_archive')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : archivedFromRow(row);
    },
    async states(companyId, tripId) {
      const rows = await db
        .selectFrom('filing_states as f')
        .leftJoin('filing_documents as d', (join) =>
          join
            .onRef('d.company_id', '=', 'f.company_id')
            .onRef('d.trip_id', '=', 'f.trip_id')
            .onRef('d.scn', '=', 'f.scn'),
        )
        .selectAll('f')
        .select(['d.accepted_json', 'd.sent_snapshot_json'])
        .where('f.company_id', '=', companyId)
        .where('f.trip_id', '=', tripId)
        .orderBy('f.scn')
        .execute();
      return rows.map(stateFromRow);
    },
    async statuses(companyId, tripId, only) {
      let query = db
        .selectFrom('filing_states')
        .select(STATUS_COLUMNS)
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId);
      if (only?.scn !== undefined) query = query.where('scn', '=', only.scn);
      if (only?.status !== undefined) query = query.where('status', '=', only.status);
      const rows = await query.orderBy('scn').execute();
      return rows.map(statusFromRow);
    },
    async shipmentStatusPage(companyId, tripId, page) {
      const limit = pageSize(page.limit);
      const status = page.status;
      // [0, position, id] on the trip; [1, 0, scn] among those taken off it.
      const after =
        page.cursor === undefined
          ? undefined
          : decodeCursor(page.cursor, ['integer', 'integer', 'string']);
      if (after !== undefined && after[0] > 1) throw invalidCursor();
      const listed: (ShipmentFilingStatus & { key: [number, number, string] })[] = [];
      if (after === undefined || after[0] === 0) {
        // The trip's order (its shipments' positions): an index range from the key on, each
        // probing its state; a rare status scans the trip once for its page.
        let query = db
          .selectFrom('shipments as s')
          .leftJoin('filing_states as f', (join) =>
            join
              .onRef('f.company_id', '=', 's.company_id')
              .onRef('f.trip_id', '=', 's.trip_id')
              .onRef('f.scn', '=', 's.scn'),
          )
          .select(['s.scn', 's.position', 's.id', 'f.status', 'f.updated_at'])
          .where('s.company_id', '=', companyId)
          .where('s.trip_id', '=', tripId)
          .where('s.scn', '<>', '');
        if (after !== undefined)
          query = query.where(afterKey(['s.position', 's.id'], [after[1], after[2]]));
        if (status === 'draft') {
          query = query.where((eb) =>
            eb.or([eb('f.status', 'is', null), eb('f.status', '=', 'draft')]),
          );
        } else if (status !== undefined) query = query.where('f.status', '=', status);
        const rows = await query
          .orderBy('s.position')
          .orderBy('s.id')
          .limit(limit + 1)
          .execute();
        for (const row of rows) {
          listed.push({
            scn: row.scn,
            status: (row.status ?? 'draft') as FilingStatus,
            updatedAt: row.updated_at,
            key: [0, row.position, row.id],
          });
        }
      }
      if (listed.length <= limit) {
        let query = db
          .selectFrom('filing_states as f')
          .select(['f.scn', 'f.status', 'f.updated_at'])
          .where('f.company_id', '=', companyId)
          .where('f.trip_id', '=', tripId)
          .where('f.scn', '<>', '')
          .where(takenOffTrip);
        if (after?.[0] === 1) query = query.where('f.scn', '>', after[2]);
        if (status !== undefined) query = query.where('f.status', '=', status);
        const rows = await query
          .orderBy('f.scn')
          .limit(limit + 1 - listed.length)
          .execute();
        for (const row of rows) {
          listed.push({
            scn: row.scn,
            status: row.status as FilingStatus,
            updatedAt: row.updated_at,
            key: [1, 0, row.scn],
          });
        }
      }
      return toPage(
        listed,
        limit,
        ({ key: _, ...state }) => state,
        (row) => row.key,
      );
    },
    async shipmentStatusCounts(companyId, tripId) {
      // Every state of the trip's shipments is listed (on the trip or taken off it), and each
      // shipment on the trip without one as a draft: two scans, not a join per status.
      const states = await db
        .selectFrom('filing_states')
        .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .where('scn', '<>', '')
        .groupBy('status')
        .execute();
      const unsent = await db
        .selectFrom('shipments as s')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('s.company_id', '=', companyId)
        .where('s.trip_id', '=', tripId)
        .where('s.scn', '<>', '')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('filing_states as f')
                .select('f.scn')
                .whereRef('f.company_id', '=', 's.company_id')
                .whereRef('f.trip_id', '=', 's.trip_id')
                .whereRef('f.scn', '=', 's.scn'),
            ),
          ),
        )
        .executeTakeFirst();
      const counts = new Map<FilingStatus, number>();
      const drafts = Number(unsent?.count ?? 0);
      if (drafts > 0) counts.set('draft', drafts);
      for (const row of states) {
        const status = row.status as FilingStatus;
        counts.set(status, (counts.get(status) ?? 0) + Number(row.count));
      }
      return [...counts].map(([status, count]): FilingStatusCount => ({ status, count }));
    },
    async standing(companyId, tripId) {
      const statuses = await db
        .selectFrom('filing_states')
        .select(['status', (eb) => eb(eb.ref('scn'), '=', '').as('of_trip')])
        .distinct()
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .execute();
      const pending = await db
        .selectFrom('transmissions')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      // SQLite answers the comparison 1 or 0, PostgreSQL true or false.
      const ofTrip = (row: { of_trip: unknown }) => row.of_trip === true || row.of_trip === 1;
      return {
        trip: statuses.find(ofTrip)?.status as FilingStatus | undefined,
        shipments: statuses.filter((row) => !ofTrip(row)).map((row) => row.status as FilingStatus),
        pending: Number(pending?.count ?? 0),
      };
    },
    async summariesOfTrips(companyId, tripIds) {
      const summaries = new Map<string, TripFilingSummary>();
      for (const chunk of chunks(tripIds, 5_000)) {
        // The trips' own rows ('' for the trip), by the primary key (company_id, trip_id, scn).
        const trips = await db
          .selectFrom('filing_states')
          .select(['trip_id', 'status'])
          .where('company_id', '=', companyId)
          .where('trip_id', 'in', chunk)
          .where('scn', '=', '')
          .execute();
        for (const row of trips) {
          summaries.set(row.trip_id, {
            status: row.status as FilingStatus,
            rejectedShipments: 0,
          });
        }
        // Rejected shipments still on the trip: one renamed or removed since is history (the
        // filing view keeps it), not work. Rejections are few, so the lookup per row is cheap.
        const rejected = await db
          .selectFrom('filing_states as state')
          .select((eb) => ['state.trip_id', eb.fn.countAll<number | string>().as('rejected')])
          .where('state.company_id', '=', companyId)
          .where('state.trip_id', 'in', chunk)
          .where('state.scn', '<>', '')
          .where('state.status', '=', 'rejected')
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('shipments')
                .select('shipments.id')
                .whereRef('shipments.company_id', '=', 'state.company_id')
                .whereRef('shipments.trip_id', '=', 'state.trip_id')
                .whereRef('shipments.scn', '=', 'state.scn'),
            ),
          )
          .groupBy('state.trip_id')
          .execute();
        for (const row of rejected) {
          summaries.set(row.trip_id, {
            status: summaries.get(row.trip_id)?.status ?? 'draft',
            // PostgreSQL's count is a bigint, which pg gives as text.
            rejectedShipments: Number(row.rejected),
          });
        }
      }
      return summaries;
    },
    async statusesOfScns(companyId, scns) {
      const found: FilingStatusOf[] = [];
      // A 350 names SCNs only: the (company_id, scn) index (migration 0013) answers each of
      // a few large statements.
      for (const chunk of chunks(scns, 5_000)) {
        const rows = await db
          .selectFrom('filing_states')
          .select(STATUS_COLUMNS)
          .where('company_id', '=', companyId)
          .where('scn', 'in', chunk)
          .execute();
        for (const row of rows) found.push(statusFromRow(row));
      }
      return found;
    },
    putStates,
    changeStates,
    async appendHistory(entries) {
      await batch.insert(
        'filing_history',
        HISTORY_COLUMNS,
        entries.map((e) => [
          e.companyId,
          e.tripId,
          e.scn,
          e.status,
          e.at,
          toJson(e.detail),
          e.archiveId,
        ]),
      );
    },
    async historyPage(companyId, tripId, page) {
      const limit = pageSize(page.limit);
      let query = db
        .selectFrom('filing_history')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId);
      if (page.cursor !== undefined) {
        const [seq] = decodeCursor(page.cursor, ['integer']);
        query = query.where('seq', '<', seq);
      }
      const rows = await query
        .orderBy('seq', 'desc')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, historyFromRow, (row) => [row.seq]);
    },
    async historyCount(companyId, tripId) {
      return Number((await tally(companyId, tripId, 'filing_history', 'seq'))?.count ?? 0);
    },
    async changeMark(companyId, tripId) {
      // Counts come back as numbers (SQLite) or text (PostgreSQL's bigint): String() for both.
      const states = await tally(companyId, tripId, 'filing_states', 'updated_at');
      const history = await tally(companyId, tripId, 'filing_history', 'seq');
      // The outbox rows change state (pending, sent, failed) and count attempts.
      const outbox = await db
        .selectFrom('transmissions')
        .select((eb) => [
          'state',
          eb.fn.countAll<number | string>().as('count'),
          eb.fn.sum<number | string>('attempts').as('attempts'),
        ])
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .groupBy('state')
        .orderBy('state')
        .execute();
      const archive = await tally(companyId, tripId, 'interchange_archive', 'seq');
      return [
        states?.count,
        states?.last,
        history?.count,
        history?.last,
        ...outbox.flatMap((row) => [row.state, row.count, row.attempts]),
        archive?.count,
        archive?.last,
      ]
        .map((value) => String(value ?? ''))
        .join('/');
    },
    async historyOf(companyId, tripId, scn) {
      // The index (company_id, trip_id, scn, seq) of migration 0020 answers it.
      const rows = await db
        .selectFrom('filing_history')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .where('scn', '=', scn)
        .orderBy('seq')
        .execute();
      return rows.map(historyFromRow);
    },
    async cursor(name) {
      const row = await db
        .selectFrom('transport_cursors')
        .select('cursor')
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.cursor;
    },
    async moveCursor(name, from, to) {
      if (from === undefined) {
        const inserted = await db
          .insertInto('transport_cursors')
          .values({ name, cursor: to })
          .onConflict((oc) => oc.column('name').doNothing())
          .executeTakeFirst();
        return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
      }
      const updated = await db
        .updateTable('transport_cursors')
        .set({ cursor: to })
        .where('name', '=', name)
        .where('cursor', '=', from)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },
    async setCursor(name, cursor) {
      await db
        .insertInto('transport_cursors')
        .values({ name, cursor })
        .onConflict((oc) => oc.column('name').doUpdateSet({ cursor }))
        .execute();
    },
  };
}
