import { availableParallelism } from 'node:os';
import pg from 'pg';
import {
  defineConfig,
  type TestProjectInlineConfiguration,
  type ViteUserConfig,
} from 'vitest/config';

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Tests of pure code: they share one module graph safely (see the `pure` project). */
const PURE = ['src/domain/**/*.test.ts', 'src/codes/**/*.test.ts', 'src/rules/**/*.test.ts'];

/**
 * Names this run's PostgreSQL schemas and drops them at the end: the storage and API harnesses
 * reuse a worker's emptied schemas from file to file (test/postgres-schemas.ts).
 */
const POSTGRES_SCHEMAS = './test/postgres-schemas-setup.ts';

/** The API suite runs a second time on PostgreSQL when it answers, and always in CI. */
async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const withPostgres = process.env.CI !== undefined || (await postgresAnswers());
  if (!withPostgres) {
    console.warn(
      `PostgreSQL does not answer at ${POSTGRES_URL}: the API suite runs on SQLite only.`,
    );
  }
  return {
    test: {
      // Storage and API tests open real databases; keep them apart from each other: each test
      // file gets its own database (SQLite file or PostgreSQL schema) and its own server. They
      // share no module state, so a worker keeps its module graph from file to file instead of
      // importing Fastify, Kysely and zod again for each one (most of the suite's time).
      pool: 'forks',
      isolate: false,
      // Vitest's default is one worker fewer than the cores: a single worker on a two-core
      // machine, although much of the suite waits on child processes (the CLI, Chromium,
      // poppler, ZBar) and on databases rather than using its core.
      maxWorkers: Math.max(2, availableParallelism()),
      reporters: ['default', './test/summary-reporter.ts'],
      // A guard against hangs, not a speed check: generous, because CI machines are shared.
      testTimeout: 60_000,
      // `expect.poll` waits for what a browser or a child process will show; Vitest's 1 s
      // default is shorter than a page load on a loaded CI machine. The same 15 s as the
      // browser tests' Playwright waits (test/e2e/browser-harness.ts).
      expect: { poll: { timeout: 15_000 } },
      projects: [
        {
          // Pure functions (no database, no server, no global state): one worker thread runs
          // every file without a fresh module graph per file, which is most of their cost.
          extends: true,
          test: {
            name: 'pure',
            include: PURE,
            pool: 'threads',
            isolate: false,
          },
        },
        {
          extends: true,
          test: {
            name: 'all',
            include: [
              'src/**/*.test.ts',
              'test/**/*.test.ts',
              'bench/**/*.test.ts',
              'scripts/**/*.test.ts',
            ],
            exclude: PURE,
            globalSetup: [POSTGRES_SCHEMAS],
          },
        },
        ...(withPostgres
          ? ([
              {
                extends: true,
                test: {
                  name: 'api-on-postgres',
                  include: ['src/api/**/*.test.ts'],
                  // Already a PostgreSQL test whichever database the harness is given; SQLite's
                  // write lock, which PostgreSQL does not have.
                  exclude: ['src/api/silent-database.test.ts', 'src/api/database-busy.test.ts'],
                  env: { API_TEST_DATABASE: 'postgres' },
                  globalSetup: [POSTGRES_SCHEMAS],
                },
              },
            ] satisfies TestProjectInlineConfiguration[])
          : []),
      ],
    },
  };
});
