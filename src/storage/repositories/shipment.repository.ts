import { sql, type Kysely, type Selectable } from 'kysely';
import type { ShipmentRepository, TripShipmentTotals } from '../../app/shared/ports/index.js';
import type { ShipmentRecord } from '../../app/shared/records.js';
import type { Shipment } from '../../domain/index.js';
import { dialectOf } from '../dialect.js';
import { chunks } from '../chunks.js';
import { afterKey, decodeCursor, pageSize, toPage } from '../cursor.js';
import { fromJson, toJson } from '../json.js';
import type { Database, ShipmentTable } from '../schema.js';
import type { TableBatch } from '../table-batch.js';
import type { WrittenJson } from '../written-json.js';
import { foldText, likeContains } from '../search-terms.js';

export function shipmentFromRow(row: Selectable<ShipmentTable>): ShipmentRecord {
  return {
    id: row.id,
    companyId: row.company_id,
    tripId: row.trip_id,
    position: row.position,
    shipment: fromJson<Shipment>(row.data),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(record: ShipmentRecord, written?: WrittenJson) {
  const { shipment } = record;
  return {
    trip_id: record.tripId,
    position: record.position,
    // The app always sets an SCN before saving (generated when the user gave none).
    scn: shipment.shipmentControlNumber ?? '',
    search_text: foldText(
      [shipment.shipmentControlNumber, shipment.shipper?.name, shipment.consignee?.name]
        .filter((part): part is string => part !== undefined)
        .join(' | '),
    ),
    data: written === undefined ? toJson(shipment) : written.write(shipment),
    version: record.version,
    updated_at: record.updatedAt,
  };
}

const INSERT_COLUMNS = [
  'id',
  'company_id',
  'created_at',
  'trip_id',
  'position',
  'scn',
  'search_text',
  'data',
  'version',
  'updated_at',
] as const;

export function shipmentRepository(
  db: Kysely<Database>,
  batch: TableBatch,
  written?: WrittenJson,
): ShipmentRepository {
  const allOfTrips: ShipmentRepository['allOfTrips'] = async (companyId, tripIds) => {
    const byTrip = new Map<string, ShipmentRecord[]>();
    for (const chunk of chunks([...new Set(tripIds)])) {
      const rows = await db
        .selectFrom('shipments')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('trip_id', 'in', chunk)
        .orderBy('trip_id')
        .orderBy('position')
        .orderBy('id')
        .execute();
      for (const row of rows) {
        // Never null here (the rows were picked by trip); the type allows unattached ones.
        const tripId = row.trip_id ?? '';
        const ofTrip = byTrip.get(tripId);
        if (ofTrip === undefined) byTrip.set(tripId, [shipmentFromRow(row)]);
        else ofTrip.push(shipmentFromRow(row));
      }
    }
    return byTrip;
  };

  return {
    async insert(records) {
      await batch.insert(
        'shipments',
        INSERT_COLUMNS,
        records.map((record) => {
          const row = columns(record, written);
          // In INSERT_COLUMNS order, without a merged object per row (a bulk upload's rows).
          return [
            record.id,
            record.companyId,
            record.createdAt,
            row.trip_id,
            row.position,
            row.scn,
            row.search_text,
            row.data,
            row.version,
            row.updated_at,
          ];
        }),
      );
    },
    async findById(companyId, id) {
      const row = await db
        .selectFrom('shipments')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && shipmentFromRow(row);
    },
    async findByScn(companyId, scn) {
      const row = await db
        .selectFrom('shipments')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('scn', '=', scn)
        .executeTakeFirst();
      return row && shipmentFromRow(row);
    },
    async update(record) {
      const result = await db
        .updateTable('shipments')
        .set(columns(record))
        .where('company_id', '=', record.companyId)
        .where('id', '=', record.id)
        .where('version', '=', record.version - 1)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async delete(companyId, id, expectedVersion) {
      const result = await db
        .deleteFrom('shipments')
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async move(companyId, moves, at) {
      let moved = 0;
      for (const move of moves) {
        const result = await db
          .updateTable('shipments')
          .set((eb) => ({
            trip_id: move.tripId,
            position: move.position,
            version: eb('version', '+', 1),
            updated_at: at,
          }))
          .where('company_id', '=', companyId)
          .where('id', '=', move.id)
          .where('version', '=', move.expectedVersion)
          .executeTakeFirst();
        moved += Number(result.numUpdatedRows);
      }
      return moved;
    },
    async list(companyId, filter, page) {
      const limit = pageSize(page.limit);
      let query = db.selectFrom('shipments').selectAll().where('company_id', '=', companyId);
      query =
        filter.tripId === null
          ? query.where('trip_id', 'is', null)
          : query.where('trip_id', '=', filter.tripId);
      if (filter.text !== undefined && filter.text.trim() !== '') {
        query = query.where(
          sql<boolean>`search_text like ${likeContains(filter.text.trim())} escape '\\'`,
        );
      }
      if (page.cursor !== undefined) {
        const [at, id] = decodeCursor(page.cursor, ['integer', 'id']);
        query = query.where(afterKey(['position', 'id'], [at, id]));
      }
      const rows = await query
        .orderBy('position')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, shipmentFromRow, (row) => [row.position, row.id]);
    },
    async allOfTrip(companyId, tripId) {
      return (await allOfTrips(companyId, [tripId])).get(tripId) ?? [];
    },
    allOfTrips,
    async scnsOfTrip(companyId, tripId) {
      const rows = await db
        .selectFrom('shipments')
        .select('scn')
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .where('scn', '<>', '')
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map((row) => row.scn);
    },
    async totalsOfTrips(companyId, tripIds) {
      const totals = new Map<string, TripShipmentTotals>();
      if (tripIds.length === 0) return totals;
      const rows = await db
        .selectFrom('shipments')
        .select((eb) => [
          'trip_id',
          eb.fn.countAll().as('count'),
          eb.fn.sum<number | string>('version').as('version_sum'),
          eb.fn.max('updated_at').as('last_updated_at'),
        ])
        .where('company_id', '=', companyId)
        .where('trip_id', 'in', [...tripIds])
        .groupBy('trip_id')
        .execute();
      for (const row of rows) {
        if (row.trip_id === null) continue;
        // PostgreSQL answers count and sum as strings (bigint, numeric).
        totals.set(row.trip_id, {
          count: Number(row.count),
          versionSum: Number(row.version_sum),
          lastUpdatedAt: row.last_updated_at,
        });
      }
      return totals;
    },
    async totalsOfList(companyId, tripId) {
      const row = await db
        .selectFrom('shipments')
        .select((eb) => [
          eb.fn.countAll().as('count'),
          eb.fn.sum<number | string>('version').as('version_sum'),
          eb.fn.max('updated_at').as('last_updated_at'),
        ])
        .where('company_id', '=', companyId)
        .where('trip_id', tripId === null ? 'is' : '=', tripId)
        .executeTakeFirst();
      if (row === undefined || Number(row.count) === 0) return undefined;
      // PostgreSQL answers count and sum as strings (bigint, numeric).
      return {
        count: Number(row.count),
        versionSum: Number(row.version_sum),
        lastUpdatedAt: row.last_updated_at,
      };
    },
    async recent(companyId, limit) {
      const rows = await db
        .selectFrom('shipments')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(shipmentFromRow);
    },
    async changedAfter(companyId, mark, limit) {
      let query = db.selectFrom('shipments').selectAll().where('company_id', '=', companyId);
      if (mark !== undefined) {
        query = query.where(afterKey(['updated_at', 'id'], [mark.updatedAt, mark.shipmentId]));
      }
      const rows = await query.orderBy('updated_at').orderBy('id').limit(limit).execute();
      return rows.map(shipmentFromRow);
    },
    async nextPosition(companyId, tripId) {
      let query = db
        .selectFrom('shipments')
        .select((eb) => eb.fn.max('position').as('last'))
        .where('company_id', '=', companyId);
      query =
        tripId === null ? query.where('trip_id', 'is', null) : query.where('trip_id', '=', tripId);
      const row = await query.executeTakeFirst();
      return row?.last == null ? 1 : row.last + 1;
    },
    async lockList(companyId, tripId) {
      // PostgreSQL reads committed data per statement: the trip's row (the company's, for the
      // unassociated list) is locked until the transaction ends. SQLite has one writer at a
      // time (BEGIN IMMEDIATE), so there the same read locks nothing and needs not.
      const postgres = dialectOf(db) === 'postgres';
      if (tripId === null) {
        const query = db.selectFrom('companies').select('id').where('id', '=', companyId);
        await (postgres ? query.forUpdate() : query).execute();
        return;
      }
      const query = db
        .selectFrom('trips')
        .select('id')
        .where('company_id', '=', companyId)
        .where('id', '=', tripId);
      await (postgres ? query.forUpdate() : query).execute();
    },
  };
}
