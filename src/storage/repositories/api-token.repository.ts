import type { Kysely, Selectable } from 'kysely';
import { isRole } from '../../app/shared/actor.js';
import type { ApiTokenRepository } from '../../app/shared/ports/index.js';
import type { ApiToken } from '../../app/shared/records.js';
import type { ApiTokenTable, Database } from '../schema.js';

export function apiTokenFromRow(row: Selectable<ApiTokenTable>): ApiToken {
  if (!isRole(row.role)) throw new Error(`Unknown role in database: ${row.role}`);
  return {
    id: row.id,
    companyId: row.company_id,
    name: row.name,
    role: row.role,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function apiTokenRepository(db: Kysely<Database>): ApiTokenRepository {
  return {
    async insert(token, tokenHash) {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          company_id: token.companyId,
          name: token.name,
          role: token.role,
          token_hash: tokenHash,
          created_by: token.createdBy,
          created_at: token.createdAt,
          last_used_at: token.lastUsedAt,
          revoked_at: token.revokedAt,
        })
        .execute();
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && apiTokenFromRow(row);
    },
    async findById(companyId, id) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && apiTokenFromRow(row);
    },
    async list(companyId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(apiTokenFromRow);
    },
    async revoke(companyId, id, at) {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async touch(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}
