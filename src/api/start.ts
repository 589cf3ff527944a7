/**
 * Runs the service: open and migrate the database, seed the demo carrier on an empty
 * database (never in production), listen, and shut down gracefully on SIGTERM/SIGINT.
 * The CLI's `serve` command calls startService with the parsed configuration.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { randomIds, systemClock, type AppDeps } from '../app/index.js';
import { parseJsonText } from '../domain/index.js';
import { loadRegulations, type RegulationTable } from '../rules/index.js';
import { createSqlStore, migrateToLatest, openDatabase } from '../storage/index.js';
import type { ServiceConfig } from './config.js';
import { seedDemo } from './demo-data.js';
import { buildServer } from './server.js';
import { builtWebRoot } from './web-app.js';
import type { Api } from './types.js';

export interface RunningService {
  readonly app: Api;
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

async function regulationsFrom(file: string | undefined): Promise<RegulationTable | undefined> {
  if (file === undefined) return undefined;
  const text = parseJsonText(await readFile(file, 'utf8'));
  if (!text.ok) {
    throw new Error(
      `RULES_FILE ${file}:${text.line}:${text.column}: not valid JSON: ${text.message}.`,
    );
  }
  const loaded = loadRegulations(text.value);
  if (loaded.ok) return loaded.table;
  const problems = loaded.issues.map((issue) => `  ${issue.path || '/'}: ${issue.message}`);
  throw new Error(`RULES_FILE ${file} is not a valid regulation table:\n${problems.join('\n')}`);
}

export async function startService(
  config: ServiceConfig,
  options: {
    readonly handleSignals?: boolean;
    readonly print?: (text: string) => void;
    /** Adds routes or hooks before listening (tests, embedding). */
    readonly configure?: (app: Api) => void;
  } = {},
): Promise<RunningService> {
  const print = options.print ?? ((text: string) => process.stderr.write(text));
  const regulations = await regulationsFrom(config.rulesFile);
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const appDeps: AppDeps = {
    store: createSqlStore(db),
    clock: systemClock,
    ids: randomIds,
    sessionTtlMs: config.sessionTtlMs,
    regulations,
  };

  let demo: { email: string; password: string } | undefined;
  if (config.mode !== 'production') {
    const companies = await db
      .selectFrom('companies')
      // PostgreSQL returns a bigint count as a string, SQLite as a number.
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(companies.count) === 0) demo = await seedDemo(appDeps);
  }

  const webRoot = builtWebRoot();
  const app = await buildServer({
    mode: config.mode,
    app: appDeps,
    logger: { level: config.logLevel },
    regulations,
    trustProxy: config.trustProxy,
    webRoot,
    checkReady: async () => {
      await sql`select 1`.execute(db);
    },
  });
  if (webRoot === undefined) {
    app.log.warn('dist/web is missing: only the API is served. `npm run build` makes the web app.');
  }
  app.addHook('onClose', async () => {
    await db.destroy();
  });

  options.configure?.(app);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= app.close());

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  if (demo !== undefined) {
    print(
      [
        '',
        'Empty database: created the demo carrier (SCAC DEMO) with a sample trip.',
        webRoot === undefined
          ? `Sign in at ${url}/api/docs or POST ${url}/api/v1/session with`
          : `Sign in at ${url}/ (the web app; the API is at ${url}/api/docs) with`,
        `  e-mail:   ${demo.email}`,
        `  password: ${demo.password}`,
        'The password is shown only now; delete the database to start over.',
        '',
      ].join('\n') + '\n',
    );
  }

  if (options.handleSignals !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        close().then(
          () => process.exit(0),
          (error: unknown) => {
            app.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, url, close };
}
