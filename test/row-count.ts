import type { Kysely } from 'kysely';
import type { Database } from '../src/storage/index.js';

/** How many rows `table` holds (PostgreSQL counts as text): what a test checks was written. */
export async function rowCount(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
