import type { Kysely, Selectable } from 'kysely';
import type { TemplateRepository } from '../../app/shared/ports/index.js';
import type { TemplateRecord } from '../../app/shared/records.js';
import { fromJson, toJson } from '../json.js';
import type { Database, TemplateTable } from '../schema.js';

export function templateFromRow(row: Selectable<TemplateTable>): TemplateRecord {
  return {
    id: row.id,
    companyId: row.company_id,
    name: row.name,
    document: fromJson(row.document),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function templateRepository(db: Kysely<Database>): TemplateRepository {
  return {
    async insert(record) {
      const result = await db
        .insertInto('templates')
        .values({
          id: record.id,
          company_id: record.companyId,
          name: record.name,
          document: toJson(record.document),
          version: record.version,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
        })
        .onConflict((oc) => oc.columns(['company_id', 'name']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async findById(companyId, id) {
      const row = await db
        .selectFrom('templates')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && templateFromRow(row);
    },
    async list(companyId) {
      const rows = await db
        .selectFrom('templates')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('name')
        .execute();
      return rows.map(templateFromRow);
    },
    async delete(companyId, id) {
      const result = await db
        .deleteFrom('templates')
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
