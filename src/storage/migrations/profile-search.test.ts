import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate.js';
import { openDatabase } from '../open-database.js';
import { profileRepository } from '../repositories/profile.repository.js';
import { migrationProvider } from './index.js';

describe('migration 0015', () => {
  it('makes the profiles saved before it searchable and pageable by name', async () => {
    const db = openDatabase({ sqlitePath: ':memory:' });
    try {
      const migrator = new Migrator({ db, provider: migrationProvider() });
      const before = await migrator.migrateTo('0014-alert-driver-emails');
      expect(before.error).toBeUndefined();
      const at = '2026-01-01T00:00:00.000Z';
      await sql`insert into companies (id, name, scac, default_port_of_arrival, trip_number_prefix,
        next_trip_sequence, next_scn_sequence, version, created_at, updated_at)
        values ('c1', 'Old Carrier', 'OLDC', null, 'OLDC', 1, 1, 1, ${at}, ${at})`.execute(db);
      const old = JSON.stringify({
        firstName: 'Zoé',
        lastName: 'Côté',
        fastCardNumber: '42709999',
      });
      await sql`insert into profiles (id, company_id, kind, name, data, version, created_at,
        updated_at, deleted_at)
        values ('p1', 'c1', 'driver', 'Zoé Côté', ${old}, 1, ${at}, ${at}, null)`.execute(db);

      await migrateToLatest(db);
      const profiles = profileRepository(db);
      const found = await profiles.page('c1', { kind: 'driver', query: 'cote 9999' }, {});
      expect(found.items.map((p) => p.id)).toEqual(['p1']);
      const row = await db
        .selectFrom('profiles')
        .select(['name_normalized', 'search_text'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        name_normalized: 'zoe cote',
        search_text: ' zoe cote zoe cote 42709999 ',
      });
    } finally {
      await db.destroy();
    }
  });
});
