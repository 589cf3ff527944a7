import type { Kysely, Migration } from 'kysely';
import { profileFromRow, profileSearchColumns } from '../repositories/profile.repository.js';
import type { Database } from '../schema.js';

/**
 * Profiles are paged and searched on the server (a carrier may keep thousands of drivers):
 * a folded name to page by, and the words a dispatcher types to find one (unit number,
 * plates, VIN; names, FAST card, document numbers). Both are computed when a profile is
 * saved, so the profiles saved before are computed here, one row at a time: both dialects,
 * no JSON functions in SQL.
 */
export function profileSearchMigration(): Migration {
  return {
    async up(untyped: Kysely<unknown>): Promise<void> {
      await untyped.schema
        .alterTable('profiles')
        .addColumn('name_normalized', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await untyped.schema
        .alterTable('profiles')
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      const db = untyped as Kysely<Database>;
      const rows = await db.selectFrom('profiles').selectAll().execute();
      for (const row of rows) {
        // The two columns this migration adds, by name: whatever the repository computes for
        // a profile later (a column of a later migration), this one sets only these. Their
        // content is the repository's, so rows filled here match rows saved afterwards.
        const { name_normalized, search_text } = profileSearchColumns(profileFromRow(row));
        await db
          .updateTable('profiles')
          .set({ name_normalized, search_text })
          .where('id', '=', row.id)
          .execute();
      }
      // A page of one kind by name is one range scan of this index, however long the list.
      await untyped.schema
        .createIndex('profiles_company_kind_name')
        .on('profiles')
        .columns(['company_id', 'kind', 'name_normalized', 'id'])
        .execute();
    },
  };
}
