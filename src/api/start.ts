/**
 * Runs the service: open and migrate the database, seed the demo carrier on an empty
 * database (never in production), listen, and shut down gracefully on SIGTERM/SIGINT.
 * The CLI's `serve` command calls startService with the parsed configuration.
 */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_SCRYPT,
  randomIds,
  seedDemoCompany,
  systemClock,
  type AppDeps,
} from '../app/index.js';
import { sweepExpiredSessions } from '../app/accounts/index.js';
import {
  createRateLimitCounter,
  createSqlStore,
  migrateToLatest,
  openDatabase,
  openSqliteReader,
  isPostgresUrl,
  type RateLimitCounter,
  readinessProbe,
} from '../storage/index.js';
import { makeFolders } from '../files/make-folders.js';
import { readCappedText } from '../files/read-capped.js';
import { readServiceSettingFiles } from '../config/setting-file.js';
import { keepParserThreadReady, stopKeepingParserThreadReady } from '../csv/csv-records-worker.js';
import type { ServiceConfig } from '../config/service-config.js';
import { createSmtpMailer } from '../mail/smtp-mailer.js';
import {
  defaultScenario,
  startSimulatorServer,
  type SimulatorServer,
} from '../cbp/simulator/index.js';
import {
  startFilingLoop,
  transportFor,
  type FilingLoop,
  type ReachableTransportConfig,
} from './filing-loop.js';
import { buildServer } from './server.js';
import { builtWebRoot } from './web-app.js';
import { httpWebhookPoster } from './webhook-poster.js';
import type { Api } from './types.js';

