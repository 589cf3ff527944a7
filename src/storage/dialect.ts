import { PostgresAdapter, SqliteAdapter, sql, type DialectAdapter, type Kysely } from 'kysely';

/** Anything that runs queries: a Kysely handle, a transaction, a migration's handle. */
interface Executor {
  getExecutor(): { readonly adapter: DialectAdapter };
}

/** The two databases the storage layer supports; migrations differ in a few column types. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * The dialect of any Kysely executor: the root handle, a transaction, or a migration's handle.
 * Asked of the executor's adapter rather than remembered per handle, because Kysely gives every
 * transaction a new instance that a registry would not know.
 */
export function dialectOf(db: Executor): SqlDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`Unsupported database adapter: ${adapter.constructor.name}`);
}

/** The PostgreSQL schema the handle works in (its search_path); undefined on SQLite. */
export async function postgresSchemaOf<DB>(db: Kysely<DB>): Promise<string | undefined> {
  if (dialectOf(db) !== 'postgres') return undefined;
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return result.rows[0]?.schema;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}
