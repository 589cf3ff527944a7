import { sql, type Kysely, type Selectable } from 'kysely';
import type { TripRepository } from '../../app/shared/ports/index.js';
import { TRIP_STATUSES, type TripRecord } from '../../app/shared/records.js';
import type { TripDocument } from '../../domain/index.js';
import { afterKey, decodeCursor, pageSize, toPage } from '../cursor.js';
import { fromJson, toJson } from '../json.js';
import type { Database, TripTable } from '../schema.js';
import { foldText, likeContains } from '../search-terms.js';
import { softDeleteRow } from './soft-delete.js';

export function tripFromRow(row: Selectable<TripTable>): TripRecord {
  const status = TRIP_STATUSES.find((s) => s === row.status);
  if (status === undefined) throw new Error(`Unknown trip status in database: ${row.status}`);
  return {
    id: row.id,
    companyId: row.company_id,
    tripNumber: row.trip_number,
    status,
    document: fromJson<TripDocument>(row.document),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * What the list's text filter looks in: the things a dispatcher remembers a trip by (trip
 * number, truck and trailer numbers and plates, people). SCNs live on shipments and are
 * matched there. Migration 0006 recomputes it for trips saved before plates were added.
 */
export function tripSearchText(tripNumber: string, document: TripDocument): string {
  const people = [...(document.drivers ?? []), ...(document.passengers ?? [])].map((person) =>
    [person.firstName, person.lastName].filter(Boolean).join(' '),
  );
  const equipment = [document.truck, ...(document.trailers ?? [])];
  return foldText(
    [
      tripNumber,
      ...equipment.map((e) => e?.number),
      ...equipment.flatMap((e) => (e?.licensePlates ?? []).map((plate) => plate.number)),
      ...people,
    ]
      .filter((part): part is string => typeof part === 'string' && part.length > 0)
      .join(' | '),
  );
}

function columns(record: TripRecord) {
  return {
    trip_number: record.tripNumber,
    status: record.status,
    port_of_arrival: record.document.usPortOfArrival ?? null,
    estimated_arrival: record.document.estimatedArrivalDateTime ?? null,
    search_text: tripSearchText(record.tripNumber, record.document),
    document: toJson(record.document),
    version: record.version,
    updated_at: record.updatedAt,
  };
}

/** `YYYY-MM-DD` of the day after: the exclusive upper bound of an inclusive date filter. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function tripRepository(db: Kysely<Database>): TripRepository {
  return {
    async insert(record) {
      const result = await db
        .insertInto('trips')
        .values({
          ...columns(record),
          id: record.id,
          company_id: record.companyId,
          created_at: record.createdAt,
          deleted_at: null,
        })
        .onConflict((oc) => oc.columns(['company_id', 'trip_number']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
      return registerTripNumber(db, record);
    },
    async findById(companyId, id) {
      const row = await db
        .selectFrom('trips')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return row && tripFromRow(row);
    },
    async tripNumberUsed(companyId, tripNumber, exceptTripId) {
      const row = await db
        .selectFrom('trip_number_registry')
        .select('trip_id')
        .where('company_id', '=', companyId)
        .where('trip_number', '=', tripNumber)
        .executeTakeFirst();
      return row !== undefined && row.trip_id !== exceptTripId;
    },
    async update(record) {
      const result = await db
        .updateTable('trips')
        .set(columns(record))
        .where('company_id', '=', record.companyId)
        .where('id', '=', record.id)
        .where('version', '=', record.version - 1)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      return registerTripNumber(db, record);
    },
    async setStatus(companyId, id, status) {
      await db
        .updateTable('trips')
        .set({ status })
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .execute();
    },
    async softDelete(companyId, id, expectedVersion, at) {
      return softDeleteRow(db, 'trips', { companyId, id, expectedVersion, at });
    },
    async list(companyId, filter, page) {
      const limit = pageSize(page.limit);
      let query = db
        .selectFrom('trips')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('deleted_at', 'is', null);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.text !== undefined && filter.text.trim() !== '') {
        const pattern = likeContains(filter.text.trim());
        // A dispatcher also finds a trip by one of its shipments' SCNs, in any case.
        const scnPattern = pattern.toUpperCase();
        query = query.where((eb) =>
          eb.or([
            sql<boolean>`search_text like ${pattern} escape '\\'`,
            eb.exists(
              eb
                .selectFrom('shipments')
                .select('shipments.id')
                .whereRef('shipments.company_id', '=', 'trips.company_id')
                .whereRef('shipments.trip_id', '=', 'trips.id')
                .where(sql<boolean>`upper(shipments.scn) like ${scnPattern} escape '\\'`),
            ),
          ]),
        );
      }
      if (filter.port !== undefined) query = query.where('port_of_arrival', '=', filter.port);
      if (filter.arrivalFrom !== undefined) {
        query = query.where('estimated_arrival', '>=', filter.arrivalFrom);
      }
      if (filter.arrivalTo !== undefined) {
        query = query.where('estimated_arrival', '<', dayAfter(filter.arrivalTo));
      }
      if (page.cursor !== undefined) {
        const [createdAt, id] = decodeCursor(page.cursor, ['timestamp', 'id']);
        query = query.where(afterKey(['created_at', 'id'], [createdAt, id], 'desc'));
      }
      // Newest first; the id breaks ties so pages never overlap or skip.
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, tripFromRow, (row) => [row.created_at, row.id]);
    },
  };
}

/**
 * Records that a trip uses its number (never deleted: see migration 0005). True when the
 * number is this trip's, false when another trip of the company had it first.
 */
async function registerTripNumber(
  db: Kysely<Database>,
  trip: { companyId: string; id: string; tripNumber: string; updatedAt: string },
): Promise<boolean> {
  // ON CONFLICT DO NOTHING: a failed statement would abort a PostgreSQL transaction.
  await db
    .insertInto('trip_number_registry')
    .values({
      company_id: trip.companyId,
      trip_number: trip.tripNumber,
      trip_id: trip.id,
      first_used_at: trip.updatedAt,
    })
    .onConflict((oc) => oc.columns(['company_id', 'trip_number']).doNothing())
    .execute();
  const owner = await db
    .selectFrom('trip_number_registry')
    .select('trip_id')
    .where('company_id', '=', trip.companyId)
    .where('trip_number', '=', trip.tripNumber)
    .executeTakeFirstOrThrow();
  return owner.trip_id === trip.id;
}
