import type { Kysely, Selectable } from 'kysely';
import type { ProfileRepository } from '../../app/shared/ports/index.js';
import type { ProfileRecord } from '../../app/shared/records.js';
import { fromJson, toJson } from '../json.js';
import type { Database, ProfileTable } from '../schema.js';
import { softDeleteRow } from './soft-delete.js';

export function profileFromRow(row: Selectable<ProfileTable>): ProfileRecord {
  const common = {
    id: row.id,
    companyId: row.company_id,
    name: row.name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  switch (row.kind) {
    case 'truck':
      return { ...common, kind: 'truck', data: fromJson(row.data) };
    case 'trailer':
      return { ...common, kind: 'trailer', data: fromJson(row.data) };
    case 'driver':
    case 'passenger':
      return { ...common, kind: row.kind, data: fromJson(row.data) };
    default:
      throw new Error(`Unknown profile kind in database: ${row.kind}`);
  }
}

export function profileRepository(db: Kysely<Database>): ProfileRepository {
  return {
    async insert(record) {
      await db
        .insertInto('profiles')
        .values({
          id: record.id,
          company_id: record.companyId,
          kind: record.kind,
          name: record.name,
          data: toJson(record.data),
          version: record.version,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
          deleted_at: null,
        })
        .execute();
    },
    async findById(companyId, id) {
      const row = await db
        .selectFrom('profiles')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return row && profileFromRow(row);
    },
    async update(record) {
      const result = await db
        .updateTable('profiles')
        .set({
          name: record.name,
          data: toJson(record.data),
          version: record.version,
          updated_at: record.updatedAt,
        })
        .where('company_id', '=', record.companyId)
        .where('id', '=', record.id)
        .where('version', '=', record.version - 1)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async softDelete(companyId, id, expectedVersion, at) {
      return softDeleteRow(db, 'profiles', { companyId, id, expectedVersion, at });
    },
    async list(companyId, filter) {
      let query = db
        .selectFrom('profiles')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('deleted_at', 'is', null);
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
      const rows = await query.orderBy('kind').orderBy('name').orderBy('id').execute();
      return rows.map(profileFromRow);
    },
  };
}
