/**
 * Migrated PostgreSQL schemas for the storage and API harnesses, one per test file (or per
 * harness), reused within a worker process. Creating a schema, migrating it and dropping it cost
 * about 0.25 s of the server's CPU and 0.3 s of waiting, some sixty times a run; emptying one
 * costs a few milliseconds. A schema goes back to the pool only when its tables, columns,
 * constraints and indexes are still those a migration gave it (a test may drop and re-create a
 * table), and only emptied: every table's rows deleted, every sequence restarted, so that a
 * file never sees another's data. The migrations still run from scratch for each worker's first
 * schema, and in src/storage/migrate.test.ts.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateToLatest, openDatabase } from '../src/storage/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run's schemas, for the global teardown to drop (test/postgres-schemas-setup.ts). */
    postgresSchemaPrefix: string | undefined;
  }
}

export const POSTGRES_URL =
  process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Kysely's own bookkeeping: it says the schema is migrated, and stays so. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface TestSchema {
  readonly schema: string;
  /** Hands the schema back (emptied, for the next file) or drops it; close its connections first. */
  readonly release: () => Promise<void>;
}

/** Emptied schemas of this worker process, ready for the next file. */
const idle: string[] = [];

/** What a fresh migration gives: its shape, and the order that empties its tables. */
let migrated: { shape: string; deleteOrder: readonly string[] } | undefined;

/** `use` on a connection of its own to the test server, closed afterwards. */
export async function withAdmin<T>(use: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

/** A migrated, empty schema of its own for a test file. */
export async function aMigratedSchema(): Promise<TestSchema> {
  // Without the global setup's prefix nobody would drop a pooled schema: no reuse then.
  const prefix = inject('postgresSchemaPrefix');
  const reused = prefix === undefined ? undefined : idle.pop();
  if (reused !== undefined) return { schema: reused, release: () => release(reused, true) };
  // Random, not pid + time + counter: test files share worker processes (isolate: false), and
  // two harnesses started in the same millisecond once got the same schema.
  const schema = `${prefix ?? 't_'}${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create schema ${schema}`));
  const db = openDatabase({
    url: POSTGRES_URL,
    sqlitePath: ':memory:',
    postgresSchema: schema,
    postgresPoolSize: 1,
  });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  if (migrated === undefined) {
    const found = await withAdmin(async (admin) => ({
      shape: await shapeOf(admin, schema),
      deleteOrder: await deleteOrderOf(admin, schema),
    }));
    migrated ??= found;
  }
  return { schema, release: () => release(schema, prefix !== undefined) };
}

async function release(schema: string, reusable: boolean): Promise<void> {
  await withAdmin(async (admin) => {
    if (reusable && (await emptied(admin, schema))) {
      idle.push(schema);
      return;
    }
    await admin.query(`drop schema if exists ${schema} cascade`);
  });
}

/** Empties `schema` when it has the migrated shape; false (and left as it is) otherwise. */
async function emptied(admin: pg.Client, schema: string): Promise<boolean> {
  if (migrated === undefined || (await shapeOf(admin, schema)) !== migrated.shape) return false;
  // One round trip, one implicit transaction: every delete and every restart, or none.
  const deletes = migrated.deleteOrder.map((table) => `delete from ${schema}.${table};`);
  try {
    await admin.query(
      `${deletes.join('\n')}
       select setval(format('%I.%I', schemaname, sequencename), start_value, false)
         from pg_sequences where schemaname = '${schema}';`,
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * The schema's tables and their columns, constraints and indexes as one text, its own name left
 * out: equal for two schemas the same migrations made.
 */
async function shapeOf(admin: pg.Client, schema: string): Promise<string> {
  const { rows } = await admin.query<{ line: string }>(
    `select 'r ' || c.relname || ' ' || c.relkind::text || ' ' || coalesce((
              select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
                                || a.attnotnull::text || ' ' || a.attidentity::text || ' '
                                || coalesce(pg_get_expr(d.adbin, d.adrelid), ''),
                                ',' order by a.attnum)
                from pg_attribute a
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
               where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '') as line
       from pg_class c where c.relnamespace = $1::text::regnamespace
     union all
     select 'k ' || conname || ' ' || pg_get_constraintdef(oid)
       from pg_constraint where connamespace = $1::text::regnamespace
     union all
     select 'i ' || relname || ' ' || pg_get_indexdef(oid)
       from pg_class where relkind = 'i' and relnamespace = $1::text::regnamespace
     order by 1`,
    [schema],
  );
  return rows.map((row) => row.line.replaceAll(schema, '~')).join('\n');
}

/** The schema's tables, each after every table whose foreign keys point at it. */
async function deleteOrderOf(admin: pg.Client, schema: string): Promise<readonly string[]> {
  const tables = await admin.query<{ name: string }>(
    `select relname as name from pg_class
      where relnamespace = $1::text::regnamespace and relkind in ('r', 'p') order by relname`,
    [schema],
  );
  const keys = await admin.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
      where k.contype = 'f' and k.connamespace = $1::text::regnamespace and k.conrelid <> k.confrelid`,
    [schema],
  );
  const left = new Set(tables.rows.map((t) => t.name).filter((t) => !MIGRATION_TABLES.has(t)));
  const order: string[] = [];
  while (left.size > 0) {
    const next = [...left].find(
      (table) => !keys.rows.some((k) => k.parent === table && left.has(k.child)),
    );
    if (next === undefined)
      throw new Error(`foreign keys in a cycle among ${[...left].join(', ')}`);
    order.push(next);
    left.delete(next);
  }
  return order;
}
