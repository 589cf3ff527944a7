import type { Kysely, Selectable } from 'kysely';
import type { UserRepository } from '../../app/shared/ports/index.js';
import type { User } from '../../app/shared/records.js';
import type { Database, UserTable } from '../schema.js';

export function userFromRow(
  row: Pick<Selectable<UserTable>, 'id' | 'email' | 'display_name' | 'created_at'>,
): User {
  return { id: row.id, email: row.email, displayName: row.display_name, createdAt: row.created_at };
}

export function userRepository(db: Kysely<Database>): UserRepository {
  return {
    async insert(user, passwordHash) {
      const result = await db
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email.toLowerCase(),
          display_name: user.displayName,
          password_hash: passwordHash,
          created_at: user.createdAt,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && userFromRow(row);
    },
    async findByEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      return row && { user: userFromRow(row), passwordHash: row.password_hash };
    },
  };
}
