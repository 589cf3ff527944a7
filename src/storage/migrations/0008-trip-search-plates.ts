import type { Kysely, Migration } from 'kysely';
import type { TripDocument } from '../../domain/index.js';
import { fromJson } from '../json.js';
import { tripSearchText } from '../repositories/trip.repository.js';
import type { Database } from '../schema.js';

/**
 * The trip list's text search now also finds truck and trailer plates (dispatchers
 * look a trip up by the plate the driver reads out). search_text is computed when a trip is
 * saved, so trips saved before are recomputed here, one row at a time: both dialects, no
 * JSON functions in SQL.
 */
export function tripSearchPlatesMigration(): Migration {
  return {
    async up(untyped: Kysely<unknown>): Promise<void> {
      const db = untyped as Kysely<Database>;
      const rows = await db.selectFrom('trips').select(['id', 'trip_number', 'document']).execute();
      for (const row of rows) {
        await db
          .updateTable('trips')
          .set({
            search_text: tripSearchText(row.trip_number, fromJson<TripDocument>(row.document)),
          })
          .where('id', '=', row.id)
          .execute();
      }
    },
  };
}
