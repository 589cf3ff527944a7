/**
 * Records the SQL every storage repository method sends, per database, for the committed files
 * src/storage/queries/*.sql (docs/storage.md, "Committed SQL"; ADR 0017). Each method is called
 * with its sample arguments (src/storage/queries/samples.ts) on a freshly migrated database
 * holding the sample rows, inside a transaction that is rolled back, through the same
 * `createSqlStore` binding the app uses. What is recorded is what reaches the database:
 *
 * - SQLite: every statement run on the better-sqlite3 handle, Kysely's and the batch path's
 *   prepared inserts alike (src/storage/table-batch.ts), with `?` placeholders.
 * - PostgreSQL: every statement Kysely sends (its `log` option), with `$n` placeholders.
 *
 * Parameters are never recorded, only their placeholders, so the files change when a query
 * does and not when data does. Shared by `npm run sql:generate` and src/storage/queries.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { format } from 'sql-formatter';
import type { Repositories } from '../src/app/shared/ports/index.js';
import { SAMPLES } from '../src/storage/queries/samples.js';
import { seedSampleData } from '../src/storage/queries/samples.js';
import {
  createSqlStore,
  migrateToLatest,
  openSqliteFile,
  repositoriesFor,
  type Database,
  type SqlDialect,
} from '../src/storage/index.js';
import { rememberSqliteHandle } from '../src/storage/table-batch.js';

export const QUERIES_DIR = new URL('../src/storage/queries/', import.meta.url);
export const DIALECTS: readonly SqlDialect[] = ['sqlite', 'postgres'];
export const POSTGRES_URL =
  process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The file and the factory name (as in the source) of each repository `repositoriesFor` binds. */
const REPOSITORY_FILES: Readonly<Record<keyof Repositories, { file: string; name: string }>> = {
  companies: { file: 'company.repository', name: 'companyRepository' },
  users: { file: 'user.repository', name: 'userRepository' },
  memberships: { file: 'membership.repository', name: 'membershipRepository' },
  invitations: { file: 'invitation.repository', name: 'invitationRepository' },
  sessions: { file: 'session.repository', name: 'sessionRepository' },
  apiTokens: { file: 'api-token.repository', name: 'apiTokenRepository' },
  parties: { file: 'party.repository', name: 'partyRepository' },
  profiles: { file: 'profile.repository', name: 'profileRepository' },
  templates: { file: 'template.repository', name: 'templateRepository' },
  trips: { file: 'trip.repository', name: 'tripRepository' },
  shipments: { file: 'shipment.repository', name: 'shipmentRepository' },
  scns: { file: 'scn-registry.repository', name: 'scnRegistry' },
  audit: { file: 'audit.repository', name: 'auditRepository' },
  driverLinks: { file: 'driver-link.repository', name: 'driverLinkRepository' },
  filing: { file: 'filing.repository', name: 'filingRepository' },
  alerts: { file: 'alert.repository', name: 'alertRepository' },
  companyLogos: { file: 'company-logo.repository', name: 'companyLogoRepository' },
  descriptions: {
    file: 'commodity-description.repository',
    name: 'commodityDescriptionRepository',
  },
};

