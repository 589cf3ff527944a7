import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Filing alerts may also e-mail the trip's drivers (the e-mail kept on their driver profiles):
 * one more switch in each company's alert settings, off for the companies that have settings.
 */
export function alertDriverEmailsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('alert_settings')
        .addColumn('email_drivers', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`email_drivers in (0, 1)`),
        )
        .execute();
    },
  };
}
