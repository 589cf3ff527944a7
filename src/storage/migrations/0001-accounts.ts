import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Companies, users, memberships, sessions and API tokens. Invariants live in constraints, not only in code (docs/storage.md):
 * one trip number per carrier, one SCN per carrier forever (scn_registry rows are never
 * deleted), roles and kinds closed by CHECK.
 */
export function accountsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('companies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scac', 'text', (c) => c.notNull().unique())
        .addColumn('default_port_of_arrival', 'text')
        .addColumn('trip_number_prefix', 'text', (c) => c.notNull())
        .addColumn('next_trip_sequence', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('next_scn_sequence', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('companies_scac_format', sql`length(scac) = 4`)
        .addCheckConstraint(
          'companies_sequences',
          sql`next_trip_sequence > 0 and next_scn_sequence > 0`,
        )
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('users_email_lower', sql`email = lower(email)`)
        .execute();

      await db.schema
        .createTable('memberships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'company_id'])
        .addCheckConstraint('memberships_role', sql`role in ('admin', 'dispatcher', 'viewer')`)
        .execute();
      await db.schema
        .createIndex('memberships_company')
        .on('memberships')
        .columns(['company_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('csrf_secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .addCheckConstraint('api_tokens_role', sql`role in ('admin', 'dispatcher', 'viewer')`)
        .execute();
      await db.schema
        .createIndex('api_tokens_company')
        .on('api_tokens')
        .columns(['company_id', 'created_at'])
        .execute();
    },
  };
}