/** The SQL of one call of one method on one database. */
export interface QuerySection {
  /** File name in src/storage/queries/, e.g. `trip.repository.sql`. */
  readonly file: string;
  /** `tripRepository.list`, with the sample case in brackets when the method has several. */
  readonly title: string;
  readonly dialect: SqlDialect;
  /** The formatted statements in the order sent, each ending with `;`. */
  readonly body: string;
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** Public methods of each bound repository, in source order, next to the samples it lacks. */
export function repositoryMethods(
  repos: Repositories,
): { readonly repository: keyof Repositories; readonly methods: readonly string[] }[] {
  return (Object.keys(REPOSITORY_FILES) as (keyof Repositories)[]).map((repository) => {
    const bound = repos[repository] as unknown as Record<string, unknown>;
    return {
      repository,
      methods: Object.keys(bound).filter((key) => typeof bound[key] === 'function'),
    };
  });
}

/** `repository.method` of every public method without an entry in SAMPLES. */
export function methodsWithoutSample(repos: Repositories): string[] {
  return repositoryMethods(repos).flatMap(({ repository, methods }) => {
    const samples = SAMPLES[repository] as Readonly<Record<string, unknown>>;
    return methods.filter((m) => !(m in samples)).map((m) => `${repository}.${m}`);
  });
}

function casesOf(sample: unknown): [label: string | undefined, args: unknown[]][] {
  if (Array.isArray(sample)) return [[undefined, sample as unknown[]]];
  const { cases } = sample as { cases: Record<string, unknown[]> };
  return Object.entries(cases);
}

/** Collects what the database receives between `start` and `stop`. */
class Recorder {
  private statements: string[] | undefined;
  record(sql: string): void {
    this.statements?.push(sql);
  }
  start(): void {
    this.statements = [];
  }
  stop(): string[] {
    const recorded = this.statements ?? [];
    this.statements = undefined;
    return recorded;
  }
}

const EXECUTING = new Set<PropertyKey>(['run', 'get', 'all', 'iterate']);

/** Wraps the handle's `prepare` so that each execution of a statement reports its SQL. */
function recordSqlite(handle: BetterSqlite3.Database, recorder: Recorder): void {
  const prepare = handle.prepare.bind(handle);
  const watched = (source: string): BetterSqlite3.Statement => {
    const statement = prepare(source);
    return new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          if (EXECUTING.has(property)) recorder.record(target.source);
          return method.apply(target, args);
        };
      },
    });
  };
  Object.assign(handle, { prepare: watched });
}

interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly recorder: Recorder;
  close(): Promise<void>;
}

function openSqlite(): OpenedDatabase {
  const recorder = new Recorder();
  // As openDatabase does, with the handle in reach to watch it.
  const handle = openSqliteFile(':memory:');
  recordSqlite(handle, recorder);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  rememberSqliteHandle(db, handle);
  return { db, recorder, close: () => db.destroy() };
}

async function withAdmin(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function openPostgres(url: string): Promise<OpenedDatabase> {
  const recorder = new Recorder();
  // A throwaway schema, as the storage tests use (test/storage-harness.ts).
  const schema = `sql_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, `create schema ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      recorder.record(event.query.sql);
    },
  });
  return {
    db,
    recorder,
    async close() {
      await db.destroy();
      await withAdmin(url, `drop schema if exists ${schema} cascade`);
    },
  };
}

/** A thrown marker that rolls back the sample's transaction. */
class RollBack extends Error {}

const FORMAT_LANGUAGE = { sqlite: 'sqlite', postgres: 'postgresql' } as const;

function formatStatement(sql: string, dialect: SqlDialect): string {
  return `${format(sql, { language: FORMAT_LANGUAGE[dialect], tabWidth: 2, keywordCase: 'preserve' })};`;
}

/** Calls every repository method with its samples on one database and returns what each sent. */
export async function recordQueries(
  dialect: SqlDialect,
  postgresUrl = POSTGRES_URL,
): Promise<QuerySection[]> {
  const opened = dialect === 'sqlite' ? openSqlite() : await openPostgres(postgresUrl);
  const { db, recorder } = opened;
  try {
    await migrateToLatest(db);
    const store = createSqlStore(db);
    await store.transaction(seedSampleData);
    const missing = methodsWithoutSample(repositoriesFor(db));
    if (missing.length > 0) {
      throw new Error(`No sample in src/storage/queries/samples.ts for ${missing.join(', ')}`);
    }
    const sections: QuerySection[] = [];
    // Enumerated inside a transaction: the repositories bound there are the ones the app uses.
    const layout = await store.transaction((repos) => Promise.resolve(repositoryMethods(repos)));
    for (const { repository, methods } of layout) {
      const { file, name } = REPOSITORY_FILES[repository];
      const samples = SAMPLES[repository] as Readonly<Record<string, unknown>>;
      for (const method of methods) {
        for (const [label, args] of casesOf(samples[method])) {
          const title = `${name}.${method}${label === undefined ? '' : ` [${label}]`}`;
          const statements = await callAndRollBack(store, recorder, (repos) => {
            const bound = repos[repository] as unknown as Record<string, AnyMethod>;
            const call = bound[method];
            if (call === undefined) throw new Error(`${title} is not a method`);
            return call(...args);
          }).catch((error: unknown) => {
            throw new Error(`${title} (${dialect}) failed on its sample arguments`, {
              cause: error,
            });
          });
          if (statements.length === 0) {
            throw new Error(`${title} (${dialect}) sent no SQL: give it a sample that does`);
          }
          sections.push({
            file: `${file}.sql`,
            title,
            dialect,
            body: statements.map((sql) => formatStatement(sql, dialect)).join('\n\n'),
          });
        }
      }
    }
    return sections;
  } finally {
    await opened.close();
  }
}

