import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../app/shared/actor.js';
import type { MembershipRepository } from '../../app/shared/ports/index.js';
import type { Database } from '../schema.js';
import { companyFromRow } from './company.repository.js';
import { userFromRow } from './user.repository.js';

function roleFromRow(role: string): Role {
  // The CHECK constraint keeps other values out; this guards a hand-edited database.
  if (!isRole(role)) throw new Error(`Unknown role in database: ${role}`);
  return role;
}

export function membershipRepository(db: Kysely<Database>): MembershipRepository {
  return {
    async insert(membership) {
      const result = await db
        .insertInto('memberships')
        .values({
          user_id: membership.userId,
          company_id: membership.companyId,
          role: membership.role,
          created_at: membership.createdAt,
        })
        .onConflict((oc) => oc.columns(['user_id', 'company_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async find(userId, companyId) {
      const row = await db
        .selectFrom('memberships')
        .selectAll()
        .where('user_id', '=', userId)
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      return (
        row && {
          userId: row.user_id,
          companyId: row.company_id,
          role: roleFromRow(row.role),
          createdAt: row.created_at,
        }
      );
    },
    async listForCompany(companyId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select([
          'users.id',
          'users.email',
          'users.display_name',
          'users.created_at',
          'memberships.role',
        ])
        .where('memberships.company_id', '=', companyId)
        .orderBy('users.email')
        .execute();
      return rows.map((row) => ({ user: userFromRow(row), role: roleFromRow(row.role) }));
    },
    async listForUser(userId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('companies', 'companies.id', 'memberships.company_id')
        .selectAll('companies')
        .select('memberships.role')
        .where('memberships.user_id', '=', userId)
        .orderBy('memberships.created_at')
        .orderBy('companies.id')
        .execute();
      return rows.map((row) => ({ company: companyFromRow(row), role: roleFromRow(row.role) }));
    },
    async setRole(userId, companyId, role) {
      const result = await db
        .updateTable('memberships')
        .set({ role })
        .where('user_id', '=', userId)
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async countAdmins(companyId) {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('company_id', '=', companyId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async remove(userId, companyId) {
      const result = await db
        .deleteFrom('memberships')
        .where('user_id', '=', userId)
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
