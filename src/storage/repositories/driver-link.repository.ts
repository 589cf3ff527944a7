import type { Kysely } from 'kysely';
import type {
  DriverLink,
  DriverLinkRepository,
} from '../../app/shared/ports/driver-link-repository.js';
import type { Database, DriverLinkTable } from '../schema.js';

function driverLinkFromRow(row: DriverLinkTable): DriverLink {
  return {
    id: row.id,
    companyId: row.company_id,
    tripId: row.trip_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export function driverLinkRepository(db: Kysely<Database>): DriverLinkRepository {
  return {
    async insert(link) {
      await db
        .insertInto('driver_links')
        .values({
          id: link.id,
          company_id: link.companyId,
          trip_id: link.tripId,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          revoked_at: link.revokedAt,
        })
        .execute();
    },
    async findById(id) {
      const row = await db
        .selectFrom('driver_links')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : driverLinkFromRow(row);
    },
    async listForTrip(companyId, tripId) {
      const rows = await db
        .selectFrom('driver_links')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(driverLinkFromRow);
    },
    async revoke(companyId, tripId, id, at) {
      const result = await db
        .updateTable('driver_links')
        .set({ revoked_at: at })
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
