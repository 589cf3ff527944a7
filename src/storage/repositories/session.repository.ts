import type { Kysely } from 'kysely';
import type { SessionRepository } from '../../app/shared/ports/index.js';
import type { Database } from '../schema.js';

export function sessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async insert(session) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          company_id: session.companyId,
          csrf_secret: session.csrfSecret,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async findByHash(idHash) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return (
        row && {
          idHash: row.id_hash,
          userId: row.user_id,
          companyId: row.company_id,
          csrfSecret: row.csrf_secret,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    },
    async setCompany(idHash, companyId) {
      await db
        .updateTable('sessions')
        .set({ company_id: companyId })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async delete(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteExpired(now) {
      const result = await db
        .deleteFrom('sessions')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
