import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Tables whose rows are never removed, only marked deleted (numbers and history stay). */
export type SoftDeletedTable = 'parties' | 'profiles' | 'trips';

/**
 * Marks a row deleted when it is still at the version the caller saw; false when it was
 * changed, deleted or never existed (the use case tells which).
 */
export async function softDeleteRow(
  db: Kysely<Database>,
  table: SoftDeletedTable,
  row: { companyId: string; id: string; expectedVersion: number; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ deleted_at: row.at, updated_at: row.at, version: row.expectedVersion + 1 })
    .where('company_id', '=', row.companyId)
    .where('id', '=', row.id)
    .where('version', '=', row.expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
