/**
 * Vitest global setup for test/postgres-schemas.ts: a prefix naming this run's PostgreSQL
 * schemas, and a teardown that drops them, since worker processes keep their emptied schemas
 * for the next file until the run ends.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const POSTGRES_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export default function setup(project: TestProject): () => Promise<void> {
  // Random: parallel runs (other checkouts, CI jobs) may share the server.
  const prefix = `t_${randomBytes(4).toString('hex')}`;
  project.provide('postgresSchemaPrefix', prefix);
  return async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
      const { rows } = await admin.query<{ name: string }>(
        'select nspname as name from pg_namespace where starts_with(nspname, $1)',
        [prefix],
      );
      for (const { name } of rows) await admin.query(`drop schema if exists ${name} cascade`);
    } catch {
      // No PostgreSQL in this run: nothing to drop.
    } finally {
      await admin.end().catch(() => undefined);
    }
  };
}
