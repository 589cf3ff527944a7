import type { Kysely, Selectable } from 'kysely';
import type { ProfileRepository } from '../../app/shared/ports/index.js';
import type { ProfileKind, ProfileRecord } from '../../app/shared/records.js';
import { sql } from 'kysely';
import { afterKey, decodeCursor, pageSize, toPage } from '../cursor.js';
import { fromJson, toJson } from '../json.js';
import type { Database, ProfileTable } from '../schema.js';
import { foldText, likeContains, words } from '../search-terms.js';
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

/**
 * What a dispatcher types to find a profile: the name, a truck or trailer's unit number,
 * plates and VIN; a person's names, FAST card, ACE ID and travel document numbers. Kept as
 * folded words between spaces; the search matches each typed word anywhere in them, so a
 * partial plate or the last digits of a VIN find it too.
 */
export function profileSearchColumns(record: ProfileRecord): {
  name_normalized: string;
  search_text: string;
} {
  const parts: (string | undefined)[] = [record.name];
  switch (record.kind) {
    case 'truck':
      parts.push(record.data.number, record.data.vinNumber);
      parts.push(...(record.data.licensePlates ?? []).map((plate) => plate.number));
      break;
    case 'trailer':
      parts.push(record.data.number);
      parts.push(...(record.data.licensePlates ?? []).map((plate) => plate.number));
      break;
    case 'driver':
    case 'passenger': {
      const person = record.data;
      parts.push(person.firstName, person.middleName, person.lastName);
      parts.push(person.fastCardNumber, person.aceId);
      parts.push(...(person.travelDocuments ?? []).map((document) => document.number));
      break;
    }
  }
  return {
    name_normalized: foldText(record.name),
    search_text: ` ${parts.flatMap((part) => words(part)).join(' ')} `,
  };
}

/** The company's profiles not deleted, of one kind or all. */
function liveProfiles(db: Kysely<Database>, companyId: string, kind: ProfileKind | undefined) {
  const query = db
    .selectFrom('profiles')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null);
  return kind === undefined ? query : query.where('kind', '=', kind);
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
          ...profileSearchColumns(record),
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
          ...profileSearchColumns(record),
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
      const rows = await liveProfiles(db, companyId, filter.kind)
        .orderBy('kind')
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(profileFromRow);
    },
    async page(companyId, filter, page) {
      const limit = pageSize(page.limit);
      let query = liveProfiles(db, companyId, filter.kind);
      // Every word typed must appear; the words are already folded and split as stored.
      for (const word of new Set(words(filter.query?.slice(0, 200)))) {
        query = query.where(sql<boolean>`search_text like ${likeContains(word)} escape '\\'`);
      }
      if (page.cursor !== undefined) {
        const [kind, name, id] = decodeCursor(page.cursor, ['string', 'string', 'id']);
        query = query.where(afterKey(['kind', 'name_normalized', 'id'], [kind, name, id]));
      }
      // By kind, then name; the id breaks ties so pages never overlap or skip.
      const rows = await query
        .orderBy('kind')
        .orderBy('name_normalized')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, profileFromRow, (row) => [row.kind, row.name_normalized, row.id]);
    },
  };
}
