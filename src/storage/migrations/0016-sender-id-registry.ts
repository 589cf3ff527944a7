import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Every interchange sender ID a company has held (ISA06; CBP sends its answers to it in ISA08)
 * stays the company's: answers CBP still sends to an ID the company changed from reach it, and
 * no other company can claim that ID, so an answer never lands with the wrong carrier. Rows are
 * never deleted, like the SCN and trip-number registries. Filled with the IDs held today.
 */
export function senderIdRegistryMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sender_id_registry')
        .addColumn('sender_id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('first_used_at', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into sender_id_registry (sender_id, company_id, first_used_at)
        select sender_id, company_id, ${new Date().toISOString()} from edi_identities`.execute(db);
    },
  };
}
