import type { Kysely, Migration } from 'kysely';

/**
 * Whether a company's interchanges go to CBP as tests or for real (ISA15: T or P). A filer
 * first certifies in CBP's test environment, then files in production once CBP says so
 * (docs/edi.md, the filing mode): every company starts in test mode, so that nothing is filed
 * for real before its admin says it may be.
 */
export function filingModeMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('companies')
        .addColumn('filing_mode', 'text', (c) => c.notNull().defaultTo('test'))
        .execute();
    },
  };
}