async function callAndRollBack(
  store: ReturnType<typeof createSqlStore>,
  recorder: Recorder,
  call: (repos: Repositories) => Promise<unknown>,
): Promise<string[]> {
  let statements: string[] = [];
  try {
    await store.transaction(async (repos) => {
      // Started inside the transaction and stopped before its end: BEGIN and ROLLBACK are
      // the store's, not the method's.
      recorder.start();
      try {
        await call(repos);
      } finally {
        statements = recorder.stop();
      }
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return statements;
}

const NOTE =
  '-- Generated by `npm run sql:generate` from src/storage/queries/samples.ts: do not edit.\n' +
  '-- The SQL each method sends, in order, per database; parameters appear as placeholders.';

const HEADER = /^-- (\S.*) \((sqlite|postgres)\)$/;

/** The files' text: per repository, per method and case in source order, per database. */
export function renderQueryFiles(sections: readonly QuerySection[]): Map<string, string> {
  const byFile = new Map<string, QuerySection[]>();
  for (const section of sections) {
    byFile.set(section.file, [...(byFile.get(section.file) ?? []), section]);
  }
  const files = new Map<string, string>();
  for (const file of [...byFile.keys()].sort()) {
    // Stable sort: methods keep their order, and each method's SQLite section comes first.
    const ordered = (byFile.get(file) ?? []).map((section, index) => ({ section, index }));
    const titles = [...new Set(ordered.map(({ section }) => section.title))];
    ordered.sort(
      (a, b) =>
        titles.indexOf(a.section.title) - titles.indexOf(b.section.title) ||
        DIALECTS.indexOf(a.section.dialect) - DIALECTS.indexOf(b.section.dialect) ||
        a.index - b.index,
    );
    const blocks = ordered.map(
      ({ section }) => `-- ${section.title} (${section.dialect})\n${section.body}`,
    );
    files.set(file, `${[NOTE, ...blocks].join('\n\n')}\n`);
  }
  return files;
}

/** Reads a committed file back into sections (the inverse of renderQueryFiles). */
export function parseQueryFile(file: string, text: string): QuerySection[] {
  const sections: QuerySection[] = [];
  let current: { title: string; dialect: SqlDialect; lines: string[] } | undefined;
  const flush = () => {
    if (current === undefined) return;
    const { title, dialect, lines } = current;
    sections.push({ file, title, dialect, body: lines.join('\n').trim() });
  };
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line);
    if (header !== null) {
      flush();
      current = { title: header[1] ?? '', dialect: header[2] as SqlDialect, lines: [] };
    } else {
      current?.lines.push(line);
    }
  }
  flush();
  return sections;
}

/** The committed files: name to text. */
export function readCommittedQueryFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(QUERIES_DIR)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    files.set(name, readFileSync(new URL(name, QUERIES_DIR), 'utf8'));
  }
  return files;
}

/** Whether PostgreSQL answers at `url`; the reason when it does not. */
export async function postgresProblem(url = POSTGRES_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
