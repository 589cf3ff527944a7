import type { Kysely } from 'kysely';

/** The two databases the storage layer supports; migrations differ in a few column types. */
export type SqlDialect = 'sqlite' | 'postgres';

interface Opened {
  readonly dialect: SqlDialect;
  /** PostgreSQL schema the handle works in (`public` unless configured). */
  readonly schema: string | undefined;
}

const opened = new WeakMap<Kysely<never>, Opened>();

export function rememberDialect<DB>(db: Kysely<DB>, dialect: SqlDialect, schema?: string): void {
  opened.set(db as unknown as Kysely<never>, { dialect, schema });
}

/** The dialect a handle from openDatabase was opened with (SQLite when not registered). */
export function dialectOf<DB>(db: Kysely<DB>): SqlDialect {
  return opened.get(db as unknown as Kysely<never>)?.dialect ?? 'sqlite';
}

/** The PostgreSQL schema of a handle from openDatabase; undefined on SQLite. */
export function postgresSchemaOf<DB>(db: Kysely<DB>): string | undefined {
  const entry = opened.get(db as unknown as Kysely<never>);
  return entry?.dialect === 'postgres' ? (entry.schema ?? 'public') : undefined;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}
