import type { Kysely, Selectable } from 'kysely';
import type { CompanyRepository } from '../../app/shared/ports/index.js';
import type { Company } from '../../app/shared/records.js';
import type { CompanyTable, Database } from '../schema.js';

export function companyFromRow(row: Selectable<CompanyTable>): Company {
  return {
    id: row.id,
    name: row.name,
    scac: row.scac,
    defaultPortOfArrival: row.default_port_of_arrival,
    tripNumberPrefix: row.trip_number_prefix,
    filingMode: row.filing_mode === 'production' ? 'production' : 'test',
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function companyRepository(db: Kysely<Database>): CompanyRepository {
  const reserve =
    (column: 'next_trip_sequence' | 'next_scn_sequence') =>
    async (id: string, count: number): Promise<number> => {
      // One UPDATE … RETURNING: the row lock serialises concurrent reservations on PostgreSQL,
      // SQLite has a single writer anyway.
      const row = await db
        .updateTable('companies')
        .set((eb) => ({ [column]: eb(column, '+', count) }))
        .where('id', '=', id)
        .returning(column)
        .executeTakeFirstOrThrow();
      return row[column] - count;
    };
  return {
    async none() {
      const row = await db.selectFrom('companies').select('id').limit(1).executeTakeFirst();
      return row === undefined;
    },
    async insert(company) {
      const result = await db
        .insertInto('companies')
        .values({
          id: company.id,
          name: company.name,
          scac: company.scac,
          default_port_of_arrival: company.defaultPortOfArrival,
          trip_number_prefix: company.tripNumberPrefix,
          filing_mode: company.filingMode,
          next_trip_sequence: 1,
          next_scn_sequence: 1,
          version: company.version,
          created_at: company.createdAt,
          updated_at: company.updatedAt,
        })
        .onConflict((oc) => oc.column('scac').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async listByScac(limit) {
      const rows = await db
        .selectFrom('companies')
        .selectAll()
        .orderBy('scac')
        .limit(limit)
        .execute();
      return rows.map(companyFromRow);
    },
    async findById(id) {
      const row = await db
        .selectFrom('companies')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && companyFromRow(row);
    },
    async findByScac(scac) {
      const row = await db
        .selectFrom('companies')
        .selectAll()
        .where('scac', '=', scac)
        .executeTakeFirst();
      return row && companyFromRow(row);
    },
    async update(id, expectedVersion, changes) {
      const row = await db
        .updateTable('companies')
        .set({
          name: changes.name,
          default_port_of_arrival: changes.defaultPortOfArrival,
          trip_number_prefix: changes.tripNumberPrefix,
          filing_mode: changes.filingMode,
          updated_at: changes.updatedAt,
          version: expectedVersion + 1,
        })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      return row && companyFromRow(row);
    },
    reserveTripSequence: reserve('next_trip_sequence'),
    reserveScnSequence: reserve('next_scn_sequence'),
    async peekScnSequence(id) {
      const row = await db
        .selectFrom('companies')
        .select('next_scn_sequence')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row.next_scn_sequence;
    },
  };
}
