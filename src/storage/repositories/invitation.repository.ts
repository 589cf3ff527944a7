import type { Kysely } from 'kysely';
import { isRole } from '../../app/shared/actor.js';
import type {
  Invitation,
  InvitationRepository,
} from '../../app/shared/ports/invitation-repository.js';
import type { Database, InvitationTable } from '../schema.js';

function invitationFromRow(row: InvitationTable): Invitation {
  if (!isRole(row.role)) throw new Error(`Unknown role in database: ${row.role}`);
  return {
    id: row.id,
    companyId: row.company_id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  };
}

export function invitationRepository(db: Kysely<Database>): InvitationRepository {
  return {
    async insert(invitation, tokenHash) {
      await db
        .insertInto('invitations')
        .values({
          id: invitation.id,
          company_id: invitation.companyId,
          email: invitation.email,
          role: invitation.role,
          token_hash: tokenHash,
          created_at: invitation.createdAt,
          expires_at: invitation.expiresAt,
          accepted_at: null,
        })
        .execute();
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? undefined : invitationFromRow(row);
    },
    async markAccepted(id, at) {
      const result = await db
        .updateTable('invitations')
        .set({ accepted_at: at })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