export interface RunningService {
  readonly app: Api;
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

/** Expired sessions and ended rate-limit windows are deleted this often (and at start). */
const SWEEP_INTERVAL_MS = 10 * 60_000;

async function sweep(deps: AppDeps, rateLimits: RateLimitCounter): Promise<void> {
  await sweepExpiredSessions(deps);
  await rateLimits.sweep(Date.now());
}

/**
 * SQLite's own refusal (a folder, a file that is not a database, no permission) said with the
 * setting it came from: "unable to open database file" alone names neither.
 */
function namingSqlitePath(database: ServiceConfig['database'], error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (isPostgresUrl(database.url) || typeof code !== 'string' || !code.startsWith('SQLITE_')) {
    return error;
  }
  if (code.startsWith('SQLITE_BUSY')) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(
    `SQLITE_PATH ${database.sqlitePath} cannot be opened as a database (${reason}).`,
  );
}

function prepareMailboxFolders(folders: { readonly outbound: string; readonly inbound: string }) {
  for (const [setting, path] of [
    ['CBP_OUTBOUND_DIR', folders.outbound],
    ['CBP_INBOUND_DIR', folders.inbound],
  ] as const) {
    try {
      makeFolders(path);
    } catch (error) {
      throw new Error(`${setting}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
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
  // Read as the CLI reads its input files: a 2 GB file or /dev/zero is refused, not read whole.
  const { regulations, ediProfile } = await readServiceSettingFiles(config, readCappedText);
  // Found or made now: a file in a mailbox folder's place stops start-up naming its setting,
  // before the database is touched, instead of failing every poll of the filing loop after it.
  if (config.cbp?.kind === 'folders') prepareMailboxFolders(config.cbp);
  const busyWait = { waitMs: config.database.busyWaitMs };
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(config.database);
  } catch (error) {
    throw namingSqlitePath(config.database, error);
  }
  let reader: ReturnType<typeof openSqliteReader>;
  try {
    await migrateToLatest(db, busyWait);
    // Read-only use cases on a connection of their own: not queued behind an upload's write.
    reader = openSqliteReader(config.database);
  } catch (error) {
    await db.destroy();
    throw namingSqlitePath(config.database, error);
  }
  const mailer = config.mail === undefined ? undefined : createSmtpMailer(config.mail);
  const appDeps: AppDeps = {
    store: createSqlStore(db, { reader, busyWait }),
    clock: systemClock,
    ids: randomIds,
    sessionTtlMs: config.sessionTtlMs,
    regulations,
    ediProfile,
    mailer,
    publicUrl: config.publicUrl,
    webhookPrivateNetworks: config.webhookPrivateNetworks,
    // Without DRIVER_LINK_SECRET a key for this run only: links die at a restart (logged below).
    driverLinkSecret: config.driverLinkSecret ?? randomBytes(32).toString('hex'),
    scrypt: { ...DEFAULT_SCRYPT, ln: config.passwordHashCost },
  };

  const demo = config.mode === 'production' ? undefined : await seedDemoCompany(appDeps);

  const rateLimits = createRateLimitCounter(db);
  await sweep(appDeps, rateLimits);
  const webRoot = builtWebRoot();
  const app = await buildServer({
    mode: config.mode,
    app: appDeps,
    // process.stdout, not pino's own asynchronous writer: pipes and files take its writes at
    // once, so nothing waits to be flushed at exit. pino's writer retried a write to a pipe whose
    // reader had gone (EPIPE) for ever in that flush, and the service never stopped on SIGTERM.
    logger: { level: config.logLevel, stream: process.stdout },
    regulations,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    rateLimits,
    webRoot,
    checkReady: readinessProbe(db),
  });
  const sweeper = setInterval(() => {
    void sweep(appDeps, rateLimits).catch((error: unknown) => {
      app.log.warn({ err: error }, 'sweeping expired sessions and rate limits failed');
    });
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  if (config.driverLinkSecret === undefined && config.mode === 'production') {
    app.log.warn(
      "DRIVER_LINK_SECRET is unset: driver's-page links are signed with a key of this run only and stop working at a restart.",
    );
  }
  if (webRoot === undefined) {
    app.log.warn('dist/web is missing: only the API is served. `npm run build` makes the web app.');
  }
  let simulator: SimulatorServer | undefined;
  let filing: FilingLoop | undefined;
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    mailer?.close();
    await filing?.stop();
    await simulator?.close();
    await stopKeepingParserThreadReady();
    await reader?.destroy();
    await db.destroy();
  });
  try {
    // The built-in CBP simulator (development and demos): the same server `emanifest
    // cbp-simulator` runs, on a free loopback port of this process, reading with the service's
    // own EDI profile, so Sync with CBP is answered as CBP's certification environment would.
    let cbp: ReachableTransportConfig | undefined;
    if (config.cbp?.kind === 'built-in') {
      simulator = await startSimulatorServer({
        port: 0,
        dataDir: config.cbp.dataDir,
        scenario: defaultScenario(),
        profile: ediProfile,
      });
      cbp = { kind: 'simulator', url: simulator.url };
    } else {
      cbp = config.cbp;
    }
    if (cbp !== undefined) {
      filing = startFilingLoop(
        appDeps,
        transportFor(cbp),
        config.cbpPollMs,
        (error) => {
          app.log.warn({ err: error }, 'filing with CBP: this round failed; the next one retries');
        },
        httpWebhookPoster({ privateNetworks: config.webhookPrivateNetworks }),
      );
      app.log.info({ transport: config.cbp?.kind }, 'filing with CBP: outbox delivery started');
    }
  } catch (error) {
    await app.close();
    throw error;
  }

  options.configure?.(app);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= app.close());

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await close();
    throw error;
  }
  // A bulk CSV upload's parser thread is ready before the upload comes (ADR 0018).
  keepParserThreadReady();
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  if (demo !== undefined) {
    print(
      [
        '',
        'Empty database: created the demo carrier (SCAC DEMO) with a sample trip, an address book,',
        'truck, trailer and driver profiles and a trip template.',
        webRoot === undefined
          ? `Sign in at ${url}/api/docs or POST ${url}/api/v1/session with`
          : `Sign in at ${url}/ (the web app; the API is at ${url}/api/docs) with`,
        `  e-mail:   ${demo.email}`,
        `  password: ${demo.password}`,
        'The password is shown only now; delete the database to start over.',
        ...(config.cbp?.kind === 'built-in'
          ? [
              'Sync with CBP files with the CBP simulator built into this service (CBP_TRANSPORT=built-in):',
              "it answers as CBP's certification environment would; nothing reaches CBP.",
            ]
          : []),
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
