import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/storage-harness.js';
import { dialectOf, postgresSchemaOf } from './dialect.js';
import { repositoriesFor } from './sql-store.js';

/**
 * The dialect is asked of each executor, so a transaction (a new Kysely instance) answers the
 * same as the handle it came from. A registry keyed by the root handle answered `sqlite` here.
 */
describeOnDatabases('dialect of a handle', (ctx) => {
  it('is the same for the handle and for a transaction opened on it', async () => {
    const { db, kind } = ctx();
    expect(dialectOf(db)).toBe(kind);
    await db.transaction().execute((trx) => {
      expect(dialectOf(trx)).toBe(kind);
      return Promise.resolve();
    });
  });

  it('takes the PostgreSQL branch of party search inside a transaction', async () => {
    const { db, kind } = ctx();
    const { companyId } = await ctx().newCompany();
    const setting = await db.transaction().execute(async (trx) => {
      await repositoriesFor(trx).parties.search(companyId, 'acme', { limit: 5 });
      if (kind === 'sqlite') return 'n/a';
      const shown = await sql<{
        max_parallel_workers_per_gather: string;
      }>`show max_parallel_workers_per_gather`.execute(trx);
      return shown.rows[0]?.max_parallel_workers_per_gather;
    });
    // Party search turns parallel workers off for its own transaction on PostgreSQL only.
    expect(setting).toBe(kind === 'postgres' ? '0' : 'n/a');
  });

  it('names the schema the handle works in on PostgreSQL only', async () => {
    const { db, kind } = ctx();
    const schema = await postgresSchemaOf(db);
    if (kind === 'postgres') expect(schema).toMatch(/^t_[0-9a-f]+$/);
    else expect(schema).toBeUndefined();
  });
});
