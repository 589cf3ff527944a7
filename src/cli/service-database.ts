import { existsSync } from 'node:fs';
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
import { createSqlStore, migrateToLatest, openDatabase } from '../storage/index.js';
import { UnusableError, UsageError, type CliIo } from './io.js';

/** The variable naming an API token for commands on the service's database (docs/cli.md). */
export const TOKEN_VARIABLE = 'EMANIFEST_TOKEN';

/**
 * Runs `work` on the service's own database (DATABASE_URL, or SQLITE_PATH), migrated to the
 * latest schema, with the service's regulation table (RULES_FILE) and EDI profile (EDI_PROFILE),
 * and closes it afterwards. A
 * configuration error is a usage error; a database that cannot be opened is unusable input
 * (exit 2), said plainly.
 */
export async function withServiceDatabase<T>(
  io: CliIo,
  work: (deps: AppDeps, config: ServiceConfig) => Promise<T>,
  options: { readonly mayCreate?: boolean } = {},
): Promise<T> {
  const parsed = parseConfig(io.env);
  if (!parsed.ok)
    throw new UsageError(`configuration is invalid:\n  ${parsed.errors.join('\n  ')}`);
  const { config } = parsed;
  const file = config.database.url === undefined ? config.database.sqlitePath : undefined;
  // A mistyped SQLITE_PATH would otherwise open a new, empty database and answer "no such
  // company" about the wrong file. Only a command that sets a database up may create one.
  if (
    options.mayCreate !== true &&
    file !== undefined &&
    file !== ':memory:' &&
    !existsSync(file)
  ) {
    throw new UnusableError(
      `there is no database at ${file} (SQLITE_PATH): start the service once (\`npm start\`) to create it, or set SQLITE_PATH or DATABASE_URL to the service's.`,
    );
  }
  const { regulations, ediProfile } = await readServiceSettingFiles(config, io.readFile);
  const db = openDatabase(config.database);
  try {
    try {
      await migrateToLatest(db);
    } catch (error) {
      const where = config.database.url === undefined ? config.database.sqlitePath : 'DATABASE_URL';
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnusableError(`the database (${where}) cannot be opened: ${reason}`);
    }
    const deps: AppDeps = {
      store: createSqlStore(db),
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
 * Like withServiceDatabase, acting for a company. Whoever can open the service's database is its
 * operator, so by default a command acts as the operator (an admin, audited as such) in the
 * company named by `--company` (SCAC or id), or the database's only one. With an API token in
 * EMANIFEST_TOKEN it acts as that token instead: the token's company and role apply, and the
 * audit log names the token.
 */
export async function withServiceActor<T>(
  io: CliIo,
  options: { readonly company?: string | undefined },
  work: (deps: AppDeps, actor: Actor, config: ServiceConfig) => Promise<T>,
): Promise<T> {
  return await withServiceDatabase(io, async (deps, config) => {
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
