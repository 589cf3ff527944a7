import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Invitations to join a company: an admin invites an e-mail address, the invitee
 * accepts with the token. Only the token's SHA-256 is stored. Whether the address already has
 * an account is never revealed to the admin.
 */
export function invitationsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) =>
          c.notNull().check(sql`role in ('admin', 'dispatcher', 'viewer')`),
        )
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .execute();
    },
  };
}
