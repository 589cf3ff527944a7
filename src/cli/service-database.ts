import { existsSync, statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import {
  authenticateApiToken,
  getCompany,
  operatorActor,
  randomIds,
  systemClock,
  type Actor,
  type AppDeps,
} from '../app/index.js';
import { readServiceSettingFiles } from '../config/setting-file.js';
import { parseConfig, type ServiceConfig } from '../config/service-config.js';
import {
  createSqlStore,
  migrateToLatest,
  openDatabase,
  schemaVersion,
  type Database,
} from '../storage/index.js';
import { UnusableError, UsageError, type CliIo } from './io.js';

/** The variable naming an API token for commands on the service's database (docs/cli.md). */
export const TOKEN_VARIABLE = 'EMANIFEST_TOKEN';

/**
 * What a command does to the service's database besides its work: `read` (a listing, an export,
 * a PDF) neither creates nor migrates one; `write` migrates it to the latest schema as the
 * service does; `create` may also set up a new one (`company create`).
 */
export type DatabaseUse = 'read' | 'write' | 'create';

/**
 * Runs `work` on the service's own database (DATABASE_URL, or SQLITE_PATH) with the service's
 * regulation table (RULES_FILE) and EDI profile (EDI_PROFILE), and closes it afterwards. An
 * invalid configuration, and a database that is missing, behind or cannot be opened, are
 * unusable input (exit 2), said in one line without the usage text.
 */
export async function withServiceDatabase<T>(
  io: CliIo,
  use: DatabaseUse,
  work: (deps: AppDeps, config: ServiceConfig) => Promise<T>,
): Promise<T> {
  const parsed = parseConfig(io.env);
  if (!parsed.ok)
    throw new UnusableError(`configuration is invalid:\n  ${parsed.errors.join('\n  ')}`);
  const { config } = parsed;
  const file = config.database.url === undefined ? config.database.sqlitePath : undefined;
  const where = file === undefined ? 'DATABASE_URL' : `${file} (SQLITE_PATH)`;
  const noDatabase = new UnusableError(
    `there is no database at ${where}: start the service once (\`npm start\`) to create it, or set SQLITE_PATH or DATABASE_URL to the service's.`,
  );
  // A mistyped SQLITE_PATH would otherwise open a new, empty database and answer "no such
  // company" about the wrong file. Only a command that sets a database up may create one; an
  // empty file (`touch`, a copy that failed) is no database either, and opening it would
  // already write SQLite's header into it.
  if (use !== 'create' && file !== undefined && file !== ':memory:') {
    if (!existsSync(file)) throw noDatabase;
    if (use === 'read' && statSync(file).size === 0) throw noDatabase;
  }
  const { regulations, ediProfile } = await readServiceSettingFiles(config, io.readFile);
  const unopenable = (error: unknown) =>
    new UnusableError(
      `the database at ${where} cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
    );
  let db: Kysely<Database>;
  try {
    // better-sqlite3 throws at once on a folder or a file that is not a database.
    db = openDatabase(config.database);
  } catch (error) {
    throw unopenable(error);
  }
  try {
    try {
      if (use === 'read') await checkSchema(db, noDatabase, where);
      else await migrateToLatest(db, { waitMs: config.database.busyWaitMs });
    } catch (error) {
      if (error instanceof UnusableError) throw error;
      throw unopenable(error);
    }
    const deps: AppDeps = {
      store: createSqlStore(db, { busyWait: { waitMs: config.database.busyWaitMs } }),
      clock: systemClock,
      ids: randomIds,
      regulations,
      ediProfile,
    };
    return await work(deps, config);
  } finally {
    await db.destroy();
  }
}

/**
 * A read-only command reads the schema it finds, as it is: none is no database, and an older
 * one is left for the service (or a command that writes) to bring up to date, so a listing
 * never changes the database under a service of the previous version.
 */
async function checkSchema(
  db: Kysely<Database>,
  noDatabase: UnusableError,
  where: string,
): Promise<void> {
  const { applied, pending } = await schemaVersion(db);
  if (applied === 0) throw noDatabase;
  if (pending > 0) {
    throw new UnusableError(
      `the database at ${where} is from an earlier version of ACE eManifest (${String(pending)} schema change${pending === 1 ? '' : 's'} behind) and this command only reads: start the service (\`emanifest serve\`) once to bring it up to date.`,
    );
  }
}

/**
 * Like withServiceDatabase, acting for a company. Whoever can open the service's database is its
 * operator, so by default a command acts as the operator (an admin, audited as such) in the
 * company named by `--company` (SCAC or id), or the database's only one. With an API token in
 * EMANIFEST_TOKEN it acts as that token instead: the token's company and role apply, and the
 * audit log names the token.
 */
export async function withServiceActor<T>(
  io: CliIo,
  options: { readonly company?: string | undefined; readonly use: DatabaseUse },
  work: (deps: AppDeps, actor: Actor, config: ServiceConfig) => Promise<T>,
): Promise<T> {
  return await withServiceDatabase(io, options.use, async (deps, config) => {
    const secret = io.env[TOKEN_VARIABLE]?.trim();
    if (secret === undefined || secret === '') {
      return await work(deps, await operatorActor(deps, { company: options.company }), config);
    }
    const actor = await authenticateApiToken(deps, { secret });
    const named = options.company?.trim().toUpperCase();
    if (named !== undefined && named !== '') {
      const company = await getCompany(deps, actor);
      if (company.scac !== named && company.id !== options.company?.trim()) {
        throw new UsageError(
          `the API token in ${TOKEN_VARIABLE} belongs to another company than --company ${named}.`,
        );
      }
    }
    return await work(deps, actor, config);
  });
}
