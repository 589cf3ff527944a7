import { sql, type Kysely, type Selectable } from 'kysely';
import type { PartyRepository } from '../../app/shared/ports/index.js';
import type { PartyKind, PartyRecord } from '../../app/shared/records.js';
import { chunks } from '../chunks.js';
import { dialectOf } from '../dialect.js';
import { afterKey, decodeCursor, pageSize, toPage } from '../cursor.js';
import { fromJson, toJson } from '../json.js';
import type { Database, PartyTable } from '../schema.js';
import { foldText } from '../search-terms.js';
import { partyTerms, searchPartyIds } from './party-search.js';
import { softDeleteRow } from './soft-delete.js';

export function partyFromRow(row: Selectable<PartyTable>): PartyRecord {
  const common = {
    id: row.id,
    companyId: row.company_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  switch (row.kind) {
    case 'broker':
      return { ...common, kind: 'broker', party: fromJson(row.data) };
    case 'shipper':
    case 'consignee':
      return { ...common, kind: row.kind, party: fromJson(row.data) };
    default:
      throw new Error(`Unknown party kind in database: ${row.kind}`);
  }
}

function columns(record: PartyRecord) {
  return {
    kind: record.kind,
    name_normalized: foldText(record.party.name ?? ''),
    city_normalized: foldText(record.party.address?.city ?? ''),
    postal_normalized: foldText(record.party.address?.postalCode ?? ''),
    data: toJson(record.party),
    version: record.version,
    updated_at: record.updatedAt,
  };
}

/**
 * One row per distinct word, in statements of at most ROWS_PER_STATEMENT rows (4 variables a
 * row): one statement for all the words of an 11,000-word name needed 44,000 variables, more
 * than SQLite takes (32,766). The use cases bound a party's texts (256 characters each, so a few
 * hundred words at most), so a party takes one or two statements; the repository does not
 * lean on that: chunked, the write stays within both databases' limits whatever a record holds.
 */
async function writeTerms(db: Kysely<Database>, record: PartyRecord): Promise<void> {
  await db.deleteFrom('party_search_terms').where('party_id', '=', record.id).execute();
  for (const chunk of chunks(partyTerms(record))) {
    await db
      .insertInto('party_search_terms')
      .values(
        chunk.map((term) => ({
          company_id: record.companyId,
          term,
          kind: record.kind,
          party_id: record.id,
        })),
      )
      .execute();
  }
}

export function partyRepository(db: Kysely<Database>): PartyRepository {
  return {
    async insert(record) {
      await db
        .insertInto('parties')
        .values({
          ...columns(record),
          id: record.id,
          company_id: record.companyId,
          created_at: record.createdAt,
          deleted_at: null,
        })
        .execute();
      await writeTerms(db, record);
    },
    async findById(companyId, id) {
      const row = await db
        .selectFrom('parties')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return row && partyFromRow(row);
    },
    async update(record) {
      const result = await db
        .updateTable('parties')
        .set(columns(record))
        .where('company_id', '=', record.companyId)
        .where('id', '=', record.id)
        .where('version', '=', record.version - 1)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await writeTerms(db, record);
      return true;
    },
    async softDelete(companyId, id, expectedVersion, at) {
      if (!(await softDeleteRow(db, 'parties', { companyId, id, expectedVersion, at })))
        return false;
      // Deleted parties leave the search index, so quick-assign never scans past them.
      await db.deleteFrom('party_search_terms').where('party_id', '=', id).execute();
      return true;
    },
    async list(companyId, filter, page) {
      const limit = pageSize(page.limit);
      let query = db
        .selectFrom('parties')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('deleted_at', 'is', null);
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
      if (page.cursor !== undefined) {
        const [name, id] = decodeCursor(page.cursor, ['string', 'id']);
        query = query.where(afterKey(['name_normalized', 'id'], [name, id]));
      }
      const rows = await query
        .orderBy('name_normalized')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, partyFromRow, (row) => [row.name_normalized, row.id]);
    },
    async search(companyId, query, options: { kind?: PartyKind | undefined; limit: number }) {
      if (dialectOf(db) === 'postgres') {
        // A type-ahead query reads a few dozen index entries; PostgreSQL may still plan a
        // parallel scan for multi-word queries, and starting the workers costs more (~8 ms)
        // than the whole search. Local to this transaction.
        await sql`set local max_parallel_workers_per_gather = 0`.execute(db);
      }
      const ids = await searchPartyIds(db, companyId, query, options);
      if (ids.length === 0) return [];
      // By primary key only: with `company_id = ?` as well, SQLite's planner may pick the
      // (company_id, name) index and walk the whole book (30 ms at 100,000 parties). The ids
      // come from this company's terms; the company is re-checked below all the same.
      const rows = await db
        .selectFrom('parties')
        .selectAll()
        .where('id', 'in', ids)
        .where('deleted_at', 'is', null)
        .execute();
      const byId = new Map(
        rows
          .filter((row) => row.company_id === companyId)
          .map((row) => [row.id, partyFromRow(row)]),
      );
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
